// Everything within k hops of an entity (graphology-traversal's BFS).

import { bfsFromNode } from 'graphology-traversal';
import type { EntityRecord, Kind, RelationRecord, RelationType } from '../../ontology/index.js';
import { InvalidArgumentError } from '../../errors.js';
import { Budget } from '../budget.js';
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
  /** what the walk may spend; pass one budget to every walk of a request to bound them together (default: a fresh TRAVERSAL_BUDGET) */
  budget?: Budget;
}

/** Depth 4 reaches far on a connected graph: it is served only with a limit this small. */
export const DEEPEST_LIMIT = 100;

/** Thrown inside graphology's BFS callback to end the walk early. */
const STOP = Symbol('stop');

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
  // a merged id is read as the entity it was merged into
  id = kg.getEntity(id, 'neighborhood').id;
  assertInRange('neighborhood', 'depth', depth, LIMITS.depth);
  assertInRange('neighborhood', 'limit', limit, LIMITS.nodes);
  if (depth === LIMITS.depth.max && limit > DEEPEST_LIMIT) {
    throw new InvalidArgumentError(`neighborhood: depth ${depth} needs a limit of at most ${DEEPEST_LIMIT} (got ${limit})`);
  }
  const budget = options.budget ?? new Budget();

  const included = new Set<string>();
  let truncated = false;
  const view = traversalView(kg, 'OUT', types);
  try {
    bfsFromNode(
      view,
      id,
      (node, _, hops) => {
        // visits or time spent: what was found so far is the answer
        if (!budget.spend()) {
          truncated = true;
          throw STOP;
        }
        if (node !== id && kinds && kinds.length && !kinds.includes(kg.graph.getNodeAttributes(node).kind)) return true;
        if (included.size >= limit) {
          truncated = true;
          throw STOP;
        }
        included.add(node);
        return hops >= depth;
      },
      { mode: MODE[direction] },
    );
  } catch (error) {
    if (error !== STOP) throw error;
  }

  const relations: RelationRecord[] = [];
  for (const node of included) {
    kg.graph.forEachOutEdge(node, (_, relation, __, to) => {
      if (included.has(to) && (!types || types.length === 0 || types.includes(relation.type))) relations.push(relation);
    });
  }
  return { nodes: [...included].map((n) => kg.graph.getNodeAttributes(n)), relations, truncated };
}
