// The graph as a traversal sees it: only some relation types, followed in
// one direction or both. graphology's algorithms walk a graph's out and in
// neighbours (or every neighbour of an undirected graph); a view answers
// those from the walks' adjacency (../adjacency.ts), which lists an entity's
// relations as typed arrays, whatever their types (BENCHMARKS.md, change 25).

import type { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { EntityRecord, RelationRecord, RelationType } from '../../ontology/index.js';
import { adjacencyOf, typeMask, type Side } from '../adjacency.js';
import type { HeapStats } from '../heap-room.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';

/** What graphology's algorithms read: a directed graph (out, in, both), or an undirected one. */
export type View = MultiDirectedGraph | MultiUndirectedGraph;
type StoreGraph = KnowledgeGraph['graph'];
/** One way of listing an entity's neighbours: all at once, or until `visit` returns true (then true). */
interface Listing {
  list: (node: string) => string[];
  some: (node: string, visit: (neighbour: string) => boolean) => boolean;
}

const listing = (list: Listing['list']): Listing => ({ list, some: (node, visit) => list(node).some(visit) });

export interface ViewOptions {
  /**
   * The caller reads a neighbour listed twice as once (a search that keeps
   * what it has seen, as `bidirectional` and BFS do): the view then skips
   * making each entity's list distinct, a sixth of a far search's time
   * (BENCHMARKS.md, change 22). Without it, each neighbour is listed once,
   * as graphology does.
   */
  repeats?: boolean;
  /** the heap's figures to weigh the adjacency against (default: now's) */
  heap?: HeapStats;
}

/**
 * A graph to run graphology's algorithms on, keyed by the store's ids: its
 * neighbours are the store's along relations of `types` (all when none are
 * given), out and in, or for ANY both ways as in an undirected graph. IN
 * walks the directed view with the ends swapped, as OUT does.
 */
export function traversalView(kg: KnowledgeGraph, direction: Direction, types?: readonly RelationType[], options: ViewOptions = {}): View {
  const adjacency = adjacencyOf(kg, options.heap);
  const mask = types?.length ? typeMask(types) : null;
  const side = (which: Side): Listing => ({
    list: (node) => adjacency.neighbours(which, node, mask),
    some: (node, visit) => adjacency.some(which, node, mask, visit),
  });
  const out = side('out');
  const into = side('in');
  const join = options.repeats ? listBothSides : listEachOnce;
  const both = listing((node) => join(out.list(node), into.list(node)));
  if (direction === 'ANY') return withNeighbours(kg.graph, { out: both, into: both, both });
  return withNeighbours(kg.graph, { out, into, both });
}

/** `a` and then those of `b` not in it (graphology lists each neighbour once per side). */
function listEachOnce(a: string[], b: string[]): string[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const seen = new Set(a);
  for (const node of b) if (!seen.has(node)) a.push(node);
  return a;
}

/** `a` and then `b`: an entity related both ways is listed twice. */
function listBothSides(a: string[], b: string[]): string[] {
  if (!b.length) return a;
  if (!a.length) return b;
  for (const node of b) a.push(node);
  return a;
}

/** The store's graph with its neighbour methods (each name graphology's algorithms call them by) answered by these three. */
function withNeighbours(graph: StoreGraph, { out, into, both }: Record<'out' | 'into' | 'both', Listing>): View {
  const each = ({ some }: Listing) => (node: string, callback: (neighbour: string, attributes: EntityRecord) => void) => {
    some(node, (neighbour) => {
      callback(neighbour, graph.getNodeAttributes(neighbour));
      return false;
    });
  };
  // until the callback returns true
  const until = ({ some }: Listing) => (node: string, callback: (neighbour: string, attributes: EntityRecord) => boolean) =>
    some(node, (neighbour) => callback(neighbour, graph.getNodeAttributes(neighbour)));
  return Object.assign(Object.create(graph) as MultiDirectedGraph, {
    outNeighbors: out.list,
    outboundNeighbors: out.list,
    inNeighbors: into.list,
    inboundNeighbors: into.list,
    neighbors: both.list,
    directedNeighbors: both.list,
    forEachOutNeighbor: each(out),
    forEachOutboundNeighbor: each(out),
    forEachInNeighbor: each(into),
    forEachInboundNeighbor: each(into),
    forEachNeighbor: each(both),
    forEachDirectedNeighbor: each(both),
    someOutNeighbor: until(out),
    someInNeighbor: until(into),
    someNeighbor: until(both),
  });
}

/**
 * The relation a path uses between two consecutive entities: in the walked
 * direction (either for ANY), of the allowed types; the smallest id where
 * several qualify.
 */
export function relationBetween(kg: KnowledgeGraph, a: string, b: string, direction: Direction, types?: readonly RelationType[]): RelationRecord {
  const graph = kg.graph;
  const candidates = direction === 'OUT' ? graph.outEdges(a, b) : direction === 'IN' ? graph.outEdges(b, a) : [...graph.outEdges(a, b), ...graph.outEdges(b, a)];
  let chosen: RelationRecord | undefined;
  for (const id of candidates) {
    const relation = graph.getEdgeAttributes(id);
    if (types?.length && !types.includes(relation.type)) continue;
    if (chosen === undefined || relation.id < chosen.id) chosen = relation;
  }
  if (chosen === undefined) throw new Error(`no relation from ${a} to ${b} on a found path`);
  return chosen;
}
