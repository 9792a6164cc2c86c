// ingestArticle: an article and the facts read from it join the graph. An
// entity or relation the graph holds gains the new evidence and aliases; an
// attribute the article gives another value becomes a conflict, as in the loader.

import { AlreadyExistsError, InvalidArgumentError } from '../../errors.js';
import { relationId, type ConflictRecord, type EntityRecord, type RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertRelationFits, conflictRecorder, joinEntity, joinEvidence, joinRelation } from './checks.js';
import { noEffects, type Change, type Effects, type RecordEffect } from './effects.js';

/** An article's facts, their evidence pointing into `article.attributes.text`. */
export interface ArticleFacts {
  article: EntityRecord;
  entities: EntityRecord[];
  relations: RelationRecord[];
  conflicts: ConflictRecord[];
}

export function planIngestArticle(kg: KnowledgeGraph, facts: ArticleFacts, idempotencyKey?: string): Change {
  const operation = 'ingestArticle';
  const { article } = facts;
  if (article.kind !== 'Article' || typeof article.attributes.text !== 'string') throw new InvalidArgumentError(`${operation}: the article record has no text`);
  if (kg.graph.hasNode(article.id)) throw new AlreadyExistsError(`${operation}: the graph holds "${article.id}" already`);

  const entities = new Map<string, RecordEffect<EntityRecord>>([[article.id, { id: article.id, before: null, after: article }]]);
  const conflicts = conflictRecorder(kg);
  const { entities: read, relations: readRelations, conflicts: readConflicts } = followMerges(kg, facts, operation);

  for (const entity of read) {
    const held = kg.graph.hasNode(entity.id) ? kg.graph.getNodeAttributes(entity.id) : null;
    if (!held) {
      entities.set(entity.id, { id: entity.id, before: null, after: entity });
      continue;
    }
    if (held.kind !== entity.kind) throw new InvalidArgumentError(`${operation}: "${entity.id}" is a ${held.kind} in the graph but a ${entity.kind} in the article`);
    const after = joinEntity(held, entity, conflicts);
    entities.set(entity.id, { id: entity.id, before: held, after });
  }

  const relations = new Map<string, RecordEffect<RelationRecord>>();
  for (const relation of readRelations) {
    const { id } = relation;
    const earlier = relations.get(id);
    const held = earlier ? earlier.after : kg.findRelation(id);
    if (!held) {
      relations.set(id, { id, before: null, after: relation });
      continue;
    }
    relations.set(id, { id, before: earlier ? earlier.before : held, after: joinRelation(held, relation) });
  }
  for (const conflict of readConflicts) {
    const existing = conflicts.current(conflict.id);
    conflicts.put(existing ? { ...existing, claims: [...existing.claims, ...conflict.claims] } : conflict);
  }

  const effects: Effects = { ...noEffects(), entities: [...entities.values()], relations: [...relations.values()], conflicts: conflicts.effects() };
  const added = new Map(effects.entities.flatMap((e) => (e.after ? [[e.id, e.after] as const] : [])));
  for (const r of effects.relations) if (r.after) assertRelationFits(kg, r.after, operation, added);
  return { kind: 'INGEST_ARTICLE', ids: [article.id], effects, ...(idempotencyKey ? { idempotencyKey } : {}) };
}

/**
 * The article's facts with every id merged into another entity read as the
 * entity kept (the extractor names things afresh; a merge says they are one).
 */
function followMerges(kg: KnowledgeGraph, facts: ArticleFacts, operation: string): Omit<ArticleFacts, 'article'> {
  const to = (id: string) => {
    if (!kg.redirectOf(id)) return id;
    const kept = kg.resolveId(id);
    if (!kg.graph.hasNode(kept)) throw new AlreadyExistsError(`${operation}: "${id}" was merged into "${kept}", which has been deleted since`);
    return kept;
  };
  const byId = new Map<string, EntityRecord>();
  for (const entity of facts.entities) {
    const id = to(entity.id);
    const twin = byId.get(id);
    // two of the article's entities that a merge made one: one record, both accounts
    byId.set(id, twin ? { ...twin, aliases: [...twin.aliases, entity.name, ...entity.aliases], evidence: joinEvidence(twin.evidence, entity.evidence) } : { ...entity, id });
  }
  return {
    entities: [...byId.values()],
    relations: facts.relations
      .map((r) => ({ ...r, from: to(r.from), to: to(r.to), id: relationId(r.type, to(r.from), to(r.to)) }))
      .filter((r) => r.from !== r.to),
    conflicts: facts.conflicts.map((c) => ({ ...c, about: [...new Set(c.about.map(to))] })),
  };
}
