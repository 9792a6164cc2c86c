// How two entities are connected by the fewest relations
// (graphology-shortest-path's bidirectional search).

import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { EntityRecord, RelationRecord, RelationType } from '../../ontology/index.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';
import { relationBetween, traversalView } from './traversal-view.js';

export interface PathOptions {
  direction?: Direction;
  types?: readonly RelationType[];
}

export interface Path {
  length: number;
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

/** The shortest path from `from` to `to`, or null when none exists. */
export function findShortestPath(kg: KnowledgeGraph, from: string, to: string, options: PathOptions = {}): Path | null {
  const { direction = 'ANY', types } = options;
  // a merged id is read as the entity it was merged into
  from = kg.getEntity(from, 'shortestPath').id;
  to = kg.getEntity(to, 'shortestPath').id;
  // bidirectional keeps what it has reached, so a neighbour listed twice costs it nothing
  const view = traversalView(kg, direction, types, { repeats: true });
  const ids = direction === 'IN' ? bidirectional(view, to, from)?.reverse() : bidirectional(view, from, to);
  return ids ? toPath(kg, ids, direction, types) : null;
}

/**
 * A path of entity ids → the Path with the relation used at each hop. The
 * relations are looked up when first read (so a query for the entities alone
 * does not pay for them), which must come before the graph changes.
 */
export function toPath(kg: KnowledgeGraph, ids: readonly string[], direction: Direction, types?: readonly RelationType[]): Path {
  return {
    length: ids.length - 1,
    nodes: ids.map((id) => kg.graph.getNodeAttributes(id)),
    get relations() {
      const relations = ids.slice(1).map((id, i) => relationBetween(kg, ids[i]!, id, direction, types));
      Object.defineProperty(this, 'relations', { value: relations, enumerable: true });
      return relations;
    },
  };
}
