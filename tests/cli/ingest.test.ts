// coopgraph ingest and eval end to end, on a copy of graph/.

import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { GRAPH_DIR } from '../seed-graph.js';
import { runCoopgraph } from '../serve-process.js';
import { tempDir } from '../temp-dir.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const SEED = join(GRAPH_DIR, 'sources', '001_5bf859b125cfd1d9.txt');

const coopgraph = (...args: string[]) => runCoopgraph(args);

/** Every file of a graph folder with its content, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const sub of ['facts', 'sources']) for (const f of readdirSync(join(dir, sub))) files[`${sub}/${f}`] = readFileSync(join(dir, sub, f), 'utf8');
  return files;
}

let graph: string;
beforeEach(() => {
  graph = tempDir('ingest');
  cpSync(GRAPH_DIR, graph, { recursive: true });
});

describe('coopgraph ingest', () => {
  it('changes nothing when the graph already holds the article', async () => {
    const before = snapshot(graph);
    const { code, stdout } = await coopgraph('ingest', SEED, '--graph', graph);
    expect(code).toBe(0);
    expect(stdout).toContain('already in the graph as article:2019-05-25-dien-bien-provincial-police-police-of-puer; nothing changes');
    expect(snapshot(graph)).toEqual(before);
  });

  it('writes a new article into the graph, merging into the agency it names, once', async () => {
    const article = join(FIXTURES, 'dien-bien-phongsaly.txt');
    const first = await coopgraph('ingest', article, '--graph', graph);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/entities: \d+ new, \d+ merged/);
    expect((await coopgraph('validate', '--graph', graph)).code).toBe(0);
    const query = await coopgraph(
      'query',
      '{ node(id: "police-agency:dien-bien-provincial-police-department") { evidence { article { id } } ... on PoliceAgency { counterparts { id } } } }',
      '--graph',
      graph,
    );
    const node = JSON.parse(query.stdout).data.node;
    expect(node.evidence.map((e: { article: { id: string } }) => e.article.id)).toContain('article:2019-12-18-dien-bien-police-and-phongsaly-police-of-laos');
    expect(node.counterparts.map((c: { id: string }) => c.id)).toContain('police-agency:phongsaly-provincial-police-headquarters');

    const after = snapshot(graph);
    const again = await coopgraph('ingest', article, '--graph', graph);
    expect(again.stdout).toContain('nothing changes');
    expect(snapshot(graph)).toEqual(after);
  });

  it('prints the proposal in the export format with --dry-run --json, writing nothing', async () => {
    const before = snapshot(graph);
    const { code, stdout } = await coopgraph('ingest', join(FIXTURES, 'dien-bien-phongsaly.txt'), '--dry-run', '--json', '--graph', graph);
    expect(code).toBe(0);
    const proposal = JSON.parse(stdout);
    expect(proposal.entities.length).toBeGreaterThan(10);
    expect(proposal.relations[0]).toMatchObject({ id: expect.any(String), type: expect.any(String), from: expect.any(String), to: expect.any(String), stated: expect.any(Boolean) });
    expect(proposal.relations[0].evidence[0]).toMatchObject({ article: proposal.article.id, quote: expect.any(String) });
    expect(snapshot(graph)).toEqual(before);
  });

  it.each([
    ['an empty file', '', /the article is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]), /not text/],
    ['5 MB of text', 'the police of the province '.repeat(200_000), /at most 500000 characters/],
    ['HTML', readFileSync(join(FIXTURES, 'article.html')), /looks like HTML/],
    ['another language', readFileSync(join(FIXTURES, 'not-english.txt')), /does not look like English/],
  ])('refuses %s with a message and exit 1, writing nothing', async (_, content, message) => {
    const file = join(tempDir('bad'), 'article.txt');
    writeFileSync(file, content);
    const before = snapshot(graph);
    const { code, stderr } = await coopgraph('ingest', file, '--graph', graph);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(graph)).toEqual(before);
  });

  it('refuses a missing file', async () => {
    const { code, stderr } = await coopgraph('ingest', '/no/such/article.txt', '--graph', graph);
    expect(code).toBe(1);
    expect(stderr).toContain('/no/such/article.txt: no such file');
  });

  it('exits 2 on wrong arguments', async () => {
    expect((await coopgraph('ingest')).code).toBe(2);
    expect((await coopgraph('ingest', SEED, '--min-confidence', '2')).code).toBe(2);
    expect((await coopgraph('ingest', SEED, SEED, '--title', 'x')).code).toBe(2);
  });
});

describe('coopgraph eval', () => {
  it('scores the seeds against their gold', async () => {
    const gold = fileURLToPath(new URL('../fixtures/gold/', import.meta.url));
    const { code, stdout } = await coopgraph('eval', '--gold', gold, '--texts', join(GRAPH_DIR, 'sources'), '--json');
    expect(code).toBe(0);
    const { overall } = JSON.parse(stdout);
    expect(overall.entities.f1).toBeGreaterThanOrEqual(0.9);
    expect(overall.statedRelations.f1).toBeGreaterThanOrEqual(0.8);
    expect(overall.inferredMarkedStated).toBe(0);
  });
});
