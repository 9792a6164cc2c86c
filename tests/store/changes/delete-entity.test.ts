// planDeleteEntity(): refused while relations touch the entity or name it in
// a property (SIGNED's onBehalfOf), unless cascade deletes them too; conflicts
// about it lose its id, or go; an article that supports facts stays.
//
//   person:p --SIGNED {onBehalfOf: police-agency:a}--> agreement:m <--PARTY_TO-- police-agency:b
//   person:p --HOLDS_POSITION--> police-agency:b
//   police-agency:a has no relation of its own; person:q stands alone

import { describe, expect, it } from 'vitest';
import { NotFoundError, PreconditionFailedError } from '../../../src/errors.js';
import type { ConflictRecord } from '../../../src/ontology/index.js';
import { planDeleteEntity } from '../../../src/store/changes/delete-entity.js';
import { planMergeEntities } from '../../../src/store/changes/merge-entities.js';
import { entity, relation } from '../../helpers.js';
import { apply, article, graphWith, quoted, refused, snapshot } from './graph-state.js';

const SIGNED = 'SIGNED:person:p->agreement:m';
const PARTY = 'PARTY_TO:police-agency:b->agreement:m';
const HOLDS = 'HOLDS_POSITION:person:p->police-agency:b';

const claim = (value: string) => ({ value, evidence: [{ article: 'article:test', quote: 'test', start: 0, end: 4 }] });
const conflict = (id: string, about: string[]): ConflictRecord => ({ id, about, property: 'rank', claims: [claim('Colonel'), claim('General')] });

function smallGraph(conflicts: ConflictRecord[] = []) {
  return graphWith(
    [
      entity('person:p', 'Person', 'Vu Tien Dung'),
      entity('person:q', 'Person', 'Ma Shuliang'),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department'),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er Municipal Police Department'),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
    ],
    [
      relation('SIGNED', 'person:p', 'agreement:m', { onBehalfOf: 'police-agency:a' }),
      relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
      relation('HOLDS_POSITION', 'person:p', 'police-agency:b', { title: 'Liaison' }),
    ],
    conflicts,
  );
}

