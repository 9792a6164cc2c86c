// The store: entities and relations held in a graphology graph, with indices
// by kind, relation type and name. Graph built inline; answers by construction.
//
//   person:vtd --HOLDS_POSITION--> police-agency:db --HAS_JURISDICTION--> area:db --LOCATED_IN--> country:vn
//   person:vtd --SIGNED (inferred)--> agreement:mou <--PARTY_TO-- police-agency:db, police-agency:pe
//   police-agency:pe --HAS_JURISDICTION--> area:pe --LOCATED_IN--> country:cn

import { describe, expect, it } from 'vitest';
import { CoopgraphError, NotFoundError } from '../../src/errors.js';
import type { ConflictRecord } from '../../src/ontology/index.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { entity, graphOf, relation } from '../helpers.js';
import { smallGraph } from './small-graph.js';
import { thrown } from './thrown.js';

const entities = [
  entity('police-agency:pe', 'PoliceAgency', 'Pu’er Municipal Police Department', { level: 'MUNICIPAL' }),
  entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }, ['Viet Nam']),
  entity('area:db', 'Area', 'Điện Biên', { level: 'PROVINCE' }),
  entity('country:cn', 'Country', 'China', { code: 'CN' }),
  entity('area:pe', 'Area', 'Pu’er', { level: 'CITY' }),
  entity('police-agency:db', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }, ['Dien Bien police']),
  entity('agreement:mou', 'Agreement', '9th MoU', { agreementType: 'MOU', signedOn: '2019-05' }),
  entity('person:vtd', 'Person', 'Vu Tien Dung', { rank: 'Senior Colonel', nationality: 'VN' }),
];
const relations = [
  relation('PARTY_TO', 'police-agency:pe', 'agreement:mou'),
  relation('PARTY_TO', 'police-agency:db', 'agreement:mou'),
  relation('HAS_JURISDICTION', 'police-agency:db', 'area:db'),
  relation('HAS_JURISDICTION', 'police-agency:pe', 'area:pe'),
  relation('LOCATED_IN', 'area:pe', 'country:cn'),
  relation('LOCATED_IN', 'area:db', 'country:vn'),
  relation('SIGNED', 'person:vtd', 'agreement:mou', { onBehalfOf: 'police-agency:db' }, false),
  relation('HOLDS_POSITION', 'person:vtd', 'police-agency:db', { title: 'Vice Director' }),
];
const kg = graphOf(entities, relations);
const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe('KnowledgeGraph.fromData', () => {
  it('holds every entity as a node and every relation as a directed edge keyed by its id', () => {
    expect(kg.entityCount).toBe(8);
    expect(kg.relationCount).toBe(8);
    expect(kg.graph.type).toBe('directed');
    expect(kg.graph.multi).toBe(true);
    expect(kg.graph.source('HOLDS_POSITION:person:vtd->police-agency:db')).toBe('person:vtd');
    expect(kg.graph.target('HOLDS_POSITION:person:vtd->police-agency:db')).toBe('police-agency:db');
  });

  it('counts a revision once built, for caches to key on', () => {
    expect(kg.revision).toBeGreaterThan(0);
    expect(Number.isInteger(kg.revision)).toBe(true);
  });

  it('builds an empty graph from empty data', () => {
    const empty = graphOf([]);
    expect(empty.entityCount).toBe(0);
    expect(empty.relationCount).toBe(0);
    expect(empty.entities()).toEqual([]);
    expect(empty.relations()).toEqual([]);
    expect(empty.conflicts()).toEqual([]);
  });
});

