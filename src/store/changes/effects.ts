// What a change does to the graph, record by record: each record it touches,
// before and after (null: absent). Applying a change, checking that it still
// fits the graph, and undoing it need nothing else, so the change log can be
// replayed exactly and a merge can be reversed exactly.

import { isDeepStrictEqual } from 'node:util';
import type { ConflictRecord, EntityRecord, RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';

export interface RecordEffect<T> {
  id: string;
  before: T | null;
  after: T | null;
}

export interface Effects {
  entities: RecordEffect<EntityRecord>[];
  relations: RecordEffect<RelationRecord>[];
  conflicts: RecordEffect<ConflictRecord>[];
  /** merged id → the id it leads to */
  redirects: RecordEffect<string>[];
}

export const CHANGE_KINDS = [
  'CREATE_ENTITY',
  'UPDATE_ENTITY',
  'DELETE_ENTITY',
  'CREATE_RELATION',
  'DELETE_RELATION',
  'MERGE_ENTITIES',
  'UNMERGE_ENTITY',
  'INGEST_ARTICLE',
  'IMPORT',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One write, planned against the graph: what it is about and what it does. */
export interface Change {
  kind: ChangeKind;
  /** the entities or relations it is about, first the one named by the request */
  ids: string[];
  effects: Effects;
  /** an ingestion's idempotency key: a second request with it writes nothing */
  idempotencyKey?: string;
}

export const noEffects = (): Effects => ({ entities: [], relations: [], conflicts: [], redirects: [] });

/** The record as it will read back from the log: plain JSON, no undefined members. */
export const asStored = <T>(record: T): T => JSON.parse(JSON.stringify(record)) as T;

const currentEntity = (kg: KnowledgeGraph, id: string) => (kg.graph.hasNode(id) ? kg.graph.getNodeAttributes(id) : null);
const currentConflict = (kg: KnowledgeGraph, id: string) => kg.conflicts().find((c) => c.id === id) ?? null;

/** The first record that is not as the change expects it (`before`), or null when the change fits. */
export function findMismatch(kg: KnowledgeGraph, effects: Effects, expect: 'before' | 'after' = 'before'): string | null {
  const differs = <T>(current: T | null, expected: T | null) => !isDeepStrictEqual(current === null ? null : asStored(current), expected);
  for (const e of effects.entities) if (differs(currentEntity(kg, e.id), e[expect])) return `entity "${e.id}"`;
  for (const r of effects.relations) if (differs(kg.findRelation(r.id), r[expect])) return `relation "${r.id}"`;
  for (const c of effects.conflicts) if (differs(currentConflict(kg, c.id), c[expect])) return `conflict "${c.id}"`;
  for (const r of effects.redirects) if (kg.redirectOf(r.id) !== r[expect]) return `redirect of "${r.id}"`;
  return null;
}

/**
 * Sets every record to its `after`. Relations go before the entities they
 * leave and after those they join, so every relation always has its ends.
 */
export function applyEffects(kg: KnowledgeGraph, effects: Effects, options: { reindex?: boolean } = {}): void {
  for (const r of effects.relations) if (!r.after) kg.setRelation(r.id, null);
  for (const e of effects.entities) if (e.after) kg.setEntity(e.id, asStored(e.after));
  for (const r of effects.relations) if (r.after) kg.setRelation(r.id, asStored(r.after));
  for (const e of effects.entities) if (!e.after) kg.setEntity(e.id, null);
  for (const c of effects.conflicts) kg.setConflict(c.id, c.after && asStored(c.after));
  for (const r of effects.redirects) kg.setRedirect(r.id, r.after);
  // a replay of many changes rebuilds the indices once, at its end
  if (options.reindex !== false) kg.reindex();
}

/** The effects that undo these. */
export function invertEffects(effects: Effects): Effects {
  const swap = <T>(list: RecordEffect<T>[]) => list.map(({ id, before, after }) => ({ id, before: after, after: before }));
  return {
    entities: swap(effects.entities),
    relations: swap(effects.relations),
    conflicts: swap(effects.conflicts),
    redirects: swap(effects.redirects),
  };
}