describe('planDeleteEntity', () => {
  it('deletes an entity nothing points at, and nothing else', () => {
    const kg = smallGraph();
    const before = snapshot(kg);
    const change = planDeleteEntity(kg, 'person:q');
    expect(change.kind).toBe('DELETE_ENTITY');
    expect(change.ids).toEqual(['person:q']);
    apply(kg, change);
    expect(kg.hasEntity('person:q')).toBe(false);
    expect(kg.findEntity('person:q')).toBeNull();
    expect(kg.entitiesNamed('Ma Shuliang')).toEqual([]);
    expect(snapshot(kg)).toEqual({ ...before, entities: before.entities.filter((e) => e.id !== 'person:q') });
  });

  it('refuses while relations touch the entity, naming them', () => {
    const kg = smallGraph();
    const error = refused(kg, () => planDeleteEntity(kg, 'agreement:m'), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    expect(error.message).toBe(`deleteEntity: 2 relations point at "agreement:m" (${PARTY}, ${SIGNED}); delete them first, or pass cascade: true`);
  });

  it('refuses while a relation names the entity in onBehalfOf, though no relation ends at it', () => {
    const kg = smallGraph();
    expect(kg.relationsOf('police-agency:a')).toEqual([]);
    const error = refused(kg, () => planDeleteEntity(kg, 'police-agency:a'), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    expect(error.message).toBe(`deleteEntity: 1 relation points at "police-agency:a" (${SIGNED}); delete them first, or pass cascade: true`);
  });

  it('shows three relations at most in the refusal', () => {
    const kg = graphWith(
      ['a', 'b', 'c', 'd'].map((x) => entity(`police-agency:${x}`, 'PoliceAgency', x)).concat(entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' })),
      ['a', 'b', 'c', 'd'].map((x) => relation('PARTY_TO', `police-agency:${x}`, 'agreement:m')),
    );
    const error = refused(kg, () => planDeleteEntity(kg, 'agreement:m'), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    expect(error.message).toBe(
      'deleteEntity: 4 relations point at "agreement:m" (PARTY_TO:police-agency:a->agreement:m, PARTY_TO:police-agency:b->agreement:m, PARTY_TO:police-agency:c->agreement:m, ...); delete them first, or pass cascade: true',
    );
  });

  it('deletes the relations touching the entity with cascade, and keeps the others', () => {
    const kg = smallGraph();
    const change = planDeleteEntity(kg, 'agreement:m', true);
    expect(change.ids).toEqual(['agreement:m', PARTY, SIGNED]);
    apply(kg, change);
    expect(kg.hasEntity('agreement:m')).toBe(false);
    expect(kg.entityCount).toBe(4);
    expect(kg.graph.edges()).toEqual([HOLDS]);
    expect(kg.relations().map((r) => r.id)).toEqual([HOLDS]);
    expect(kg.relationsOf('person:p').map((r) => r.id)).toEqual([HOLDS]);
  });

  it('deletes the relation naming the entity in onBehalfOf with cascade', () => {
    const kg = smallGraph();
    const change = planDeleteEntity(kg, 'police-agency:a', true);
    expect(change.ids).toEqual(['police-agency:a', SIGNED]);
    apply(kg, change);
    expect(kg.hasEntity('police-agency:a')).toBe(false);
    expect(kg.findRelation(SIGNED)).toBeNull();
    expect(kg.graph.edges().sort()).toEqual([HOLDS, PARTY]);
    expect(kg.entityCount).toBe(4);
  });

  it('takes the entity out of conflicts about it and others, and deletes conflicts about it alone', () => {
    const kg = smallGraph([
      conflict('conflict:person:q#rank', ['person:q']),
      conflict('conflict:ranks', ['person:p', 'person:q']),
      conflict('conflict:person:p#rank', ['person:p']),
    ]);
    const change = planDeleteEntity(kg, 'person:q');
    expect(change.effects.conflicts.map((c) => [c.id, c.after?.about ?? null])).toEqual([
      ['conflict:person:q#rank', null],
      ['conflict:ranks', ['person:p']],
    ]);
    apply(kg, change);
    expect(kg.conflicts()).toEqual([conflict('conflict:person:p#rank', ['person:p']), conflict('conflict:ranks', ['person:p'])]);
    expect(kg.conflicts('person:q')).toEqual([]);
    expect(kg.conflicts('person:p').map((c) => c.id)).toEqual(['conflict:person:p#rank', 'conflict:ranks']);
  });

  it('takes the relations deleted by cascade out of conflicts too', () => {
    const kg = smallGraph([conflict('conflict:signature', [SIGNED]), conflict('conflict:both', [SIGNED, HOLDS])]);
    apply(kg, planDeleteEntity(kg, 'police-agency:a', true));
    expect(kg.conflicts()).toEqual([conflict('conflict:both', [HOLDS])]);
  });

  it('refuses to delete an article other facts cite as evidence', () => {
    const text = 'Vu Tien Dung met Ma Shuliang.';
    const cited = { ...entity('person:p', 'Person', 'Vu Tien Dung'), evidence: [quoted('article:a', text, 'Vu Tien Dung')] };
    const kg = graphWith([article('article:a', text), cited, entity('person:q', 'Person', 'Ma Shuliang')]);
    const error = refused(kg, () => planDeleteEntity(kg, 'article:a', true), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    expect(error.message).toBe('deleteEntity: 1 facts cite the article "article:a" as evidence (first: "person:p"); an article that supports facts stays');
  });

  it('refuses to delete an article a relation cites as evidence', () => {
    const text = 'Vu Tien Dung works for the Dien Bien police.';
    const holds = { ...relation('HOLDS_POSITION', 'person:p', 'police-agency:a'), evidence: [quoted('article:a', text, 'works for')] };
    const kg = graphWith([article('article:a', text), entity('person:p', 'Person', 'Vu Tien Dung'), entity('police-agency:a', 'PoliceAgency', 'Dien Bien police')], [holds]);
    const error = refused(kg, () => planDeleteEntity(kg, 'article:a'), PreconditionFailedError, 'PRECONDITION_FAILED', 'deleteEntity');
    expect(error.message).toContain(`(first: "${holds.id}")`);
  });

  it('deletes an article nothing cites', () => {
    const kg = graphWith([article('article:a', 'Some text.'), entity('person:p', 'Person', 'Vu Tien Dung')]);
    apply(kg, planDeleteEntity(kg, 'article:a'));
    expect(kg.graph.nodes()).toEqual(['person:p']);
  });

  it('refuses an unknown id with NOT_FOUND', () => {
    const kg = smallGraph();
    const error = refused(kg, () => planDeleteEntity(kg, 'person:nobody'), NotFoundError, 'NOT_FOUND', 'deleteEntity');
    expect(error.message).toBe('deleteEntity: no entity has the id "person:nobody"');
  });

  it('refuses a merged id with NOT_FOUND, naming the entity it was merged into', () => {
    const kg = smallGraph();
    apply(kg, planMergeEntities(kg, 'person:p', 'person:q'));
    const error = refused(kg, () => planDeleteEntity(kg, 'person:q'), NotFoundError, 'NOT_FOUND', 'deleteEntity');
    expect(error.message).toBe('deleteEntity: "person:q" was merged into "person:p"; use that id (or unmergeEntity)');
    expect(kg.hasEntity('person:p')).toBe(true);
  });
});
