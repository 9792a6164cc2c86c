// Everything within k hops of an entity (graphology-traversal's BFS).

import { bfsFromNode } from 'graphology-traversal';
import type { EntityRecord, Kind, RelationRecord, RelationType } from '../../ontology/index.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';
import { assertInRange, LIMITS } from '../limits.js';
import { traversalView } from './traversal-view.js';

export interface NeighborhoodOptions {
  depth?: number;
  direction?: Direction;
  /** follow only relations of these types */
  types?: readonly RelationType[];
  /** enter only entities of these kinds (the start is always included) */
  kinds?: readonly Kind[];
  /** most entities returned; past it the result says `truncated` */
  limit?: number;
}

export interface Subgraph {
  nodes: EntityRecord[];
  relations: RelationRecord[];
  /** true when the limit cut entities off */
  truncated: boolean;
}

/** BFS walks the directed view: out-edges, in-edges, or both. */
const MODE = { OUT: 'out', IN: 'in', ANY: 'directed' } as const;

/**
 * The entities reachable from `id` in at most `depth` hops, nearest first, and
 * the relations (of the allowed types) among them.
 */
export function neighborhood(kg: KnowledgeGraph, id: string, options: NeighborhoodOptions = {}): Subgraph {
  const { depth = LIMITS.depth.default, direction = 'ANY', types, kinds, limit = LIMITS.nodes.default } = options;
  kg.getEntity(id, 'neighborhood');
  assertInRange('neighborhood', 'depth', depth, LIMITS.depth);
  assertInRange('neighborhood', 'limit', limit, LIMITS.nodes);

  const included = new Set<string>();
  let truncated = false;
  const view = traversalView(kg, 'OUT', types);
  bfsFromNode(
    view,
    id,
    (node, _, hops) => {
      if (node !== id && kinds && kinds.length && !kinds.includes(kg.graph.getNodeAttributes(node).kind)) return true;
      if (included.size >= limit) {
        truncated = true;
        return true;
      }
      included.add(node);
      return hops >= depth;
    },
    { mode: MODE[direction] },
  );

  const relations: RelationRecord[] = [];
  for (const node of included) {
    kg.graph.forEachOutEdge(node, (_, relation, __, to) => {
      if (included.has(to) && (!types || types.length === 0 || types.includes(relation.type))) relations.push(relation);
    });
  }
  return { nodes: [...included].map((n) => kg.graph.getNodeAttributes(n)), relations, truncated };
}
