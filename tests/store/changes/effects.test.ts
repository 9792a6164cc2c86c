// applyEffects(), invertEffects() and findMismatch(): applying a change and
// then its inverse gives back the graph exactly, for every kind of change;
// findMismatch names the first record that is not as the change expects.

import { describe, expect, it } from 'vitest';
import type { ConflictRecord, EntityRecord } from '../../../src/ontology/index.js';
import { planCreateEntity } from '../../../src/store/changes/create-entity.js';
import { planCreateRelation } from '../../../src/store/changes/create-relation.js';
import { planDeleteEntity } from '../../../src/store/changes/delete-entity.js';
import { planDeleteRelation } from '../../../src/store/changes/delete-relation.js';
import { applyEffects, asStored, CHANGE_KINDS, findMismatch, invertEffects, noEffects, type Change, type Effects } from '../../../src/store/changes/effects.js';
import { planIngestArticle } from '../../../src/store/changes/ingest-article.js';
import { planMergeEntities, planUnmergeEntity } from '../../../src/store/changes/merge-entities.js';
import { planUpdateEntity } from '../../../src/store/changes/update-entity.js';
import { entity, relation } from '../../helpers.js';
import { actor, apply, article, expectConsistent, graphWith, quoted, snapshot } from './graph-state.js';

const TEXT = 'Vu Tien Dung of the Dien Bien police signed the 9th MoU with Ma Shuliang.';

