// deleteRelation: the relation goes; conflicts about it let go of it.

import { NotFoundError } from '../../errors.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { detachConflicts } from './checks.js';
import { noEffects, type Change } from './effects.js';

export function planDeleteRelation(kg: KnowledgeGraph, id: string): Change {
  const relation = kg.findRelation(id);
  if (!relation) throw new NotFoundError(`deleteRelation: no relation has the id "${id}"`);
  return {
    kind: 'DELETE_RELATION',
    ids: [id],
    effects: { ...noEffects(), relations: [{ id, before: relation, after: null }], conflicts: detachConflicts(kg, new Set([id])) },
  };
}
