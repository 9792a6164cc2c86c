// The loader: the real graph loads; each kind of bad record is rejected with
// a message that names the file, the place in the file and the value; every
// problem is reported at once.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { GraphTooLargeError, InvalidGraphDataError, type DataProblem } from '../../src/errors.js';
import { assertFitsHeap, loadGraph } from '../../src/load/load-graph.js';
import { thrown as thrownBy } from '../store/thrown.js';
import { GRAPH_DIR } from '../seed-graph.js';
import { tempDir } from '../temp-dir.js';

const TEXT = 'Police meet\n\nJune, 3 2020\nMPS - Colonel Jane Doe, Director of the Lang Son Provincial Police Department, met the Guangxi police in Lang Son.\n';

interface Files {
  [name: string]: { text?: string; facts: unknown; json?: boolean } | undefined;
}

/** A graph folder with one text and one facts file per entry. */
function graphWith(files: Files): string {
  const dir = tempDir('load');
  mkdirSync(join(dir, 'facts'));
  mkdirSync(join(dir, 'sources'));
  for (const [name, file] of Object.entries(files)) {
    if (!file) continue;
    writeFileSync(join(dir, 'sources', `${name}.txt`), file.text ?? TEXT);
    const content = typeof file.facts === 'string' ? file.facts : file.json ? JSON.stringify(file.facts) : stringify(file.facts);
    writeFileSync(join(dir, 'facts', `${name}.${file.json ? 'json' : 'yaml'}`), content);
  }
  return dir;
}

const article = (name = 'a') => ({ id: `article:${name}`, title: 'Police meet', publishedOn: '2020-06-03', source: `sources/${name}.txt` });
const doe = { id: 'person:jane-doe', kind: 'Person', name: 'Jane Doe', attributes: { rank: 'Colonel' }, evidence: [{ quote: 'Colonel Jane Doe' }] };
const langSon = { id: 'police-agency:lang-son', kind: 'PoliceAgency', name: 'Lang Son Provincial Police Department', evidence: [{ quote: 'Lang Son Provincial Police Department' }] };
const area = { id: 'area:lang-son', kind: 'Area', name: 'Lang Son', attributes: { level: 'PROVINCE' }, evidence: [{ quote: 'in Lang Son' }] };
const holds = { type: 'HOLDS_POSITION', from: 'person:jane-doe', to: 'police-agency:lang-son', properties: { title: 'Director' }, evidence: [{ quote: 'Colonel Jane Doe, Director of the Lang Son Provincial Police Department' }] };
type Record_ = Record<string, unknown>;
const valid = (): { article: Record_; entities: Record_[]; relations: Record_[] } => ({ article: article(), entities: [doe, langSon, area], relations: [holds] });

/** The problems loading the folder reports (and that it does report some). */
function problems(files: Files): DataProblem[] {
  try {
    loadGraph(graphWith(files));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidGraphDataError);
    expect((error as InvalidGraphDataError).code).toBe('INVALID_GRAPH_DATA');
    return (error as InvalidGraphDataError).problems;
  }
  throw new Error('the graph loaded, but problems were expected');
}

/** Exactly one problem, at this path, saying this. */
function expectOne(files: Files, path: string, message: RegExp): void {
  const found = problems(files);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  expect(found[0]!.file).toMatch(/facts\/a\.(yaml|json)$/);
  expect(found[0]!.path).toBe(path);
  expect(found[0]!.message).toMatch(message);
}

const withEntity = (change: object, index = 0) => {
  const facts = valid();
  facts.entities[index] = { ...facts.entities[index]!, ...change };
  return { a: { facts } };
};
const withRelation = (relation: object) => ({ a: { facts: { ...valid(), relations: [{ ...holds, ...relation }] } } });

