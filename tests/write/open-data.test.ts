// Opening a data folder: facts files, then the change log replayed; the
// graph read back is exactly the graph that was served; damage is refused,
// a torn tail repaired; one writer at a time.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataLockedError, InvalidGraphDataError } from '../../src/errors.js';
import { planCreateEntity } from '../../src/store/changes/create-entity.js';
import { planCreateRelation } from '../../src/store/changes/create-relation.js';
import { planMergeEntities } from '../../src/store/changes/merge-entities.js';
import { planUpdateEntity } from '../../src/store/changes/update-entity.js';
import { changeLogPath, openData, readData } from '../../src/write/open-data.js';
import { copyOfGraph, snapshot } from './data-dir.js';

const AGENCY = 'police-agency:lang-son-provincial-police-department';
const ARTICLE = 'article:2019-05-10-vietnamese-border-provinces-police-enhance-cooperation';

/** A folder with a few changes written through its writer; the graph as served. */
async function writtenFolder(): Promise<{ dir: string; served: string }> {
  const dir = copyOfGraph();
  const { writer } = await openData(dir, { write: true });
  writer!.commit('ed', (kg, actor) => planCreateEntity(kg, { kind: 'Person', name: 'Tran Van A', attributes: { rank: 'Colonel' } }, actor));
  writer!.commit('ed', (kg, actor) =>
    planCreateEntity(kg, { kind: 'Person', name: 'Tran Van A bis', evidence: [{ article: ARTICLE, quote: 'Lang Son' }] }, actor),
  );
  writer!.commit('ed', (kg, actor) => planCreateRelation(kg, { type: 'HOLDS_POSITION', from: 'person:tran-van-a-bis', to: AGENCY, properties: { title: 'Director' } }, actor));
  writer!.commit('ad', (kg) => planMergeEntities(kg, 'person:tran-van-a', 'person:tran-van-a-bis'));
  writer!.commit('ed', (kg) => planUpdateEntity(kg, 'person:tran-van-a', { attributes: { rank: null } }));
  const served = snapshot(writer!.kg);
  await writer!.close();
  return { dir, served };
}

describe('openData', () => {
  it('reads back exactly the graph that was served', async () => {
    const { dir, served } = await writtenFolder();
    const again = await openData(dir);
    expect(snapshot(again.kg)).toBe(served);
    expect(again.history.map((r) => [r.revision, r.change.kind, r.by])).toEqual([
      [1, 'CREATE_ENTITY', 'ed'],
      [2, 'CREATE_ENTITY', 'ed'],
      [3, 'CREATE_RELATION', 'ed'],
      [4, 'MERGE_ENTITIES', 'ad'],
      [5, 'UPDATE_ENTITY', 'ed'],
    ]);
    expect(again.kg.findEntity('person:tran-van-a-bis')?.id).toBe('person:tran-van-a');
  });

  it('opened for writing, continues the revisions', async () => {
    const { dir } = await writtenFolder();
    const { writer } = await openData(dir, { write: true });
    const record = writer!.commit('ed', (kg, actor) => planCreateEntity(kg, { kind: 'Person', name: 'Le Thi B' }, actor));
    await writer!.close();
    expect(record.revision).toBe(6);
    expect(readData(dir).kg.hasEntity('person:le-thi-b')).toBe(true);
  });

  it('refuses a change log damaged in the middle, naming the file and line; the graph is not served', async () => {
    const { dir } = await writtenFolder();
    const path = changeLogPath(dir);
    const bytes = readFileSync(path);
    const at = bytes.indexOf(0x0a) + 40; // inside the second record
    bytes[at] = bytes[at]! ^ 0x04;
    writeFileSync(path, bytes);
    const error = await openData(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGraphDataError);
    expect((error as InvalidGraphDataError).problems[0]).toMatchObject({ file: expect.stringMatching(/changes\.log$/), path: expect.stringMatching(/^line 2 \(byte \d+\)$/) });
  });

  it('drops a torn last record with a warning; under the lock, cuts it off and keeps its bytes aside', async () => {
    const { dir } = await writtenFolder();
    const path = changeLogPath(dir);
    const whole = readFileSync(path);
    const torn = Buffer.concat([whole, Buffer.from('0badf00d {"revision":6,"at":"2026-')]);
    writeFileSync(path, torn);
    const read = readData(dir);
    expect(read.history).toHaveLength(5);
    expect(read.warnings[0]).toMatch(/dropped an incomplete last record \(34 bytes at byte \d+\).*5 complete records kept/);
    expect(readFileSync(path)).toEqual(torn); // reading alone repairs nothing

    const opened = await openData(dir, { write: true });
    expect(opened.warnings[0]).toMatch(/kept in .*changes\.log\.torn-.* and the log was cut back/);
    await opened.writer!.close();
    expect(readFileSync(path)).toEqual(whole);
    const side = readdirSync(dir).find((n) => n.startsWith('changes.log.torn-'));
    expect(readFileSync(join(dir, side!)).toString()).toBe('0badf00d {"revision":6,"at":"2026-');
  });

  it('refuses a log that no longer fits the facts files, naming the revision', async () => {
    const { dir } = await writtenFolder();
    const facts = join(dir, 'facts', readdirSync(join(dir, 'facts')).sort()[0]!);
    // the entity the log's first change created is declared by hand in a facts file
    const declared = '  - id: person:tran-van-a\n    kind: Person\n    name: Tran Van A\n    evidence:\n      - quote: Lang Son\n';
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('entities:\n', `entities:\n${declared}`));
    const error = await openData(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGraphDataError);
    expect((error as InvalidGraphDataError).problems[0]).toMatchObject({
      path: 'revision 1',
      message: expect.stringMatching(/^CREATE_ENTITY of .* does not fit the graph: entity "person:tran-van-a" is not as the change found it/),
    });
  });

  it('lets one writer at a time: a second process fails on the lock, and gets it once the first closes', async () => {
    const { dir } = await writtenFolder();
    const first = await openData(dir, { write: true });
    const bin = fileURLToPath(new URL('../../bin/coopgraph.js', import.meta.url));
    const second = spawnSync(process.execPath, [bin, 'ingest', '--data', dir, fileURLToPath(new URL('../fixtures/ingest/dien-bien-phongsaly.txt', import.meta.url))], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/is open for writing by another coopgraph process/);
    expect(readdirSync(join(dir, 'facts'))).toHaveLength(2); // nothing written
    const inProcess = await openData(dir, { write: true }).catch((e: unknown) => e);
    expect(inProcess).toBeInstanceOf(DataLockedError);
    await first.writer!.close();
    const after = await openData(dir, { write: true });
    expect(after.writer).not.toBeNull();
    await after.writer!.close();
    expect(existsSync(join(dir, '.coopgraph.lock'))).toBe(false);
  }, 30_000);
});
