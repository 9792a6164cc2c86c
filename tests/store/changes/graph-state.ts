// What the change tests share: a curator, Article records with a text to
// quote, a snapshot of every record the graph holds, applying a change with
// a check that the graph and its indices agree, and checking a refusal.

import { expect } from 'vitest';
import type { CoopgraphError, ErrorCode } from '../../../src/errors.js';
import type { ConflictRecord, EntityRecord, Evidence, RelationRecord } from '../../../src/ontology/index.js';
import type { Actor } from '../../../src/store/changes/checks.js';
import { applyEffects, type Change } from '../../../src/store/changes/effects.js';
import { KnowledgeGraph } from '../../../src/store/knowledge-graph.js';
import { thrown } from '../thrown.js';

export const actor: Actor = { by: 'curator', at: '2026-11-23T08:00:00.000Z' };

/** An Article entity whose text evidence can quote. */
export function article(id: string, text: string, title = 'Police of two provinces sign their 9th MoU'): EntityRecord {
  return { id, kind: 'Article', name: title, aliases: [], attributes: { title, publishedOn: '2019-05-20', text }, stated: true, evidence: [] };
}

/** Evidence quoting `quote` at its first place in `text` (for building graphs, not for expected values). */
export function quoted(articleId: string, text: string, quote: string): Evidence {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" is not in the text`);
  return { article: articleId, quote, start, end: start + quote.length };
}

/** A graph with conflicts (and redirects) as well as entities and relations. */
export function graphWith(entities: EntityRecord[], relations: RelationRecord[] = [], conflicts: ConflictRecord[] = []): KnowledgeGraph {
  return KnowledgeGraph.fromData({ entities, relations, conflicts });
}

export interface GraphState {
  entities: EntityRecord[];
  relations: RelationRecord[];
  conflicts: ConflictRecord[];
  redirects: [string, string][];
}

/** Every record the graph holds, read from graphology itself, as plain JSON. */
export function snapshot(kg: KnowledgeGraph): GraphState {
  const state: GraphState = {
    entities: kg.graph
      .nodes()
      .sort()
      .map((id) => kg.graph.getNodeAttributes(id)),
    relations: kg.graph
      .edges()
      .sort()
      .map((id) => kg.graph.getEdgeAttributes(id)),
    conflicts: [...kg.conflicts()],
    redirects: [...kg.allRedirects()].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  return JSON.parse(JSON.stringify(state)) as GraphState;
}

/** Node keys are entity ids, edge keys relation ids with matching ends, and the indices list exactly what graphology holds. */
export function expectConsistent(kg: KnowledgeGraph): void {
  kg.graph.forEachNode((key, entity) => expect(entity.id).toBe(key));
  kg.graph.forEachEdge((key, relation, source, target) => {
    expect(relation.id).toBe(key);
    expect(relation.id).toBe(`${relation.type}:${relation.from}->${relation.to}`);
    expect([relation.from, relation.to]).toEqual([source, target]);
  });
  expect(kg.entities().map((e) => e.id)).toEqual(kg.graph.nodes().sort());
  expect(kg.relations().map((r) => r.id)).toEqual(kg.graph.edges().sort());
}

/** Applies the change's effects to the graph, then checks the graph is consistent. */
export function apply(kg: KnowledgeGraph, change: Change): void {
  applyEffects(kg, change.effects);
  expectConsistent(kg);
}

type ErrorClass = abstract new (message: string) => CoopgraphError;

/**
 * Plans something that must be refused: checks the error's class, code and
 * that its message starts with the operation's name, and that the graph is
 * exactly as it was. Returns the error for checks of its message.
 */
export function refused(kg: KnowledgeGraph, plan: () => unknown, errorClass: ErrorClass, code: ErrorCode, operation: string): Error {
  const before = snapshot(kg);
  const counts = { entities: kg.entityCount, relations: kg.relationCount, conflicts: kg.conflicts().length, revision: kg.revision };
  const error = thrown(plan);
  expect(error).toBeInstanceOf(errorClass);
  expect(error.code).toBe(code);
  expect(error.message.startsWith(`${operation}: `), error.message).toBe(true);
  expect({ entities: kg.entityCount, relations: kg.relationCount, conflicts: kg.conflicts().length, revision: kg.revision }).toEqual(counts);
  expect(snapshot(kg)).toEqual(before);
  return error;
}
