// coopgraph export | import | export through the executable, on a generated
// graph of over 100,000 facts: the two exports are the same bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoopgraph } from '../serve-process.js';
import { tempDir } from '../temp-dir.js';

const coopgraph = (...args: string[]) => runCoopgraph(args, { timeout: 240_000 });

describe('coopgraph import', () => {
  it('round-trips a generated graph of over 100,000 facts: export, import, export gives the same bytes', async () => {
    const work = tempDir('import-cli');
    expect((await coopgraph('generate', '--entities', '20000', '--seed', '11', '--out', join(work, 'generated'))).code).toBe(0);
    expect((await coopgraph('export', '--graph', join(work, 'generated'), '--out', join(work, 'first.json'))).code).toBe(0);
    const imported = await coopgraph('import', join(work, 'first.json'), '--out', join(work, 'imported'));
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const counts = /imported (\d+) entities, (\d+) relations/.exec(imported.stderr)!;
    expect(Number(counts[1]) + Number(counts[2])).toBeGreaterThan(100_000);
    expect((await coopgraph('export', '--graph', join(work, 'imported'), '--out', join(work, 'second.json'))).code).toBe(0);
    expect(readFileSync(join(work, 'second.json')).equals(readFileSync(join(work, 'first.json')))).toBe(true);
  }, 300_000);

  it('says what is wrong: a usage error exits 2, an export that breaks the rules exits 1 and lists each problem', async () => {
    const work = tempDir('import-cli');
    expect((await coopgraph('import', 'x.json')).code).toBe(2);
    const missing = await coopgraph('import', join(work, 'nope.json'), '--out', join(work, 'g'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/cannot read .*nope\.json: ENOENT/)]);
    writeFileSync(join(work, 'bad.json'), '{"entities": [], "relations": [{"id": "x"}]}');
    const bad = await coopgraph('import', join(work, 'bad.json'), '--out', join(work, 'g'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.json: relations\.0\.evidence: /);
    expect(bad.stderr).toMatch(/nothing imported/);
  });
});