//   person:p --SIGNED {onBehalfOf: a}--> agreement:m <--PARTY_TO-- police-agency:a, police-agency:b
//   person:q (a duplicate of person:p) --HOLDS_POSITION--> police-agency:a
//   conflict:person:p#rank about person:p; conflict:pair about person:p and person:q
function smallGraph() {
  const claims = [{ value: 'Colonel', evidence: [quoted('article:a', TEXT, 'Vu Tien Dung')] }];
  const conflicts: ConflictRecord[] = [
    { id: 'conflict:pair', about: ['person:p', 'person:q'], property: 'same person?', claims },
    { id: 'conflict:person:p#rank', about: ['person:p'], property: 'rank', claims },
  ];
  return graphWith(
    [
      article('article:a', TEXT),
      entity('person:p', 'Person', 'Vu Tien Dung', { rank: 'Colonel' }),
      entity('person:q', 'Person', 'Dung', { nationality: 'VN' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien police'),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er police'),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
    ],
    [
      relation('SIGNED', 'person:p', 'agreement:m', { onBehalfOf: 'police-agency:a' }),
      relation('PARTY_TO', 'police-agency:a', 'agreement:m'),
      relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
      relation('HOLDS_POSITION', 'person:q', 'police-agency:a'),
    ],
    conflicts,
  );
}

const text2 = 'Ma Shuliang of the Pu’er police, Senior Colonel Vu Tien Dung.';
const ingestion = () => ({
  article: article('article:b', text2, 'Second article'),
  entities: [
    { ...entity('person:ma', 'Person', 'Ma Shuliang'), evidence: [quoted('article:b', text2, 'Ma Shuliang')] },
    { ...entity('person:p', 'Person', 'Vu Tien Dung', { rank: 'Senior Colonel' }), evidence: [quoted('article:b', text2, 'Senior Colonel Vu Tien Dung')] },
  ],
  relations: [{ ...relation('HOLDS_POSITION', 'person:ma', 'police-agency:b'), evidence: [quoted('article:b', text2, 'of the Pu’er police')] }],
  conflicts: [],
});

const plans: [string, (kg: ReturnType<typeof smallGraph>) => Change][] = [
  ['createEntity', (kg) => planCreateEntity(kg, { kind: 'Person', name: 'Lo Van Pha', evidence: [{ article: 'article:a', quote: 'Ma Shuliang' }] }, actor)],
  ['updateEntity', (kg) => planUpdateEntity(kg, 'person:p', { name: 'Vũ Tiến Dũng', aliases: ['Dung'], attributes: { rank: null }, stated: false, inference: 'from a caption' })],
  ['deleteEntity with cascade', (kg) => planDeleteEntity(kg, 'police-agency:a', true)],
  ['createRelation', (kg) => planCreateRelation(kg, { type: 'SUBORDINATE_TO', from: 'police-agency:b', to: 'police-agency:a' }, actor)],
  ['deleteRelation', (kg) => planDeleteRelation(kg, 'SIGNED:person:p->agreement:m')],
  ['mergeEntities', (kg) => planMergeEntities(kg, 'person:p', 'person:q')],
  ['ingestArticle', (kg) => planIngestArticle(kg, ingestion())],
];

describe('applyEffects and invertEffects', () => {
  it.each(plans)('restore the graph exactly after %s and its inverse', (_, plan) => {
    const kg = smallGraph();
    const before = snapshot(kg);
    const change = plan(kg);
    apply(kg, change);
    const after = snapshot(kg);
    expect(after).not.toEqual(before);
    applyEffects(kg, invertEffects(change.effects));
    expectConsistent(kg);
    expect(snapshot(kg)).toEqual(before);
    // and the change applies again to the same result
    applyEffects(kg, change.effects);
    expect(snapshot(kg)).toEqual(after);
  });

  it('restore the graph after a series of changes undone in reverse order', () => {
    const kg = smallGraph();
    const before = snapshot(kg);
    const done: Change[] = [];
    for (const [, plan] of plans.filter(([name]) => name !== 'deleteEntity with cascade')) {
      const change = plan(kg);
      apply(kg, change);
      done.push(change);
    }
    expect(kg.findEntity('person:q')?.id).toBe('person:p');
    for (const change of done.reverse()) applyEffects(kg, invertEffects(change.effects));
    expect(snapshot(kg)).toEqual(before);
  });

  it('restore the indices too: names, kinds, relations of an entity and conflicts about it', () => {
    const kg = smallGraph();
    const change = planMergeEntities(kg, 'person:p', 'person:q');
    apply(kg, change);
    expect(kg.entitiesNamed('Dung').map((e) => e.id)).toEqual(['person:p']);
    applyEffects(kg, invertEffects(change.effects));
    expect(kg.entitiesNamed('Dung').map((e) => e.id)).toEqual(['person:q']);
    expect(kg.entities(['Person']).map((e) => e.id)).toEqual(['person:p', 'person:q']);
    expect(kg.relationsOf('person:q').map((r) => r.id)).toEqual(['HOLDS_POSITION:person:q->police-agency:a']);
    expect(kg.conflicts('person:q').map((c) => c.id)).toEqual(['conflict:pair']);
    expect(kg.redirectOf('person:q')).toBeNull();
  });

  it('swap before and after, and are their own inverse', () => {
    const kg = smallGraph();
    const { effects } = planMergeEntities(kg, 'person:p', 'person:q');
    const inverse = invertEffects(effects);
    expect(inverse.redirects).toEqual([{ id: 'person:q', before: 'person:p', after: null }]);
    expect(inverse.entities.map((e) => [e.id, e.before === null, e.after === null])).toEqual([
      ['person:p', false, false],
      ['person:q', true, false],
    ]);
    expect(invertEffects(inverse)).toEqual(effects);
  });

  it('add an entity before the relations that need it and remove it after them, in whatever order the effects list them', () => {
    const kg = graphWith([entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' })]);
    const person: EntityRecord = entity('person:p', 'Person', 'P');
    const signed = relation('SIGNED', 'person:p', 'agreement:m');
    const effects: Effects = { ...noEffects(), relations: [{ id: signed.id, before: null, after: signed }], entities: [{ id: 'person:p', before: null, after: person }] };
    applyEffects(kg, effects);
    expectConsistent(kg);
    expect(kg.relationsOf('person:p').map((r) => r.id)).toEqual([signed.id]);
    applyEffects(kg, invertEffects(effects));
    expectConsistent(kg);
    expect(kg.graph.nodes()).toEqual(['agreement:m']);
    expect(kg.relationCount).toBe(0);
  });

  it('store plain JSON: members set to undefined do not reach the graph', () => {
    const kg = graphWith([]);
    const person = { ...entity('person:p', 'Person', 'P'), inference: undefined };
    applyEffects(kg, { ...noEffects(), entities: [{ id: 'person:p', before: null, after: person }] });
    expect('inference' in kg.graph.getNodeAttributes('person:p')).toBe(false);
    expect(kg.graph.getNodeAttributes('person:p')).not.toBe(person);
    expect(asStored({ a: 1, b: undefined, c: [undefined] })).toEqual({ a: 1, c: [null] });
  });

  it('rebuild the indices and bump the revision unless told not to', () => {
    const kg = smallGraph();
    const revision = kg.revision;
    const change = planCreateEntity(kg, { kind: 'Person', name: 'Lo Van Pha' }, actor);
    applyEffects(kg, change.effects, { reindex: false });
    expect(kg.hasEntity('person:lo-van-pha')).toBe(true);
    expect(kg.revision).toBe(revision);
    expect(kg.entities(['Person']).map((e) => e.id)).not.toContain('person:lo-van-pha');
    kg.reindex();
    expect(kg.entities(['Person']).map((e) => e.id)).toContain('person:lo-van-pha');
    expect(kg.entitiesNamed('Lo Van Pha').map((e) => e.id)).toEqual(['person:lo-van-pha']);
    applyEffects(kg, invertEffects(change.effects));
    expect(kg.revision).toBe(revision + 2);
  });
});

describe('findMismatch', () => {
  it('finds nothing for a change just planned, and nothing against its after once applied', () => {
    for (const [, plan] of plans) {
      const kg = smallGraph();
      const change = plan(kg);
      expect(findMismatch(kg, change.effects)).toBeNull();
      expect(findMismatch(kg, change.effects, 'before')).toBeNull();
      applyEffects(kg, change.effects);
      expect(findMismatch(kg, change.effects, 'after')).toBeNull();
    }
  });

  it('reports the first record that differs once the change is applied', () => {
    const kg = smallGraph();
    const merge = planMergeEntities(kg, 'person:p', 'person:q');
    applyEffects(kg, merge.effects);
    expect(findMismatch(kg, merge.effects, 'before')).toBe('entity "person:p"');
    const relationOnly = planDeleteRelation(kg, 'PARTY_TO:police-agency:b->agreement:m');
    applyEffects(kg, relationOnly.effects);
    expect(findMismatch(kg, relationOnly.effects, 'before')).toBe('relation "PARTY_TO:police-agency:b->agreement:m"');
  });

  it('checks entities, then relations, then conflicts, then redirects', () => {
    const kg = smallGraph();
    const p = kg.getEntity('person:p');
    const signed = kg.findRelation('SIGNED:person:p->agreement:m')!;
    const conflict = kg.conflicts()[0]!;
    const fits: Effects = {
      entities: [{ id: 'person:p', before: p, after: null }],
      relations: [{ id: signed.id, before: signed, after: null }],
      conflicts: [{ id: conflict.id, before: conflict, after: null }],
      redirects: [{ id: 'person:old', before: null, after: 'person:p' }],
    };
    expect(findMismatch(kg, fits)).toBeNull();
    expect(findMismatch(kg, { ...fits, redirects: [{ id: 'person:old', before: 'person:x', after: null }] })).toBe('redirect of "person:old"');
    expect(findMismatch(kg, { ...fits, conflicts: [{ id: conflict.id, before: { ...conflict, about: ['person:p'] }, after: null }] })).toBe(`conflict "${conflict.id}"`);
    expect(findMismatch(kg, { ...fits, conflicts: [{ id: 'conflict:none', before: conflict, after: null }] })).toBe('conflict "conflict:none"');
    expect(findMismatch(kg, { ...fits, relations: [{ id: signed.id, before: { ...signed, properties: {} }, after: null }] })).toBe(`relation "${signed.id}"`);
    expect(findMismatch(kg, { ...fits, relations: [{ id: 'SIGNED:person:q->agreement:m', before: signed, after: null }] })).toBe(
      'relation "SIGNED:person:q->agreement:m"',
    );
    const everything = {
      entities: [{ id: 'person:p', before: { ...p, name: 'Other' }, after: null }],
      relations: [{ id: signed.id, before: null, after: signed }],
      conflicts: [{ id: conflict.id, before: null, after: conflict }],
      redirects: [{ id: 'person:p', before: 'person:q', after: null }],
    };
    expect(findMismatch(kg, everything)).toBe('entity "person:p"');
    expect(findMismatch(kg, { ...everything, entities: [] })).toBe(`relation "${signed.id}"`);
    expect(findMismatch(kg, { ...everything, entities: [], relations: [] })).toBe(`conflict "${conflict.id}"`);
    expect(findMismatch(kg, { ...everything, entities: [], relations: [], conflicts: [] })).toBe('redirect of "person:p"');
  });

  it('reports an entity that is there when the change expects none, and one that is gone', () => {
    const kg = smallGraph();
    const create = planCreateEntity(kg, { kind: 'Person', name: 'Lo Van Pha' }, actor);
    apply(kg, create);
    expect(findMismatch(kg, create.effects)).toBe('entity "person:lo-van-pha"');
    const deleted = planDeleteEntity(kg, 'person:lo-van-pha');
    apply(kg, deleted);
    expect(findMismatch(kg, deleted.effects)).toBe('entity "person:lo-van-pha"');
    expect(findMismatch(kg, deleted.effects, 'after')).toBeNull();
  });

  it('is what keeps an unmerge from undoing a later change', () => {
    const kg = smallGraph();
    const merge = planMergeEntities(kg, 'person:p', 'person:q');
    apply(kg, merge);
    apply(kg, planDeleteRelation(kg, 'HOLDS_POSITION:person:p->police-agency:a'));
    expect(findMismatch(kg, merge.effects, 'after')).toBe('relation "HOLDS_POSITION:person:p->police-agency:a"');
    expect(() => planUnmergeEntity(kg, 'person:q', merge)).toThrow(/relation "HOLDS_POSITION:person:p->police-agency:a" has changed/);
  });
});

describe('noEffects and CHANGE_KINDS', () => {
  it('give empty, independent lists, and name every kind a plan produces', () => {
    const a = noEffects();
    a.entities.push({ id: 'x', before: null, after: null });
    expect(noEffects()).toEqual({ entities: [], relations: [], conflicts: [], redirects: [] });
    const kg = smallGraph();
    for (const [, plan] of plans) expect(CHANGE_KINDS).toContain(plan(kg).kind);
  });
});
