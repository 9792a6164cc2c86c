// planDeleteRelation(): the relation goes, its ends stay; conflicts about it
// lose its id, or go; an unknown id is NOT_FOUND.

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import type { ConflictRecord } from '../../../src/ontology/index.js';
import { planDeleteRelation } from '../../../src/store/changes/delete-relation.js';
import { entity, relation } from '../../helpers.js';
import { apply, graphWith, refused, snapshot } from './graph-state.js';

const SIGNED = 'SIGNED:person:p->agreement:m';
const PARTY = 'PARTY_TO:police-agency:a->agreement:m';

const claims = [
  { value: 'police-agency:a', evidence: [{ article: 'article:test', quote: 'test', start: 0, end: 4 }] },
  { value: 'police-agency:b', evidence: [{ article: 'article:x', quote: 'x', start: 0, end: 1 }] },
];
const conflict = (id: string, about: string[]): ConflictRecord => ({ id, about, property: 'onBehalfOf', claims });

function smallGraph(conflicts: ConflictRecord[] = []) {
  return graphWith(
    [
      entity('person:p', 'Person', 'Vu Tien Dung'),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien police'),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er police'),
    ],
    [relation('SIGNED', 'person:p', 'agreement:m', { onBehalfOf: 'police-agency:a' }), relation('PARTY_TO', 'police-agency:a', 'agreement:m')],
    conflicts,
  );
}

describe('planDeleteRelation', () => {
  it('removes the relation and keeps its ends and the other relations', () => {
    const kg = smallGraph();
    const before = snapshot(kg);
    const change = planDeleteRelation(kg, SIGNED);
    expect(change.kind).toBe('DELETE_RELATION');
    expect(change.ids).toEqual([SIGNED]);
    expect(change.effects.relations).toEqual([{ id: SIGNED, before: kg.findRelation(SIGNED), after: null }]);
    expect(change.effects.entities).toEqual([]);

    apply(kg, change);
    expect(kg.findRelation(SIGNED)).toBeNull();
    expect(kg.graph.hasEdge(SIGNED)).toBe(false);
    expect(kg.relationCount).toBe(1);
    expect(kg.relations(['SIGNED'])).toEqual([]);
    expect(kg.relationsOf('person:p')).toEqual([]);
    expect(snapshot(kg)).toEqual({ ...before, relations: before.relations.filter((r) => r.id !== SIGNED) });
  });

  it('takes the relation out of conflicts about it and others, and deletes conflicts about it alone', () => {
    const kg = smallGraph([conflict('conflict:signed', [SIGNED]), conflict('conflict:both', [SIGNED, PARTY]), conflict('conflict:party', [PARTY])]);
    apply(kg, planDeleteRelation(kg, SIGNED));
    expect(kg.conflicts()).toEqual([conflict('conflict:both', [PARTY]), conflict('conflict:party', [PARTY])]);
    expect(kg.conflicts(SIGNED)).toEqual([]);
  });

  it('refuses an unknown id with NOT_FOUND', () => {
    const kg = smallGraph();
    const error = refused(kg, () => planDeleteRelation(kg, 'SIGNED:person:p->agreement:n'), NotFoundError, 'NOT_FOUND', 'deleteRelation');
    expect(error.message).toBe('deleteRelation: no relation has the id "SIGNED:person:p->agreement:n"');
  });

  it('refuses the id of a relation deleted already', () => {
    const kg = smallGraph();
    apply(kg, planDeleteRelation(kg, PARTY));
    refused(kg, () => planDeleteRelation(kg, PARTY), NotFoundError, 'NOT_FOUND', 'deleteRelation');
  });

  it('refuses an entity id with NOT_FOUND', () => {
    const kg = smallGraph();
    refused(kg, () => planDeleteRelation(kg, 'person:p'), NotFoundError, 'NOT_FOUND', 'deleteRelation');
  });
});
