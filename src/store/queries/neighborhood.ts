// Everything within k hops of an entity: a breadth-first walk of our own
// that visits what graphology-traversal's `bfsFromNode` would, in its order.
// Its queue is an array the size of the whole graph, made for every walk (8 MB
// at 1e6 entities, for a walk that keeps 500), and it cannot stop at a limit;
// ours grows with what it finds and stops there (BENCHMARKS.md, change 23).

import type { EntityRecord, Kind, RelationRecord, RelationType } from '../../ontology/index.js';
import { InvalidArgumentError } from '../../errors.js';
import { Budget } from '../budget.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';
import { assertInRange, LIMITS } from '../limits.js';
import { traversalView, type View } from './traversal-view.js';

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

export interface Subgraph {
  nodes: EntityRecord[];
  relations: RelationRecord[];
  /** true when the limit cut entities off */
  truncated: boolean;
}

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

  const allowed = kinds && kinds.length ? new Set<string>(kinds) : null;
  const enters = allowed && ((node: string) => node === id || allowed.has(kg.graph.getNodeAttributes(node).kind));
  const { included, truncated } = walkBreadthFirst(traversalView(kg, 'OUT', types), id, direction, { depth, limit, enters, budget });
  return { nodes: [...included].map((n) => kg.graph.getNodeAttributes(n)), relations: collectRelationsAmong(kg, included, types), truncated };
}

/**
 * The relations (of the allowed types) among `entities`: each one's
 * relations out to the others, looked up from whichever side is fewer (an
 * agency party to thousands of agreements, among 500 entities kept, is asked
 * 500 times for relations to one of them).
 */
function collectRelationsAmong(kg: KnowledgeGraph, entities: ReadonlySet<string>, types?: readonly RelationType[]): RelationRecord[] {
  const relations: RelationRecord[] = [];
  const keep = (_: string, relation: RelationRecord, __: string, to: string) => {
    if (entities.has(to) && (!types || types.length === 0 || types.includes(relation.type))) relations.push(relation);
  };
  for (const node of entities) {
    if (kg.graph.outDegree(node) <= entities.size) kg.graph.forEachOutEdge(node, keep);
    else for (const other of entities) kg.graph.forEachOutEdge(node, other, keep);
  }
  return relations;
}

interface Walk {
  depth: number;
  limit: number;
  /** whether the walk may enter an entity (one it may not is neither kept nor walked through); null: every one */
  enters: ((node: string) => boolean) | null;
  budget: Budget;
}

/**
 * The entities `start` reaches in at most `depth` hops, nearest first (each
 * entity's in-neighbours before its out-neighbours, as graphology lists them), at
 * most `limit`; truncated when another it may enter was left out or the
 * budget ran out.
 */
function walkBreadthFirst(view: View, start: string, direction: Direction, { depth, limit, enters, budget }: Walk) {
  const included = new Set<string>();
  const seen = new Set([start]);
  const queue = [start];
  const hops = [0];
  /** the hops of the entities the current one reaches */
  let next = 0;
  // when every entity may be entered, the first limit + 1 found settle the answer
  const enough = enters ? Infinity : limit + 1;
  /** true once enough are found, which ends the listing of an entity's neighbours */
  const reach = (neighbour: string) => {
    if (seen.size >= enough) return true;
    if (!seen.has(neighbour)) {
      seen.add(neighbour);
      queue.push(neighbour);
      hops.push(next);
    }
    return false;
  };
  for (let i = 0; i < queue.length; i++) {
    // visits or time spent: what was found so far is the answer
    if (!budget.spend()) return { included, truncated: true };
    const node = queue[i]!;
    if (enters && !enters(node)) continue;
    if (included.size >= limit) return { included, truncated: true };
    included.add(node);
    if (hops[i]! >= depth) continue;
    next = hops[i]! + 1;
    if (direction !== 'OUT' && view.someInNeighbor(node, reach)) continue;
    if (direction !== 'IN') view.someOutNeighbor(node, reach);
  }
  return { included, truncated: false };
}