describe('loadGraph', () => {
  it('loads the project graph', () => {
    const data = loadGraph(GRAPH_DIR);
    expect(data.entities.length).toBeGreaterThan(50);
    expect(data.relations.length).toBeGreaterThan(100);
  });

  it('loads a valid folder, computing the offsets of quotes', () => {
    const data = loadGraph(graphWith({ a: { facts: valid() } }));
    const jane = data.entities.find((e) => e.id === 'person:jane-doe')!;
    expect(jane.evidence).toEqual([{ article: 'article:a', quote: 'Colonel Jane Doe', start: TEXT.indexOf('Colonel Jane Doe'), end: TEXT.indexOf('Colonel Jane Doe') + 16 }]);
    expect(data.entities.find((e) => e.id === 'article:a')!.attributes.text).toBe(TEXT);
  });

  it('rejects an unknown kind, suggesting the closest', () =>
    expectOne(withEntity({ kind: 'Persn' }), 'entities[0].kind', /unknown kind "Persn" \(did you mean "Person"\?\)/));

  it('rejects an unknown relation type', () =>
    expectOne(withRelation({ type: 'HOLDS_POSTION' }), 'relations[0].type', /unknown relation type "HOLDS_POSTION" \(did you mean "HOLDS_POSITION"\?\)/));

  it('rejects endpoints of the wrong kinds', () =>
    expectOne(withRelation({ from: 'area:lang-son', properties: {} }), 'relations[0]', /HOLDS_POSITION cannot go from a Area to a PoliceAgency \(allowed: Person → PoliceAgency\)/));

  it('rejects a dangling reference, suggesting the closest id', () =>
    expectOne(withRelation({ to: 'police-agency:lang-sn' }), 'relations[0].to', /unknown entity "police-agency:lang-sn" \(did you mean "police-agency:lang-son"\?\)/));

  it('rejects a duplicate entity id in a file', () => {
    const facts = valid();
    facts.entities.push({ ...doe });
    expectOne({ a: { facts } }, 'entities[3].id', /duplicate id "person:jane-doe" \(first at entities\[0\]\)/);
  });

  it('rejects a relation given twice in a file', () => {
    const facts = { ...valid(), relations: [holds, holds] };
    expectOne({ a: { facts } }, 'relations[1]', /duplicate relation HOLDS_POSITION from "person:jane-doe" to "police-agency:lang-son" \(first at relations\[0\]\)/);
  });

  it('rejects a fact without evidence', () =>
    expectOne(withEntity({ evidence: [] }), 'entities[0].evidence', /at least one piece of evidence/));

  it('rejects a quote that is not in the article', () =>
    expectOne(withEntity({ evidence: [{ quote: 'General Jane Doe' }] }), 'entities[0].evidence[0]', /quote "General Jane Doe" is not in the text of sources\/a\.txt/));

  it('says when a quote differs only in case or spacing', () =>
    expectOne(withEntity({ evidence: [{ quote: 'colonel  Jane Doe' }] }), 'entities[0].evidence[0]', /differs only in case, spacing or punctuation/));

  it('rejects offsets that do not hold the quote', () =>
    expectOne(withEntity({ evidence: [{ quote: 'Colonel Jane Doe', start: 0, end: 16 }] }), 'entities[0].evidence[0]', /is not at 0\.\.16 of sources\/a\.txt; it first occurs at \d+\.\.\d+/));

  it('rejects an inferred fact without an inference line', () =>
    expectOne(withRelation({ stated: false }), 'relations[0].inference', /needs an "inference" line/));

  it('rejects an attribute the kind does not have', () =>
    expectOne(withEntity({ attributes: { rank: 'Colonel', rnak: 'x' } }), 'entities[0].attributes.rnak', /unknown attribute "rnak" for Person \(did you mean "rank"\?\)/));

  it('rejects a bad attribute value', () => {
    expectOne(withEntity({ attributes: { level: 'COUNTY' } }, 2), 'entities[2].attributes.level', /unknown value "COUNTY".*expected one of PROVINCE, REGION, CITY, DISTRICT/);
    const facts = { ...valid(), entities: [...valid().entities, { id: 'agreement:m', kind: 'Agreement', name: 'M', attributes: { agreementType: 'MOU', signedOn: '2019-13' }, evidence: [{ quote: 'met' }] }] };
    expectOne({ a: { facts } }, 'entities[3].attributes.signedOn', /"2019-13" is not an ISO 8601 date/);
  });

  it('rejects a missing required attribute', () => {
    const facts = { ...valid(), entities: [...valid().entities, { id: 'agreement:m', kind: 'Agreement', name: 'M', evidence: [{ quote: 'met' }] }] };
    expectOne({ a: { facts } }, 'entities[3].attributes', /Agreement needs the attribute "agreementType"/);
  });

  it('rejects an id that does not fit the kind', () => {
    const found = problems(withEntity({ id: 'agency:jane-doe' }));
    expect(found[0]).toMatchObject({ path: 'entities[0].id', message: expect.stringMatching(/does not fit kind Person: it must start with "person:"/) });
  });

  it('rejects an entity declared with another kind in another file', () => {
    const other = { article: article('b'), entities: [{ ...langSon, id: 'person:jane-doe', kind: 'Person', name: 'Jane Doe' }] };
    const found = problems({ a: { facts: valid() }, b: { facts: { ...other, entities: [{ ...area, id: 'person:jane-doe' }] } } });
    expect(found.map((p) => p.message)).toContainEqual(expect.stringMatching(/"person:jane-doe" is a Person in .*a\.yaml but a Area here|does not fit kind Area/));
  });

  it('rejects a missing article text', () => {
    const dir = graphWith({ a: { facts: { ...valid(), article: { ...article(), source: 'sources/missing.txt' } } } });
    expect(() => loadGraph(dir)).toThrow(/article\.source: the article text .*sources\/missing\.txt does not exist/);
  });

  it('rejects a file that is not valid YAML, naming the line', () =>
    expectOne({ a: { facts: 'article:\n  id: article:a\n  title: [unclosed\n' } }, 'line 4, column 1', /not valid YAML/));

  it('rejects a file that is not valid JSON', () => expectOne({ a: { facts: '{ "article": ', json: true } }, '', /not valid JSON/));

  it('rejects an onBehalfOf that is not a police agency', () => {
    const facts = valid();
    facts.entities.push({ id: 'agreement:m', kind: 'Agreement', name: 'M', attributes: { agreementType: 'MOU' }, evidence: [{ quote: 'met' }] });
    facts.relations.push({ type: 'SIGNED', from: 'person:jane-doe', to: 'agreement:m', properties: { onBehalfOf: 'person:jane-doe' }, stated: false, inference: 'test', evidence: [{ quote: 'met' }] });
    expectOne({ a: { facts } }, 'relations[1].properties.onBehalfOf', /"person:jane-doe" is a Person, not a PoliceAgency/);
  });

  it('rejects a relation from an entity to itself', () =>
    expectOne(withRelation({ type: 'PROVIDED_EQUIPMENT', from: 'police-agency:lang-son', properties: {} }), 'relations[0].to', /cannot link "police-agency:lang-son" to itself/));

  it('rejects a conflict about an unknown entity', () => {
    const conflict = { id: 'conflict:x', property: 'rank', about: ['person:jane-do'], claims: [{ value: 'Colonel', evidence: [{ quote: 'Colonel' }] }, { value: 'General', evidence: [{ quote: 'met' }] }] };
    expectOne({ a: { facts: { ...valid(), conflicts: [conflict] } } }, 'conflicts[0].about[0]', /unknown entity "person:jane-do"/);
  });

  it('reports every problem of a file at once, and those of every file', () => {
    const facts = valid();
    facts.entities[0] = { ...doe, kind: 'Persn' };
    facts.entities[1] = { ...langSon, evidence: [{ quote: 'nowhere in the text' }] };
    const broken = { ...facts, relations: [{ ...holds, type: 'LEADS' }] };
    const other = { article: article('b'), entities: [{ ...area, attributes: { level: 'COUNTY' } }] };
    const found = problems({ a: { facts: broken }, b: { facts: other } });
    expect(found.map((p) => `${p.file.replace(/.*\//, '')}: ${p.path}`).sort()).toEqual(
      ['a.yaml: entities[0].kind', 'a.yaml: entities[1].evidence[0]', 'a.yaml: relations[0].type', 'b.yaml: entities[0].attributes.level'].sort(),
    );
  });

  it('merges an entity two articles declare: evidence and aliases joined, disagreeing attributes kept as a conflict', () => {
    const b = { article: article('b'), entities: [{ ...doe, name: 'Jane A. Doe', aliases: ['J. Doe'], attributes: { rank: 'Senior Colonel' } }] };
    const data = loadGraph(graphWith({ a: { facts: valid() }, b: { facts: b } }));
    const jane = data.entities.find((e) => e.id === 'person:jane-doe')!;
    expect(jane.name).toBe('Jane Doe');
    expect(jane.aliases).toEqual(['Jane A. Doe', 'J. Doe']);
    expect(jane.evidence.map((e) => e.article)).toEqual(['article:a', 'article:b']);
    expect(jane.attributes.rank).toBe('Colonel');
    const conflict = data.conflicts.find((c) => c.id === 'conflict:person:jane-doe#rank')!;
    expect(conflict.claims.map((c) => [c.value, c.evidence.map((e) => e.article)])).toEqual([
      ['Colonel', ['article:a']],
      ['Senior Colonel', ['article:b']],
    ]);
  });
  it('keeps every source\'s value of an attribute or property read three times, with the evidence for each', () => {
    const b = {
      article: article('b'),
      entities: [{ ...doe, attributes: { rank: 'Senior Colonel' } }, { ...langSon, attributes: { level: 'PROVINCIAL' } }],
      relations: [{ ...holds, properties: { title: 'Deputy Director' } }],
    };
    const c = { article: article('c'), entities: [doe, { ...langSon, attributes: { level: 'DISTRICT' } }], relations: [holds] };
    const data = loadGraph(graphWith({ a: { facts: valid() }, b: { facts: b }, c: { facts: c } }));
    const claims = (id: string) => data.conflicts.find((conflict) => conflict.id === id)?.claims.map((claim) => [claim.value, claim.evidence.map((e) => e.article)]);
    expect(claims('conflict:person:jane-doe#rank')).toEqual([
      ['Colonel', ['article:a', 'article:c']],
      ['Senior Colonel', ['article:b']],
    ]);
    expect(claims('conflict:police-agency:lang-son#level')).toEqual([
      ['PROVINCIAL', ['article:b']],
      ['DISTRICT', ['article:c']],
    ]);
    expect(claims('conflict:HOLDS_POSITION:person:jane-doe->police-agency:lang-son#title')).toEqual([
      ['Director', ['article:a', 'article:c']],
      ['Deputy Director', ['article:b']],
    ]);
    expect(data.conflicts).toHaveLength(3);
  });

  it('gives facts that quote the same words of an article one shared, frozen evidence object', () => {
    const facts = valid();
    facts.relations.push({ type: 'HAS_JURISDICTION', from: 'police-agency:lang-son', to: 'area:lang-son', evidence: [{ quote: 'Lang Son Provincial Police Department' }] });
    const data = loadGraph(graphWith({ a: { facts } }));
    const agency = data.entities.find((e) => e.id === 'police-agency:lang-son')!;
    const located = data.relations.find((r) => r.type === 'HAS_JURISDICTION')!;
    expect(located.evidence[0]).toBe(agency.evidence[0]);
    expect(Object.isFrozen(agency.evidence[0])).toBe(true);
    expect(data.relations.find((r) => r.type === 'HOLDS_POSITION')!.evidence[0]).not.toBe(agency.evidence[0]);
  });
});

describe('assertFitsHeap', () => {
  it('refuses facts whose load would not fit the heap, saying how much it needs and how to give it', () => {
    const error = thrownBy(() => assertFitsHeap('graph/', 2_000_000_000, 4_000_000_000));
    expect(error).toBeInstanceOf(GraphTooLargeError);
    expect(error.message).toBe(
      'graph/ holds 2.0 GB of facts, which need about 4.4 GB of memory to load; this process may use 4.0 GB. ' +
        'Start it with NODE_OPTIONS=--max-old-space-size=5036, or split the graph (README: "How big a graph one process serves").',
    );
  });

  it('lets through what fits', () => {
    expect(() => assertFitsHeap('graph/', 1_800_000_000, 4_000_000_000)).not.toThrow();
  });
});
