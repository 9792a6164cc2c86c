// planMergeEntities(keep, merge) and planUnmergeEntity(): the duplicate's
// aliases, evidence and relations move to the entity kept (a relation the kept
// one has already is joined), onBehalfOf follows, and its id redirects there;
// an unmerge restores both entities and every relation exactly.
//
//   person:k "Vu Tien Dung" --SIGNED {onBehalfOf: a}, inferred--> agreement:m1
//   person:m "Dung Vu Tien" --SIGNED {onBehalfOf: b}-->            agreement:m1   (joins k's)
//   person:m                --SIGNED {onBehalfOf: a}-->            agreement:m2   (moves)
//   person:m                --HOLDS_POSITION-->                    police-agency:a (moves)
//   person:k                --LED_DELEGATION-->                    event:e
//   police-agency:a         --PARTY_TO-->                          agreement:m1

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError, PreconditionFailedError } from '../../../src/errors.js';
import type { ConflictRecord, EntityRecord, Evidence, RelationRecord } from '../../../src/ontology/index.js';
import { planDeleteEntity } from '../../../src/store/changes/delete-entity.js';
import { planDeleteRelation } from '../../../src/store/changes/delete-relation.js';
import { applyEffects, invertEffects } from '../../../src/store/changes/effects.js';
import { planMergeEntities, planUnmergeEntity } from '../../../src/store/changes/merge-entities.js';
import { planUpdateEntity } from '../../../src/store/changes/update-entity.js';
import { entity, relation } from '../../helpers.js';
import { apply, article, graphWith, refused, snapshot } from './graph-state.js';

/** The n-th distinct piece of evidence. */
const ev = (n: number): Evidence => ({ article: 'article:src', quote: `q${n}`, start: n * 10, end: n * 10 + 2 });
const withEvidence = <T extends EntityRecord | RelationRecord>(record: T, ...evidence: Evidence[]): T => ({ ...record, evidence });

const SIGNED_K_M1 = 'SIGNED:person:k->agreement:m1';
const SIGNED_M_M1 = 'SIGNED:person:m->agreement:m1';
const SIGNED_M_M2 = 'SIGNED:person:m->agreement:m2';
const SIGNED_K_M2 = 'SIGNED:person:k->agreement:m2';
const HOLDS_M = 'HOLDS_POSITION:person:m->police-agency:a';
const HOLDS_K = 'HOLDS_POSITION:person:k->police-agency:a';
const LED_K = 'LED_DELEGATION:person:k->event:e';
const PARTY_A = 'PARTY_TO:police-agency:a->agreement:m1';

