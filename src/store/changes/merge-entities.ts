// mergeEntities(keep, merge): the duplicate's relations, aliases and evidence
// move to the entity kept, and its id redirects there. unmergeEntity undoes
// a merge exactly, as long as nothing it touched has changed since.

import { InvalidArgumentError, NotFoundError, PreconditionFailedError } from '../../errors.js';
import { relationId, type RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { conflictRecorder, getExactEntity, joinEntity, joinRelation, refProperties } from './checks.js';
import { findMismatch, invertEffects, noEffects, type Change, type Effects, type RecordEffect } from './effects.js';

export function planMergeEntities(kg: KnowledgeGraph, keepId: string, mergeId: string): Change {
  const operation = 'mergeEntities';
  const keep = getExactEntity(kg, keepId, operation);
  const merged = getExactEntity(kg, mergeId, operation);
  if (keep.id === merged.id) throw new InvalidArgumentError(`${operation}: "${keepId}" cannot be merged into itself`);
  if (keep.kind !== merged.kind) throw new InvalidArgumentError(`${operation}: "${keepId}" is a ${keep.kind} but "${mergeId}" is a ${merged.kind}; only entities of one kind merge`);
  if (keep.kind === 'Article') throw new InvalidArgumentError(`${operation}: articles do not merge`);
  const between = kg.relationsOf(mergeId).find((r) => r.from === keepId || r.to === keepId);
  if (between) throw new PreconditionFailedError(`${operation}: the relation "${between.id}" links the two; delete it before merging`);

  const effects: Effects = noEffects();
  const conflicts = conflictRecorder(kg);
  // where the two disagree, the kept entity's value stays and the other is kept as a claim
  const keepAfter = joinEntity(keep, merged, conflicts);
  effects.entities.push({ id: keep.id, before: keep, after: keepAfter }, { id: merged.id, before: merged, after: null });

  // each relation of the duplicate, or naming it in a property, moves to the entity kept
  const relations = new Map<string, RecordEffect<RelationRecord>>();
  /** old id → new id, of the duplicate and of each relation that moves */
  const renamed = new Map<string, string>([[mergeId, keepId]]);
  const moving = new Map(kg.relationsOf(mergeId).map((r) => [r.id, r]));
  for (const relation of kg.relations()) if (refProperties(relation).some((n) => relation.properties[n] === mergeId)) moving.set(relation.id, relation);
  for (const relation of moving.values()) {
    const swap = (id: string) => (id === mergeId ? keepId : id);
    const properties = Object.fromEntries(Object.entries(relation.properties).map(([k, v]) => [k, typeof v === 'string' && refProperties(relation).includes(k) ? swap(v) : v]));
    const moved: RelationRecord = { ...relation, id: relationId(relation.type, swap(relation.from), swap(relation.to)), from: swap(relation.from), to: swap(relation.to), properties };
    renamed.set(relation.id, moved.id);
    relations.set(relation.id, { id: relation.id, before: relation, after: null });
    const existing = relations.get(moved.id)?.after ?? kg.findRelation(moved.id);
    if (moved.id === relation.id) {
      relations.set(relation.id, { id: relation.id, before: relation, after: moved });
    } else if (existing && existing.id !== relation.id) {
      const joined = joinRelation(existing, moved);
      const first = relations.get(moved.id)?.before ?? existing;
      relations.set(moved.id, { id: moved.id, before: first, after: joined });
    } else {
      relations.set(moved.id, { id: moved.id, before: null, after: moved });
    }
  }
  effects.relations = [...relations.values()];
  // conflicts about the duplicate or a relation that moved now name what it became
  for (const { id } of kg.conflicts()) {
    const conflict = conflicts.current(id)!;
    if (conflict.about.some((about) => renamed.has(about))) conflicts.put({ ...conflict, about: [...new Set(conflict.about.map((about) => renamed.get(about) ?? about))] });
  }
  effects.conflicts = conflicts.effects();
  effects.redirects.push({ id: mergeId, before: null, after: keepId });
  return { kind: 'MERGE_ENTITIES', ids: [keepId, mergeId], effects };
}

/**
 * Undoes `merge` (the change that merged `id`): both entities come back with
 * exactly their own facts. Refused when a record the merge wrote has changed
 * since, since undoing it would also undo that later change.
 */
export function planUnmergeEntity(kg: KnowledgeGraph, id: string, merge: Change | null): Change {
  const operation = 'unmergeEntity';
  if (merge && (merge.kind !== 'MERGE_ENTITIES' || merge.ids[1] !== id)) throw new InvalidArgumentError(`${operation}: the change given is not the merge of "${id}"`);
  if (!merge) {
    if (kg.graph.hasNode(id)) throw new InvalidArgumentError(`${operation}: "${id}" is not merged into another entity`);
    throw new NotFoundError(`${operation}: no merge of "${id}" is on record`);
  }
  const changed = findMismatch(kg, merge.effects, 'after');
  if (changed) {
    throw new PreconditionFailedError(`${operation}: ${changed} has changed since "${id}" was merged; undo the later changes to it first`);
  }
  return { kind: 'UNMERGE_ENTITY', ids: [merge.ids[1]!, merge.ids[0]!], effects: invertEffects(merge.effects) };
}