describe('entities', () => {
  it('are all listed sorted by id, whatever order they were given in', () => {
    expect(ids(kg.entities())).toEqual([
      'agreement:mou',
      'area:db',
      'area:pe',
      'country:cn',
      'country:vn',
      'person:vtd',
      'police-agency:db',
      'police-agency:pe',
    ]);
    expect(ids(kg.entities([]))).toEqual(ids(kg.entities()));
  });

  it('are listed by one kind or several, still sorted by id', () => {
    expect(ids(kg.entities(['PoliceAgency']))).toEqual(['police-agency:db', 'police-agency:pe']);
    expect(ids(kg.entities(['Person', 'Country']))).toEqual(['country:cn', 'country:vn', 'person:vtd']);
    expect(ids(kg.entities(['PoliceAgency', 'Area', 'Agreement']))).toEqual([
      'agreement:mou',
      'area:db',
      'area:pe',
      'police-agency:db',
      'police-agency:pe',
    ]);
    expect(kg.entities(['Outcome'])).toEqual([]);
  });

  // BUG: a kind given twice lists its entities twice (kinds.flatMap without
  // removing repeats); GraphQL `entities(kinds: [PERSON, PERSON])` then
  // doubles totalCount and repeats cursors.
  it.fails('list each entity once when a kind is given twice', () => {
    expect(ids(kg.entities(['Country', 'Country']))).toEqual(['country:cn', 'country:vn']);
    expect(ids(kg.entities(['Person', 'Country', 'Person']))).toEqual(['country:cn', 'country:vn', 'person:vtd']);
  });

  it('are found by id, or null / false for an unknown id', () => {
    expect(kg.hasEntity('area:db')).toBe(true);
    expect(kg.hasEntity('area:zz')).toBe(false);
    expect(kg.findEntity('person:vtd')).toMatchObject({ id: 'person:vtd', kind: 'Person', name: 'Vu Tien Dung', attributes: { rank: 'Senior Colonel' } });
    expect(kg.findEntity('person:nobody')).toBeNull();
    expect(kg.getEntity('country:cn')).toMatchObject({ id: 'country:cn', name: 'China' });
  });

  it('throws a NotFoundError naming the operation, with the closest id as a hint', () => {
    const error = thrown(() => kg.getEntity('person:vtdd', 'lookup'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(CoopgraphError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('lookup: no entity has the id "person:vtdd" (did you mean "person:vtd"?)');
  });

  it('names the "entity" operation by default and gives no hint when nothing is close', () => {
    const error = thrown(() => kg.getEntity('crime-category:something-else-entirely'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('entity: no entity has the id "crime-category:something-else-entirely"');
  });
});

describe('relations', () => {
  it('are all listed sorted by id', () => {
    const all = ids(kg.relations());
    expect(all).toHaveLength(8);
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe('HAS_JURISDICTION:police-agency:db->area:db');
    expect(all.at(-1)).toBe('SIGNED:person:vtd->agreement:mou');
  });

  it('are listed by type, one or several, sorted by id', () => {
    expect(ids(kg.relations(['PARTY_TO']))).toEqual(['PARTY_TO:police-agency:db->agreement:mou', 'PARTY_TO:police-agency:pe->agreement:mou']);
    expect(ids(kg.relations(['PARTY_TO', 'LOCATED_IN']))).toEqual([
      'LOCATED_IN:area:db->country:vn',
      'LOCATED_IN:area:pe->country:cn',
      'PARTY_TO:police-agency:db->agreement:mou',
      'PARTY_TO:police-agency:pe->agreement:mou',
    ]);
    expect(kg.relations(['FOLLOWS'])).toEqual([]);
    expect(kg.relations([])).toHaveLength(8);
  });

  // BUG: a type given twice lists its relations twice (same cause as for kinds);
  // GraphQL `relations(types: [PARTY_TO, PARTY_TO])` repeats them.
  it.fails('list each relation once when a type is given twice', () => {
    expect(ids(kg.relations(['PARTY_TO', 'PARTY_TO']))).toEqual([
      'PARTY_TO:police-agency:db->agreement:mou',
      'PARTY_TO:police-agency:pe->agreement:mou',
    ]);
  });

  it('are counted by type', () => {
    expect(kg.countRelations('PARTY_TO')).toBe(2);
    expect(kg.countRelations('SIGNED')).toBe(1);
    expect(kg.countRelations('FOLLOWS')).toBe(0);
  });

  it('are found by id, or null', () => {
    expect(kg.findRelation('SIGNED:person:vtd->agreement:mou')).toMatchObject({
      type: 'SIGNED',
      from: 'person:vtd',
      to: 'agreement:mou',
      stated: false,
      properties: { onBehalfOf: 'police-agency:db' },
    });
    expect(kg.findRelation('SIGNED:person:vtd->agreement:other')).toBeNull();
  });

  it('of one entity are given by direction and type', () => {
    expect(ids(kg.relationsOf('police-agency:db', 'OUT')).sort()).toEqual([
      'HAS_JURISDICTION:police-agency:db->area:db',
      'PARTY_TO:police-agency:db->agreement:mou',
    ]);
    expect(ids(kg.relationsOf('police-agency:db', 'IN'))).toEqual(['HOLDS_POSITION:person:vtd->police-agency:db']);
    expect(ids(kg.relationsOf('police-agency:db', 'ANY')).sort()).toEqual([
      'HAS_JURISDICTION:police-agency:db->area:db',
      'HOLDS_POSITION:person:vtd->police-agency:db',
      'PARTY_TO:police-agency:db->agreement:mou',
    ]);
    expect(kg.relationsOf('police-agency:db')).toHaveLength(3);
    expect(ids(kg.relationsOf('police-agency:db', 'ANY', ['PARTY_TO', 'HOLDS_POSITION'])).sort()).toEqual([
      'HOLDS_POSITION:person:vtd->police-agency:db',
      'PARTY_TO:police-agency:db->agreement:mou',
    ]);
    expect(kg.relationsOf('police-agency:db', 'OUT', ['HOLDS_POSITION'])).toEqual([]);
    expect(kg.relationsOf('police-agency:db', 'ANY', [])).toHaveLength(3);
    expect(kg.relationsOf('agreement:mou', 'OUT')).toEqual([]);
  });

  it('lead to the entities at their other end', () => {
    expect(ids(kg.related('agreement:mou', 'PARTY_TO', 'IN')).sort()).toEqual(['police-agency:db', 'police-agency:pe']);
    expect(ids(kg.related('police-agency:db', 'PARTY_TO', 'OUT'))).toEqual(['agreement:mou']);
    expect(ids(kg.related('person:vtd', 'SIGNED', 'OUT'))).toEqual(['agreement:mou']);
    expect(kg.related('agreement:mou', 'PARTY_TO', 'OUT')).toEqual([]);
    expect(kg.related('police-agency:db', 'SIGNED', 'IN')).toEqual([]);
  });
});

describe('entitiesNamed', () => {
  it('matches a name or an alias, ignoring case, diacritics, punctuation and the kind of apostrophe', () => {
    expect(ids(kg.entitiesNamed('Điện Biên'))).toEqual(['area:db']);
    expect(ids(kg.entitiesNamed('dien bien'))).toEqual(['area:db']);
    expect(ids(kg.entitiesNamed('DIEN-BIEN'))).toEqual(['area:db']);
    expect(ids(kg.entitiesNamed("Pu'er"))).toEqual(['area:pe']);
    expect(ids(kg.entitiesNamed('Pu’er'))).toEqual(['area:pe']);
    expect(ids(kg.entitiesNamed('Puer'))).toEqual(['area:pe']);
    expect(ids(kg.entitiesNamed('viet nam'))).toEqual(['country:vn']);
    expect(ids(kg.entitiesNamed('Dien Bien Police'))).toEqual(['police-agency:db']);
  });

  it('matches whole names only', () => {
    expect(kg.entitiesNamed('Dien')).toEqual([]);
    expect(kg.entitiesNamed('Pu’er Municipal')).toEqual([]);
    expect(kg.entitiesNamed('nowhere')).toEqual([]);
  });

  it('returns every entity sharing a name, once each', () => {
    const twins = graphOf([
      entity('area:a', 'Area', 'Lao Cai', {}, ['Lao Cai province', 'Lào Cai']),
      entity('police-agency:a', 'PoliceAgency', 'Lao Cai police', {}, ['Lao Cai']),
    ]);
    expect(ids(twins.entitiesNamed('lao cai')).sort()).toEqual(['area:a', 'police-agency:a']);
  });
});

describe('conflicts', () => {
  const claim = (value: string) => ({ value, evidence: [{ article: 'article:test', quote: 'test', start: 0, end: 4 }] });
  const conflicts: ConflictRecord[] = [
    { id: 'conflict:z', about: ['agreement:mou'], property: 'signedOn', claims: [claim('2019-05'), claim('2019-04')] },
    { id: 'conflict:a', about: ['area:db', 'police-agency:db'], property: 'name', claims: [claim('Dien Bien'), claim('Điện Biên')] },
  ];
  const withConflicts = KnowledgeGraph.fromData({ entities, relations, conflicts });

  it('are all listed sorted by id', () => {
    expect(ids(withConflicts.conflicts())).toEqual(['conflict:a', 'conflict:z']);
  });

  it('are found by what they are about', () => {
    expect(ids(withConflicts.conflicts('police-agency:db'))).toEqual(['conflict:a']);
    expect(ids(withConflicts.conflicts('area:db'))).toEqual(['conflict:a']);
    expect(ids(withConflicts.conflicts('agreement:mou'))).toEqual(['conflict:z']);
    expect(withConflicts.conflicts('country:vn')).toEqual([]);
  });
});

// The shared eleven-entity graph of ./small-graph.ts.
describe('KnowledgeGraph on the shared small graph', () => {
  const small = smallGraph();

  it('counts and lists entities by kind, sorted by id', () => {
    expect(small.entityCount).toBe(11);
    expect(small.relationCount).toBe(11);
    expect(small.entities(['PoliceAgency']).map((e) => e.id)).toEqual(['police-agency:a', 'police-agency:b', 'police-agency:c']);
    expect(small.entities(['Person', 'Country']).map((e) => e.id)).toEqual(['country:cn', 'country:vn', 'person:p', 'person:q']);
  });

  it('finds null for an unknown id and throws NotFoundError from get, with a suggestion', () => {
    expect(small.findEntity('person:x')).toBeNull();
    expect(() => small.getEntity('person:pp', 'node')).toThrow(NotFoundError);
    expect(() => small.getEntity('person:pp', 'node')).toThrow('node: no entity has the id "person:pp" (did you mean "person:p"?)');
  });

  it('gives the relations of an entity by direction and type', () => {
    expect(small.relationsOf('police-agency:a', 'OUT').map((r) => r.type).sort()).toEqual(['HAS_JURISDICTION', 'PARTICIPATED_IN', 'PARTY_TO']);
    expect(small.relationsOf('police-agency:a', 'IN').map((r) => r.type)).toEqual(['HOLDS_POSITION']);
    expect(small.relationsOf('police-agency:a', 'ANY', ['PARTY_TO', 'HOLDS_POSITION'])).toHaveLength(2);
    expect(small.related('agreement:m', 'PARTY_TO', 'IN').map((e) => e.id)).toEqual(['police-agency:a', 'police-agency:b']);
  });

  it('finds entities by name and alias, ignoring case, diacritics and apostrophes', () => {
    expect(small.entitiesNamed('dien bien').map((e) => e.id)).toEqual(['area:a']);
    expect(small.entitiesNamed("Pu'er").map((e) => e.id)).toEqual(['area:b']);
    expect(small.entitiesNamed('DIEN BIEN POLICE').map((e) => e.id)).toEqual(['police-agency:a']);
    expect(small.entitiesNamed('nowhere')).toEqual([]);
  });

  it('lists relations of some types, sorted by id', () => {
    expect(small.relations(['LOCATED_IN']).map((r) => r.id)).toEqual(['LOCATED_IN:area:a->country:vn', 'LOCATED_IN:area:b->country:cn']);
    expect(small.countRelations('PARTY_TO')).toBe(2);
  });
});