function people(conflicts: ConflictRecord[] = []) {
  return graphWith(
    [
      withEvidence(entity('person:k', 'Person', 'Vu Tien Dung', { rank: 'Senior Colonel' }, ['Dung']), ev(1)),
      withEvidence(entity('person:m', 'Person', 'Dung Vu Tien', { rank: 'Colonel', nationality: 'VN' }, ['Colonel Dung', 'dung']), ev(2), ev(1)),
      entity('agreement:m1', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
      entity('agreement:m2', 'Agreement', '10th MoU', { agreementType: 'MOU' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department'),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er Municipal Police Department'),
      entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
    ],
    [
      withEvidence(relation('SIGNED', 'person:k', 'agreement:m1', { onBehalfOf: 'police-agency:a' }, false), ev(3)),
      withEvidence(relation('SIGNED', 'person:m', 'agreement:m1', { onBehalfOf: 'police-agency:b' }), ev(4)),
      withEvidence(relation('SIGNED', 'person:m', 'agreement:m2', { onBehalfOf: 'police-agency:a' }), ev(5)),
      withEvidence(relation('HOLDS_POSITION', 'person:m', 'police-agency:a', { title: 'Director' }), ev(6)),
      withEvidence(relation('LED_DELEGATION', 'person:k', 'event:e', { side: 'VN' }), ev(7)),
      withEvidence(relation('PARTY_TO', 'police-agency:a', 'agreement:m1'), ev(8)),
    ],
    conflicts,
  );
}

//   police-agency:b (merged into a) --PARTY_TO--> agreement:m1 <--PARTY_TO-- police-agency:a
//   police-agency:b --PARTICIPATED_IN {role: HOST}--> event:e <--PARTICIPATED_IN-- police-agency:a
//   police-agency:b --HAS_JURISDICTION--> area:x
//   person:p --SIGNED {onBehalfOf: police-agency:b}--> agreement:m1
function agencies() {
  return graphWith(
    [
      withEvidence(entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }), ev(1)),
      withEvidence(entity('police-agency:b', 'PoliceAgency', 'Dien Bien police'), ev(2)),
      entity('person:p', 'Person', 'Vu Tien Dung'),
      entity('agreement:m1', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
      entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
      entity('area:x', 'Area', 'Dien Bien', { level: 'PROVINCE' }),
    ],
    [
      withEvidence(relation('PARTY_TO', 'police-agency:a', 'agreement:m1'), ev(3)),
      withEvidence(relation('PARTY_TO', 'police-agency:b', 'agreement:m1'), ev(4), ev(3)),
      withEvidence(relation('PARTICIPATED_IN', 'police-agency:a', 'event:e'), ev(5)),
      withEvidence(relation('PARTICIPATED_IN', 'police-agency:b', 'event:e', { role: 'HOST' }), ev(6)),
      withEvidence(relation('HAS_JURISDICTION', 'police-agency:b', 'area:x'), ev(7)),
      withEvidence(relation('SIGNED', 'person:p', 'agreement:m1', { onBehalfOf: 'police-agency:b' }), ev(8)),
    ],
  );
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('planMergeEntities', () => {
  it('keeps every alias and every piece of evidence of both, the merged name becoming an alias', () => {
    const kg = people();
    const change = planMergeEntities(kg, 'person:k', 'person:m');
    expect(change.kind).toBe('MERGE_ENTITIES');
    expect(change.ids).toEqual(['person:k', 'person:m']);
    apply(kg, change);

    expect(kg.graph.getNodeAttributes('person:k')).toEqual({
      id: 'person:k',
      kind: 'Person',
      name: 'Vu Tien Dung',
      aliases: ['Dung', 'Dung Vu Tien', 'Colonel Dung'],
      // the value of the entity kept wins; what only the merged one had is added
      attributes: { rank: 'Senior Colonel', nationality: 'VN' },
      stated: true,
      evidence: [ev(1), ev(2)],
    });
    expect(kg.hasEntity('person:m')).toBe(false);
    expect(kg.entityCount).toBe(6);
    expect(ids(kg.entitiesNamed('Dung Vu Tien'))).toEqual(['person:k']);
    expect(ids(kg.entitiesNamed('colonel dung'))).toEqual(['person:k']);
  });

  it('redirects the merged id: findEntity, getEntity and resolveId lead to the entity kept', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    expect(kg.findEntity('person:m')?.id).toBe('person:k');
    expect(kg.getEntity('person:m').id).toBe('person:k');
    expect(kg.resolveId('person:m')).toBe('person:k');
    expect(kg.redirectOf('person:m')).toBe('person:k');
    expect(kg.redirectOf('person:k')).toBeNull();
    expect([...kg.allRedirects()]).toEqual([['person:m', 'person:k']]);
  });

  it('moves the relations of the merged entity to the one kept, recomputing their ids', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    expect(kg.graph.edges().sort()).toEqual([HOLDS_K, LED_K, PARTY_A, SIGNED_K_M1, SIGNED_K_M2].sort());
    expect(kg.findRelation(SIGNED_M_M2)).toBeNull();
    expect(kg.findRelation(HOLDS_M)).toBeNull();
    expect(kg.findRelation(SIGNED_K_M2)).toEqual({
      id: SIGNED_K_M2,
      type: 'SIGNED',
      from: 'person:k',
      to: 'agreement:m2',
      properties: { onBehalfOf: 'police-agency:a' },
      stated: true,
      evidence: [ev(5)],
    });
    expect(kg.findRelation(HOLDS_K)).toMatchObject({ from: 'person:k', to: 'police-agency:a', properties: { title: 'Director' }, evidence: [ev(6)] });
    expect(kg.findRelation(LED_K)).toEqual(withEvidence(relation('LED_DELEGATION', 'person:k', 'event:e', { side: 'VN' }), ev(7)));
    expect(ids(kg.relationsOf('police-agency:a', 'IN'))).toEqual([HOLDS_K]);
  });

  it('joins a relation that would duplicate one the kept entity has: evidence of both, the kept properties, stated if either is', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    expect(kg.findRelation(SIGNED_K_M1)).toEqual({
      id: SIGNED_K_M1,
      type: 'SIGNED',
      from: 'person:k',
      to: 'agreement:m1',
      properties: { onBehalfOf: 'police-agency:a' },
      stated: true,
      evidence: [ev(3), ev(4)],
    });
    expect(kg.findRelation(SIGNED_M_M1)).toBeNull();
    expect(kg.relationCount).toBe(5);
  });

  it('joins relations of merged agencies, adding a property only the merged one had and evidence without duplicates', () => {
    const kg = agencies();
    apply(kg, planMergeEntities(kg, 'police-agency:a', 'police-agency:b'));
    expect(kg.findRelation('PARTY_TO:police-agency:a->agreement:m1')?.evidence).toEqual([ev(3), ev(4)]);
    expect(kg.findRelation('PARTICIPATED_IN:police-agency:a->event:e')).toMatchObject({ properties: { role: 'HOST' }, evidence: [ev(5), ev(6)] });
    expect(kg.findRelation('HAS_JURISDICTION:police-agency:a->area:x')?.evidence).toEqual([ev(7)]);
    expect(kg.graph.edges().filter((e) => e.includes('police-agency:b'))).toEqual([]);
    expect(kg.getEntity('police-agency:a')).toMatchObject({ aliases: ['Dien Bien police'], attributes: { level: 'PROVINCIAL' }, evidence: [ev(1), ev(2)] });
  });

  it('rewrites onBehalfOf properties naming the merged id, keeping the relation id', () => {
    const kg = agencies();
    const change = planMergeEntities(kg, 'police-agency:a', 'police-agency:b');
    expect(change.effects.relations.find((r) => r.id === 'SIGNED:person:p->agreement:m1')?.after?.properties).toEqual({ onBehalfOf: 'police-agency:a' });
    apply(kg, change);
    expect(kg.findRelation('SIGNED:person:p->agreement:m1')).toMatchObject({ properties: { onBehalfOf: 'police-agency:a' }, evidence: [ev(8)] });
    expect(kg.relations().filter((r) => JSON.stringify(r).includes('police-agency:b'))).toEqual([]);
    // the signature now binds the agency kept, so it may not be deleted under it
    const error = refused(kg, () => planDeleteEntity(kg, 'police-agency:a'), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    // three relations of its own, and the signature naming it
    expect(error.message).toMatch(/^deleteEntity: 4 relations point at "police-agency:a"/);
    expect(planDeleteEntity(kg, 'police-agency:a', true).ids).toContain('SIGNED:person:p->agreement:m1');
  });

  it('makes the entity kept stated when the merged one is, dropping its inference line', () => {
    const kept = { ...entity('person:k', 'Person', 'K'), stated: false, inference: 'named in a caption' };
    const kg = graphWith([kept, entity('person:m', 'Person', 'M')]);
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    const after = kg.graph.getNodeAttributes('person:k');
    expect(after.stated).toBe(true);
    expect('inference' in after).toBe(false);
  });

  it('keeps the value of the entity kept where the two disagree, and the other as a claim of a conflict', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    expect(kg.getEntity('person:k').attributes).toEqual({ rank: 'Senior Colonel', nationality: 'VN' });
    expect(kg.conflicts('person:k')).toEqual([
      {
        id: 'conflict:person:k#rank',
        about: ['person:k'],
        property: 'rank',
        note: 'sources disagree on "rank"; the first value read is shown on the entity',
        claims: [
          { value: 'Senior Colonel', evidence: [ev(1)] },
          { value: 'Colonel', evidence: [ev(2), ev(1)] },
        ],
      },
    ]);
  });

  it('points conflicts about the merged entity at the one kept', () => {
    const claims = [
      { value: 'Colonel', evidence: [ev(2)] },
      { value: 'Senior Colonel', evidence: [ev(1)] },
    ];
    const kg = people([
      { id: 'conflict:person:m#rank', about: ['person:m'], property: 'rank', claims },
      { id: 'conflict:pair', about: ['person:k', 'person:m'], property: 'same person?', claims },
      { id: 'conflict:other', about: ['police-agency:a'], property: 'level', claims },
    ]);
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    // (and the two ranks, Senior Colonel and Colonel, become a conflict of their own)
    expect(kg.conflicts().map((c) => [c.id, c.about])).toEqual([
      ['conflict:other', ['police-agency:a']],
      ['conflict:pair', ['person:k']],
      ['conflict:person:k#rank', ['person:k']],
      ['conflict:person:m#rank', ['person:k']],
    ]);
    expect(ids(kg.conflicts('person:k'))).toEqual(['conflict:pair', 'conflict:person:k#rank', 'conflict:person:m#rank']);
    expect(kg.conflicts('person:m')).toEqual([]);
  });

  // the merge recomputes the ids of the relations it moves but leaves the
  // conflicts about them naming the old ids, which no longer exist (the
  // loader refuses such a conflict: src/load/check-facts.ts checks `about`)
  it('points conflicts about a moved relation at its new id', () => {
    const claims = [
      { value: 'Director', evidence: [ev(6)] },
      { value: 'Vice Director', evidence: [ev(9)] },
    ];
    const kg = people([{ id: 'conflict:title', about: [HOLDS_M], property: 'title', claims }]);
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    const about = kg.conflicts().find((c) => c.id === 'conflict:title')!.about;
    expect(about.every((id) => kg.graph.hasNode(id) || kg.graph.hasEdge(id))).toBe(true);
    expect(about).toEqual([HOLDS_K]);
  });

  it('follows a chain of merges', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    apply(kg, planMergeEntities(kg, 'agreement:m1', 'agreement:m2'));
    expect(kg.findRelation(SIGNED_K_M1)?.evidence).toEqual([ev(3), ev(4), ev(5)]);
    const kg2 = graphWith([entity('person:a', 'Person', 'A'), entity('person:b', 'Person', 'B'), entity('person:c', 'Person', 'C')]);
    apply(kg2, planMergeEntities(kg2, 'person:b', 'person:a'));
    apply(kg2, planMergeEntities(kg2, 'person:c', 'person:b'));
    expect(kg2.resolveId('person:a')).toBe('person:c');
    expect(kg2.findEntity('person:a')).toMatchObject({ id: 'person:c', aliases: ['B', 'A'] });
  });

  it('refuses entities of different kinds', () => {
    const kg = people();
    const error = refused(kg, () => planMergeEntities(kg, 'person:k', 'police-agency:a'), InvalidArgumentError, 'BAD_USER_INPUT', 'mergeEntities');
    expect(error.message).toBe('mergeEntities: "person:k" is a Person but "police-agency:a" is a PoliceAgency; only entities of one kind merge');
  });

  it('refuses to merge an entity into itself', () => {
    const kg = people();
    const error = refused(kg, () => planMergeEntities(kg, 'person:k', 'person:k'), InvalidArgumentError, 'BAD_USER_INPUT', 'mergeEntities');
    expect(error.message).toBe('mergeEntities: "person:k" cannot be merged into itself');
  });

  it('refuses while a relation links the two, either way', () => {
    const kg = graphWith(
      [entity('police-agency:a', 'PoliceAgency', 'A'), entity('police-agency:b', 'PoliceAgency', 'B'), entity('police-agency:c', 'PoliceAgency', 'C')],
      [relation('SUBORDINATE_TO', 'police-agency:b', 'police-agency:a'), relation('PROVIDED_EQUIPMENT', 'police-agency:c', 'police-agency:b')],
    );
    const one = refused(kg, () => planMergeEntities(kg, 'police-agency:a', 'police-agency:b'), PreconditionFailedError, 'PRECONDITION_FAILED', 'mergeEntities');
    expect(one.message).toBe('mergeEntities: the relation "SUBORDINATE_TO:police-agency:b->police-agency:a" links the two; delete it before merging');
    const other = refused(kg, () => planMergeEntities(kg, 'police-agency:b', 'police-agency:a'), PreconditionFailedError, 'PRECONDITION_FAILED', 'mergeEntities');
    expect(other.message).toContain('"SUBORDINATE_TO:police-agency:b->police-agency:a"');
    refused(kg, () => planMergeEntities(kg, 'police-agency:c', 'police-agency:b'), PreconditionFailedError, 'PRECONDITION_FAILED', 'mergeEntities');
  });

  it('refuses to merge articles', () => {
    const kg = graphWith([article('article:a', 'One text.'), article('article:b', 'Another text.')]);
    const error = refused(kg, () => planMergeEntities(kg, 'article:a', 'article:b'), InvalidArgumentError, 'BAD_USER_INPUT', 'mergeEntities');
    expect(error.message).toBe('mergeEntities: articles do not merge');
  });

  it('refuses unknown ids and ids merged already with NOT_FOUND', () => {
    const kg = people();
    refused(kg, () => planMergeEntities(kg, 'person:k', 'person:zz'), NotFoundError, 'NOT_FOUND', 'mergeEntities');
    refused(kg, () => planMergeEntities(kg, 'person:zz', 'person:k'), NotFoundError, 'NOT_FOUND', 'mergeEntities');
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    const again = refused(kg, () => planMergeEntities(kg, 'person:k', 'person:m'), NotFoundError, 'NOT_FOUND', 'mergeEntities');
    expect(again.message).toBe('mergeEntities: "person:m" was merged into "person:k"; use that id (or unmergeEntity)');
  });
});

