// The coopgraph executable end to end: spawned processes, real exit codes.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GRAPH_DIR } from '../seed-graph.js';
import { runCoopgraph, startServe } from '../serve-process.js';
import { tempDir } from '../temp-dir.js';

const PLAYGROUND = fileURLToPath(new URL('../../src/api/playground/', import.meta.url));

const coopgraph = (...args: string[]) => runCoopgraph(args);

describe('coopgraph CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const { code, stdout } = await coopgraph('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'query', 'export', 'validate', 'stats']) expect(stdout).toContain(command);
  });

  it('explains each command with --help', async () => {
    const { code, stdout } = await coopgraph('query', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('coopgraph query --file F.graphql');
  });

  it('exits 2 with usage on an unknown command or option', async () => {
    expect((await coopgraph('frobnicate')).code).toBe(2);
    const wrong = await coopgraph('stats', '--colour');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--colour'");
    expect(wrong.stderr).toContain('Usage: coopgraph stats');
  });

  it('validate passes on graph/', async () => {
    const { code, stdout } = await coopgraph('validate');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: 58 entities, 128 relations, 1 conflicts/);
  });

  it('validate lists every problem of a broken copy and exits 1', async () => {
    const dir = tempDir('broken');
    cpSync(GRAPH_DIR, dir, { recursive: true });
    const file = join(dir, 'facts', '001_5bf859b125cfd1d9.yaml');
    const broken = readFileSync(file, 'utf8')
      .replace('kind: Person', 'kind: Persn')
      .replace('quote: by Duy Tien', 'quote: by Duy Tieng')
      .replace('to: agreement:dien-bien-puer-mou-8', 'to: agreement:dien-bien-puer-mou-80');
    writeFileSync(file, broken);
    const { code, stdout } = await coopgraph('validate', '--graph', dir);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => /001_5bf859b125cfd1d9\.yaml: entities\[\d+\]\.kind: unknown kind "Persn" \(did you mean "Person"\?\)/.test(l))).toBe(true);
    expect(lines.some((l) => /evidence\[0\]: quote "by Duy Tieng" is not in the text/.test(l))).toBe(true);
    expect(lines.some((l) => /relations\[\d+\]\.to: unknown entity "agreement:dien-bien-puer-mou-80" \(did you mean "agreement:dien-bien-puer-mou-8"\?\)/.test(l))).toBe(true);
  });

  it('query runs an acceptance query from a file with variables', async () => {
    const { code, stdout } = await coopgraph('query', '--file', join(PLAYGROUND, 'official.graphql'), '--variables', '{"name": "Nguyen Trung Thuc"}');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.data.search[0].positions[0]).toMatchObject({ title: 'Director', agency: { id: 'police-agency:lang-son-provincial-police-department' } });
  });

  it('query exits 1 when the result has errors, printing them', async () => {
    const { code, stdout, stderr } = await coopgraph('query', '{ node(id: "nobody") { id } }');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(stderr).toBe('');
  });

  it('query exits 2 on variables that are not a JSON object', async () => {
    expect((await coopgraph('query', '{ stats { entities } }', '--variables', '{oops')).code).toBe(2);
    expect((await coopgraph('query', '{ stats { entities } }', '--variables', '[1]')).code).toBe(2);
    expect((await coopgraph('query', '--file', '/no/such/file.graphql')).code).toBe(2);
  });

  it('export writes json and ndjson of the whole graph', async () => {
    const json = JSON.parse((await coopgraph('export')).stdout);
    expect(json.entities).toHaveLength(58);
    expect(json.relations).toHaveLength(128);
    const lines = (await coopgraph('export', '--format', 'ndjson')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.record === 'entity')).toHaveLength(58);
    expect(lines.filter((l) => l.record === 'relation')).toHaveLength(128);
    expect((await coopgraph('export', '--format', 'xml')).code).toBe(2);
  });

  it('export --out writes the file', async () => {
    const out = join(tempDir('export'), 'graph.json');
    expect((await coopgraph('export', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).entities).toHaveLength(58);
  });

  it('stats counts by kind and type', async () => {
    const stats = JSON.parse((await coopgraph('stats', '--json')).stdout);
    expect(stats.entities).toBe(58);
    expect(stats.byType.find((t: { type: string }) => t.type === 'SIGNED').count).toBe(3);
    expect((await coopgraph('stats')).stdout).toMatch(/PoliceAgency\s+9/);
  });

  it('exits 1 with the problems when the graph is broken', async () => {
    const dir = tempDir('broken');
    cpSync(GRAPH_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'facts', 'bad.json'), '{ not json');
    const { code, stderr } = await coopgraph('stats', '--graph', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.json: not valid JSON/);
  });

  it('serve listens, answers /health and GraphQL, and stops on SIGTERM', async () => {
    const { url, stop } = await startServe();
    try {
      const health = await fetch(url.replace('/graphql', '/health'));
      expect(await health.json()).toMatchObject({ status: 'ok', entities: 58 });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { relations } }' }) });
      expect(await response.json()).toEqual({ data: { stats: { relations: 128 } } });
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it('serve refuses a port that is not a number', async () => {
    expect((await coopgraph('serve', '--port', 'eighty')).code).toBe(2);
  });
});
