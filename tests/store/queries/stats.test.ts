// graphStats(): counts of entities, relations (inferred among them) and
// conflicts, by kind and by relation type.

import { describe, expect, it } from 'vitest';
import { KIND_NAMES, RELATION_TYPE_NAMES, type ConflictRecord } from '../../../src/ontology/index.js';
import { KnowledgeGraph } from '../../../src/store/knowledge-graph.js';
import { graphStats } from '../../../src/store/queries/stats.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';

const claim = (value: string) => ({ value, evidence: [{ article: 'article:test', quote: 'test', start: 0, end: 4 }] });
const conflicts: ConflictRecord[] = [
  { id: 'conflict:1', about: ['agreement:m'], property: 'signedOn', claims: [claim('2019-05'), claim('2019-04')] },
  { id: 'conflict:2', about: ['police-agency:a'], property: 'name', claims: [claim('A'), claim('AA')] },
];

const kg = KnowledgeGraph.fromData({
  entities: [
    entity('police-agency:a', 'PoliceAgency', 'Agency A'),
    entity('police-agency:b', 'PoliceAgency', 'Agency B'),
    entity('police-agency:c', 'PoliceAgency', 'Agency C'),
    entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' }),
    entity('person:p', 'Person', 'Vu Tien Dung'),
    entity('area:x', 'Area', 'Dien Bien'),
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
  ],
  relations: [
    relation('PARTY_TO', 'police-agency:a', 'agreement:m'),
    relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
    relation('SIGNED', 'person:p', 'agreement:m', {}, false),
    relation('HAS_JURISDICTION', 'police-agency:a', 'area:x'),
    relation('LOCATED_IN', 'area:x', 'country:vn', {}, false),
    relation('SUBORDINATE_TO', 'police-agency:c', 'police-agency:a', {}, false),
  ],
  conflicts,
});

const byKind = (s: ReturnType<typeof graphStats>) => Object.fromEntries(s.byKind.map((k) => [k.kind, k.count]));
const byType = (s: ReturnType<typeof graphStats>) => Object.fromEntries(s.byType.map((t) => [t.type, t.count]));

describe('graphStats', () => {
  const s = graphStats(kg);

  it('counts entities, relations, inferred relations and conflicts', () => {
    expect(s.entities).toBe(7);
    expect(s.relations).toBe(6);
    expect(s.inferredRelations).toBe(3);
    expect(s.conflicts).toBe(2);
  });

  it('counts by kind, every kind listed in ontology order, zeros included', () => {
    expect(s.byKind.map((k) => k.kind)).toEqual([...KIND_NAMES]);
    expect(byKind(s)).toEqual({
      Country: 1,
      Area: 1,
      PoliceAgency: 3,
      Person: 1,
      Agreement: 1,
      Event: 0,
      CrimeCategory: 0,
      Outcome: 0,
      Article: 0,
    });
  });

  it('counts by relation type, every type listed in ontology order, zeros included', () => {
    expect(s.byType.map((t) => t.type)).toEqual([...RELATION_TYPE_NAMES]);
    const counts = byType(s);
    expect(counts).toMatchObject({ PARTY_TO: 2, SIGNED: 1, HAS_JURISDICTION: 1, LOCATED_IN: 1, SUBORDINATE_TO: 1, FOLLOWS: 0, REPORTED: 0 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('are all zero for an empty graph', () => {
    const empty = graphStats(graphOf([]));
    expect(empty).toMatchObject({ entities: 0, relations: 0, inferredRelations: 0, conflicts: 0 });
    expect(empty.byKind.every((k) => k.count === 0)).toBe(true);
    expect(empty.byType.every((t) => t.count === 0)).toBe(true);
  });

  it('on the seed graph add up', () => {
    const seed = seedGraph();
    const t = graphStats(seed);
    expect(t.entities).toBe(seed.entities().length);
    expect(t.relations).toBe(seed.relations().length);
    expect(t.byKind.reduce((a, k) => a + k.count, 0)).toBe(t.entities);
    expect(t.byType.reduce((a, k) => a + k.count, 0)).toBe(t.relations);
    expect(t.inferredRelations).toBe(seed.relations().filter((r) => !r.stated).length);
    expect(t.inferredRelations).toBeGreaterThan(0);
    expect(t.conflicts).toBe(seed.conflicts().length);
    expect(byKind(t)).toMatchObject({ Country: 2, Person: 5, PoliceAgency: 9, Agreement: 6, Event: 3 });
  });
});
