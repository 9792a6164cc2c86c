// coopgraph import: export → import → export is byte-identical, on the seed
// graph and on a folder with facts entered by hand and a merge (the CLI's
// test does a generated graph of over 100,000 facts); bad input is refused, naming each
// problem, and leaves nothing behind.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidGraphDataError } from '../../src/errors.js';
import { exportGraph, type ExportFormat } from '../../src/export/export-graph.js';
import { planCreateEntity } from '../../src/store/changes/create-entity.js';
import { planCreateRelation } from '../../src/store/changes/create-relation.js';
import { planMergeEntities } from '../../src/store/changes/merge-entities.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { importGraph, parseExport } from '../../src/write/import-graph.js';
import { changeLogPath, openData, readData } from '../../src/write/open-data.js';
import { seedGraph } from '../seed-graph.js';
import { copyOfGraph } from './data-dir.js';
import { tempDir } from '../temp-dir.js';

const text = (kg: KnowledgeGraph, format: ExportFormat = 'json') => [...exportGraph(kg, format)].join('');
const newDir = () => join(tempDir('import'), 'graph');

function roundTrip(exported: string, format: ExportFormat = 'json') {
  const dir = newDir();
  const result = importGraph(parseExport(exported, 'export'), dir);
  return { dir, result, again: text(readData(dir).kg, format) };
}

describe('importGraph', () => {
  it('gives the seed graph back byte for byte, from json and from ndjson, with facts files alone', () => {
    const json = text(seedGraph());
    const { dir, result, again } = roundTrip(json);
    expect(again).toBe(json);
    expect(result).toMatchObject({ entities: seedGraph().entityCount, relations: seedGraph().relationCount, articles: 2, logged: 0 });
    expect(existsSync(changeLogPath(dir))).toBe(false);
    expect(readdirSync(join(dir, 'facts'))).toHaveLength(2);
    const ndjson = text(seedGraph(), 'ndjson');
    expect(roundTrip(ndjson, 'ndjson').again).toBe(ndjson);
  });

  it('keeps facts entered by hand and a merge, in the change log, and gives them back byte for byte', async () => {
    const source = copyOfGraph();
    const { writer } = await openData(source, { write: true });
    writer!.commit('ed', (kg, actor) => planCreateEntity(kg, { kind: 'Person', name: 'Tran Van A', attributes: { rank: 'Colonel' } }, actor));
    writer!.commit('ed', (kg, actor) =>
      planCreateRelation(kg, { type: 'HOLDS_POSITION', from: 'person:tran-van-a', to: 'police-agency:lang-son-provincial-police-department', properties: { title: 'Director' } }, actor),
    );
    writer!.commit('ad', (kg) => planMergeEntities(kg, 'person:vu-tien-dung', 'person:tran-van-a'));
    const json = text(writer!.kg);
    await writer!.close();

    const { dir, result, again } = roundTrip(json);
    expect(again).toBe(json);
    expect(result.logged).toBeGreaterThan(0);
    const entered = readData(dir).kg.findRelation('HOLDS_POSITION:person:vu-tien-dung->police-agency:lang-son-provincial-police-department')!;
    expect(entered.assertedBy?.by).toBe('ed');
    expect(readData(dir).history.map((r) => r.change.kind)).toEqual(['IMPORT']);
  });

  it('keeps a quoted relation whose end was entered by hand without a quote (the relation waits for the change log)', async () => {
    const source = copyOfGraph();
    const { writer } = await openData(source, { write: true });
    writer!.commit('ed', (kg, actor) => planCreateEntity(kg, { kind: 'Person', name: 'Tran Van B' }, actor));
    writer!.commit('ed', (kg, actor) =>
      planCreateRelation(
        kg,
        {
          type: 'HOLDS_POSITION',
          from: 'person:tran-van-b',
          to: 'police-agency:lang-son-provincial-police-department',
          evidence: [{ article: 'article:2019-05-10-vietnamese-border-provinces-police-enhance-cooperation', quote: 'Lang Son' }],
        },
        actor,
      ),
    );
    const json = text(writer!.kg);
    await writer!.close();
    expect(roundTrip(json).again).toBe(json);
  });

  it('reads ndjson whose lines are spaced', () => {
    const spaced = text(seedGraph(), 'ndjson')
      .split('\n')
      .map((line) => line.replace(/^\{"record":/, '{ "record": '))
      .join('\n');
    expect(parseExport(spaced, 'spaced.ndjson').entities).toHaveLength(seedGraph().entityCount);
  });

  it('refuses records that break the loader\'s rules, naming each, and writes nothing', () => {
    const data = JSON.parse(text(seedGraph())) as { entities: { id: string; kind: string; evidence: { quote: string }[] }[] };
    const person = data.entities.find((e) => e.kind === 'Person')!;
    person.evidence[0]!.quote = 'words the article never says';
    const agency = data.entities.find((e) => e.kind === 'PoliceAgency')!;
    agency.kind = 'Bureau';
    const dir = newDir();
    const error = (() => {
      try {
        importGraph(parseExport(JSON.stringify(data), 'bad.json'), dir);
      } catch (e) {
        return e;
      }
    })() as InvalidGraphDataError;
    expect(error).toBeInstanceOf(InvalidGraphDataError);
    expect(error.problems.map((p) => p.message).join('\n')).toMatch(/quote "words the article never says" is not in the text/);
    expect(error.problems.every((p) => !p.file.includes('importing'))).toBe(true);
    expect(error.problems.map((p) => p.message).join('\n')).toMatch(/Bureau/);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(join(dir, '..'))).toEqual([]);
  });

  it('refuses what is not an export, and a folder that is not empty', () => {
    expect(() => parseExport('{"entities": 3}', 'x.json')).toThrow(InvalidGraphDataError);
    expect(() => parseExport('{"record":"entity","id":"a"}\n{"record":"thing","id":"b"}\nnot json', 'x.ndjson')).toThrow(/line 2.*\n.*line 3/s);
    expect(() => parseExport('', 'empty.json')).toThrow(/not JSON/);
    const dir = newDir();
    importGraph(parseExport(text(seedGraph()), 'a'), dir);
    const before = readFileSync(join(dir, 'facts', readdirSync(join(dir, 'facts'))[0]!), 'utf8');
    expect(() => importGraph(parseExport(text(seedGraph()), 'a'), dir)).toThrow(/not empty/);
    expect(readFileSync(join(dir, 'facts', readdirSync(join(dir, 'facts'))[0]!), 'utf8')).toBe(before);
  });
});