describe('planUnmergeEntity', () => {
  it('restores both entities, every relation, conflict and redirect exactly as before the merge', () => {
    const claims = [{ value: 'Colonel', evidence: [ev(2)] }];
    const kg = people([
      { id: 'conflict:person:m#rank', about: ['person:m'], property: 'rank', claims },
      { id: 'conflict:pair', about: ['person:k', 'person:m'], property: 'same person?', claims },
    ]);
    const before = snapshot(kg);
    const beforeNodes = JSON.stringify(['person:k', 'person:m'].map((id) => kg.graph.getNodeAttributes(id)));
    const beforeRelations = JSON.stringify(kg.relations());
    const merge = planMergeEntities(kg, 'person:k', 'person:m');
    apply(kg, merge);
    expect(snapshot(kg)).not.toEqual(before);

    const unmerge = planUnmergeEntity(kg, 'person:m', merge);
    expect(unmerge.kind).toBe('UNMERGE_ENTITY');
    expect(unmerge.ids).toEqual(['person:m', 'person:k']);
    apply(kg, unmerge);
    expect(snapshot(kg)).toEqual(before);
    expect(JSON.parse(JSON.stringify(['person:k', 'person:m'].map((id) => kg.graph.getNodeAttributes(id))))).toEqual(JSON.parse(beforeNodes));
    expect(JSON.parse(JSON.stringify(kg.relations()))).toEqual(JSON.parse(beforeRelations));
    expect(kg.redirectOf('person:m')).toBeNull();
    expect(kg.findEntity('person:m')?.id).toBe('person:m');
    expect(ids(kg.entitiesNamed('Dung Vu Tien'))).toEqual(['person:m']);
    expect(ids(kg.relationsOf('person:m')).sort()).toEqual([HOLDS_M, SIGNED_M_M1, SIGNED_M_M2]);
  });

  it('restores onBehalfOf and joined relations of merged agencies', () => {
    const kg = agencies();
    const before = snapshot(kg);
    const merge = planMergeEntities(kg, 'police-agency:a', 'police-agency:b');
    apply(kg, merge);
    apply(kg, planUnmergeEntity(kg, 'police-agency:b', merge));
    expect(snapshot(kg)).toEqual(before);
  });

  it('undoes a chain of merges from the last back', () => {
    const kg = graphWith([entity('person:a', 'Person', 'A'), entity('person:b', 'Person', 'B'), entity('person:c', 'Person', 'C')]);
    const before = snapshot(kg);
    const first = planMergeEntities(kg, 'person:b', 'person:a');
    apply(kg, first);
    const second = planMergeEntities(kg, 'person:c', 'person:b');
    apply(kg, second);
    // the first merge's records have changed since: the second merge touched person:b
    refused(kg, () => planUnmergeEntity(kg, 'person:a', first), PreconditionFailedError, 'PRECONDITION_FAILED', 'unmergeEntity');
    apply(kg, planUnmergeEntity(kg, 'person:b', second));
    apply(kg, planUnmergeEntity(kg, 'person:a', first));
    expect(snapshot(kg)).toEqual(before);
  });

  it('refuses with PRECONDITION_FAILED when the entity kept was updated after the merge', () => {
    const kg = people();
    const merge = planMergeEntities(kg, 'person:k', 'person:m');
    apply(kg, merge);
    apply(kg, planUpdateEntity(kg, 'person:k', { attributes: { rank: 'Major General' } }));
    const error = refused(kg, () => planUnmergeEntity(kg, 'person:m', merge), PreconditionFailedError, 'PRECONDITION_FAILED', 'unmergeEntity');
    expect(error.message).toBe('unmergeEntity: entity "person:k" has changed since "person:m" was merged; undo the later changes to it first');
  });

  it('unmerges once the later change is undone', () => {
    const kg = people();
    const before = snapshot(kg);
    const merge = planMergeEntities(kg, 'person:k', 'person:m');
    apply(kg, merge);
    const update = planUpdateEntity(kg, 'person:k', { attributes: { rank: 'Major General' } });
    apply(kg, update);
    applyEffects(kg, invertEffects(update.effects));
    apply(kg, planUnmergeEntity(kg, 'person:m', merge));
    expect(snapshot(kg)).toEqual(before);
  });

  it('refuses with PRECONDITION_FAILED when a moved relation was deleted after the merge', () => {
    const kg = people();
    const merge = planMergeEntities(kg, 'person:k', 'person:m');
    apply(kg, merge);
    apply(kg, planDeleteRelation(kg, SIGNED_K_M2));
    const error = refused(kg, () => planUnmergeEntity(kg, 'person:m', merge), PreconditionFailedError, 'PRECONDITION_FAILED', 'unmergeEntity');
    expect(error.message).toBe(`unmergeEntity: relation "${SIGNED_K_M2}" has changed since "person:m" was merged; undo the later changes to it first`);
  });

  it('refuses to undo the same merge twice', () => {
    const kg = people();
    const merge = planMergeEntities(kg, 'person:k', 'person:m');
    apply(kg, merge);
    apply(kg, planUnmergeEntity(kg, 'person:m', merge));
    const error = refused(kg, () => planUnmergeEntity(kg, 'person:m', merge), PreconditionFailedError, 'PRECONDITION_FAILED', 'unmergeEntity');
    expect(error.message).toContain('entity "person:k" has changed since');
  });

  it('refuses with NOT_FOUND when no merge is given for an unknown id', () => {
    const kg = people();
    const error = refused(kg, () => planUnmergeEntity(kg, 'person:zz', null), NotFoundError, 'NOT_FOUND', 'unmergeEntity');
    expect(error.message).toBe('unmergeEntity: no merge of "person:zz" is on record');
  });

  it('refuses with NOT_FOUND a merged id whose merge is not given', () => {
    const kg = people();
    apply(kg, planMergeEntities(kg, 'person:k', 'person:m'));
    refused(kg, () => planUnmergeEntity(kg, 'person:m', null), NotFoundError, 'NOT_FOUND', 'unmergeEntity');
  });

  it('refuses an entity that was never merged', () => {
    const kg = people();
    const error = refused(kg, () => planUnmergeEntity(kg, 'person:k', null), InvalidArgumentError, 'BAD_USER_INPUT', 'unmergeEntity');
    expect(error.message).toBe('unmergeEntity: "person:k" is not merged into another entity');
  });
});
