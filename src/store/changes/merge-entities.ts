// mergeEntities(keep, merge): the duplicate's relations, aliases and evidence
// move to the entity kept, and its id redirects there. unmergeEntity undoes
// a merge exactly, as long as nothing it touched has changed since.

import { InvalidArgumentError, NotFoundError, PreconditionFailedError } from '../../errors.js';
import { mergeStated, relationId, uniqueNames, type ConflictRecord, type EntityRecord, type RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { getExactEntity, joinEvidence, refProperties } from './checks.js';
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
  const attributes = { ...keep.attributes };
  for (const [name, value] of Object.entries(merged.attributes)) if (attributes[name] === undefined) attributes[name] = value;
  const keepAfter: EntityRecord = {
    ...keep,
    aliases: uniqueNames([...keep.aliases, merged.name, ...merged.aliases], keep.name),
    attributes,
    evidence: joinEvidence(keep.evidence, merged.evidence),
  };
  mergeStated(keepAfter, merged);
  effects.entities.push({ id: keep.id, before: keep, after: keepAfter }, { id: merged.id, before: merged, after: null });

  // each relation of the duplicate, or naming it in a property, moves to the entity kept
  const relations = new Map<string, RecordEffect<RelationRecord>>();
  const moving = new Map(kg.relationsOf(mergeId).map((r) => [r.id, r]));
  for (const relation of kg.relations()) if (refProperties(relation).some((n) => relation.properties[n] === mergeId)) moving.set(relation.id, relation);
  for (const relation of moving.values()) {
    const swap = (id: string) => (id === mergeId ? keepId : id);
    const properties = Object.fromEntries(Object.entries(relation.properties).map(([k, v]) => [k, typeof v === 'string' && refProperties(relation).includes(k) ? swap(v) : v]));
    const moved: RelationRecord = { ...relation, id: relationId(relation.type, swap(relation.from), swap(relation.to)), from: swap(relation.from), to: swap(relation.to), properties };
    relations.set(relation.id, { id: relation.id, before: relation, after: null });
    const existing = relations.get(moved.id)?.after ?? kg.findRelation(moved.id);
    if (moved.id === relation.id) {
      relations.set(relation.id, { id: relation.id, before: relation, after: moved });
    } else if (existing && existing.id !== relation.id) {
      const joined: RelationRecord = { ...existing, evidence: joinEvidence(existing.evidence, moved.evidence) };
      for (const [k, v] of Object.entries(moved.properties)) if (joined.properties[k] === undefined) joined.properties = { ...joined.properties, [k]: v };
      mergeStated(joined, moved);
      const first = relations.get(moved.id)?.before ?? existing;
      relations.set(moved.id, { id: moved.id, before: first, after: joined });
    } else {
      relations.set(moved.id, { id: moved.id, before: null, after: moved });
    }
  }
  effects.relations = [...relations.values()];
  effects.conflicts = kg
    .conflicts()
    .filter((c) => c.about.includes(mergeId))
    .map((c): RecordEffect<ConflictRecord> => ({ id: c.id, before: c, after: { ...c, about: [...new Set(c.about.map((id) => (id === mergeId ? keepId : id)))] } }));
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
