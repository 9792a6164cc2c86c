// ingestArticle: an article and the facts read from it join the graph. An
// entity or relation the graph holds gains the new evidence and aliases; an
// attribute the article gives another value becomes a conflict, as in the loader.

import { AlreadyExistsError, InvalidArgumentError } from '../../errors.js';
import { mergeStated, relationId, uniqueNames, type Claim, type ConflictRecord, type EntityRecord, type RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertRelationFits, joinEvidence } from './checks.js';
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
  const conflicts = new Map<string, RecordEffect<ConflictRecord>>();
  const conflictOf = (id: string) => conflicts.get(id)?.after ?? kg.conflicts().find((c) => c.id === id) ?? null;
  const putConflict = (conflict: ConflictRecord) => {
    const before = conflicts.get(conflict.id)?.before ?? kg.conflicts().find((c) => c.id === conflict.id) ?? null;
    conflicts.set(conflict.id, { id: conflict.id, before, after: conflict });
  };
  /** a value the article gives that differs from the graph's: both kept as claims */
  const disagree = (about: string, property: string, held: { value: unknown; evidence: EntityRecord['evidence'] }, given: Claim) => {
    const id = `conflict:${about}#${property}`;
    const existing = conflictOf(id);
    const claims = existing ? [...existing.claims] : [{ value: shown(held.value), evidence: held.evidence }];
    const same = claims.findIndex((c) => c.value === given.value);
    if (same >= 0) claims[same] = { value: given.value, evidence: joinEvidence(claims[same]!.evidence, given.evidence) };
    else claims.push(given);
    putConflict({
      id,
      about: [about],
      property,
      note: existing?.note ?? `sources disagree on "${property}"; the first value read is shown on the entity`,
      claims,
    });
  };

  for (const entity of facts.entities) {
    const held = kg.graph.hasNode(entity.id) ? kg.graph.getNodeAttributes(entity.id) : null;
    if (!held) {
      entities.set(entity.id, { id: entity.id, before: null, after: entity });
      continue;
    }
    if (held.kind !== entity.kind) throw new InvalidArgumentError(`${operation}: "${entity.id}" is a ${held.kind} in the graph but a ${entity.kind} in the article`);
    const attributes = { ...held.attributes };
    for (const [name, value] of Object.entries(entity.attributes)) {
      if (attributes[name] === undefined) attributes[name] = value;
      else if (shown(attributes[name]) !== shown(value)) disagree(entity.id, name, { value: attributes[name], evidence: held.evidence }, { value: shown(value), evidence: entity.evidence });
    }
    const after: EntityRecord = {
      ...held,
      aliases: uniqueNames([...held.aliases, entity.name, ...entity.aliases], held.name),
      attributes,
      evidence: joinEvidence(held.evidence, entity.evidence),
    };
    mergeStated(after, entity);
    entities.set(entity.id, { id: entity.id, before: held, after });
  }

  const relations = new Map<string, RecordEffect<RelationRecord>>();
  for (const relation of facts.relations) {
    const id = relationId(relation.type, relation.from, relation.to);
    const held = kg.findRelation(id);
    if (!held) {
      relations.set(id, { id, before: null, after: { ...relation, id } });
      continue;
    }
    const after: RelationRecord = { ...held, evidence: joinEvidence(held.evidence, relation.evidence), properties: { ...relation.properties, ...held.properties } };
    mergeStated(after, relation);
    relations.set(id, { id, before: held, after });
  }
  for (const conflict of facts.conflicts) {
    const existing = conflictOf(conflict.id);
    putConflict(existing ? { ...existing, claims: [...existing.claims, ...conflict.claims] } : conflict);
  }

  const effects: Effects = { ...noEffects(), entities: [...entities.values()], relations: [...relations.values()], conflicts: [...conflicts.values()] };
  const added = new Map(effects.entities.flatMap((e) => (e.after ? [[e.id, e.after] as const] : [])));
  for (const r of effects.relations) if (r.after) assertRelationFits(kg, r.after, operation, added);
  return { kind: 'INGEST_ARTICLE', ids: [article.id], effects, ...(idempotencyKey ? { idempotencyKey } : {}) };
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
