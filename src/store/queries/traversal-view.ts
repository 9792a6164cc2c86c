// The graph as a traversal sees it: only some relation types, followed in
// one direction or both. graphology's algorithms walk a graph's out and in
// neighbours (or every neighbour of an undirected graph); a view answers
// those. Every relation both ways is walked in the store's own graph: faster
// than an undirected copy, and no memory (BENCHMARKS.md, change 17). A few
// relation types are walked in a copy holding only them, built once per graph
// revision, since walking them in place steps over every other relation of
// each entity (nine times slower between a generated graph's agencies); when
// that copy would take more than a quarter of the heap left, they are walked
// in place after all.

import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { EntityRecord, RelationRecord, RelationType } from '../../ontology/index.js';
import { HEAP_COST, hasHeapRoom, type HeapStats } from '../heap-room.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';

/** What graphology's algorithms read: a directed graph (out, in, both), or an undirected one. */
export type View = MultiDirectedGraph | MultiUndirectedGraph;
type StoreGraph = KnowledgeGraph['graph'];
type Neighbours = (node: string) => string[];

export interface ViewOptions {
  /**
   * The caller reads a neighbour listed twice as once (a search that keeps
   * what it has seen, as `bidirectional` and BFS do): the view then skips
   * making each entity's list distinct, a sixth of a far search's time
   * (BENCHMARKS.md, change 22). Without it, each neighbour is listed once,
   * as graphology does.
   */
  repeats?: boolean;
  /** the heap's figures to weigh a copy against (default: now's) */
  heap?: HeapStats;
}

const copies = new WeakMap<KnowledgeGraph, { revision: number; views: Map<string, View> }>();

/**
 * The most of the heap left that a copy may take: the rest stays for the
 * search index and for requests. Near a full heap, building a copy took a
 * minute of collections (BENCHMARKS.md, change 17).
 */
const COPY_SHARE = 0.25;

/**
 * A graph to run graphology's algorithms on, keyed by the store's ids: its
 * neighbours are the store's along relations of `types` (all when none are
 * given), out and in, or for ANY both ways as in an undirected graph. IN
 * walks the directed view with the ends swapped, as OUT does. Without types,
 * OUT and IN walk the store's own graph.
 */
export function traversalView(kg: KnowledgeGraph, direction: Direction, types?: readonly RelationType[], options: ViewOptions = {}): View {
  const graph = kg.graph;
  const filter = types && types.length ? [...new Set(types)].sort() : null;
  if (!filter) {
    if (direction !== 'ANY') return graph as unknown as MultiDirectedGraph;
    const join = options.repeats ? listBothSides : listEachOnce;
    const both: Neighbours = (node) => join(graph.outNeighbors(node), graph.inNeighbors(node));
    return withNeighbours(graph, { out: both, into: both, both });
  }
  return copyOf(kg, direction, filter, options.heap) ?? inPlace(graph, direction, new Set(filter), options.repeats);
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

/** The copy of the graph holding only relations of `filter`, built once per revision; null when it would take too much of the heap left. */
function copyOf(kg: KnowledgeGraph, direction: Direction, filter: string[], heap?: HeapStats): View | null {
  let entry = copies.get(kg);
  if (!entry || entry.revision !== kg.revision) {
    entry = { revision: kg.revision, views: new Map() };
    copies.set(kg, entry);
  }
  const key = `${direction === 'ANY' ? 'undirected' : 'directed'}:${filter.join(',')}`;
  let view = entry.views.get(key);
  if (view) return view;
  const relations = filter.reduce((n, type) => n + kg.countRelations(type as RelationType), 0);
  if (!hasHeapRoom(((kg.entityCount + relations) * HEAP_COST.viewItem) / COPY_SHARE, heap)) return null;
  view = direction === 'ANY' ? new MultiUndirectedGraph() : new MultiDirectedGraph();
  const target = view;
  kg.graph.forEachNode((id) => target.addNode(id));
  kg.graph.forEachEdge((id, relation, from, to) => {
    if (filter.includes(relation.type)) target.addEdgeWithKey(id, from, to);
  });
  entry.views.set(key, view);
  return view;
}

/** The store's graph walked along relations of the allowed types only. */
function inPlace(graph: StoreGraph, direction: Direction, allowed: ReadonlySet<string>, repeats = false): View {
  const ends = (node: string, outward: boolean, inward: boolean) => {
    const found: string[] = [];
    if (outward) graph.forEachOutEdge(node, (_, relation, __, target) => allowed.has(relation.type) && found.push(target));
    if (inward) graph.forEachInEdge(node, (_, relation, source) => allowed.has(relation.type) && found.push(source));
    return repeats ? found : [...new Set(found)];
  };
  const both: Neighbours = (node) => ends(node, true, true);
  if (direction === 'ANY') return withNeighbours(graph, { out: both, into: both, both });
  return withNeighbours(graph, { out: (node) => ends(node, true, false), into: (node) => ends(node, false, true), both });
}

/** The store's graph with its neighbour methods (each name graphology's algorithms call them by) answered by these three. */
function withNeighbours(graph: StoreGraph, { out, into, both }: Record<'out' | 'into' | 'both', Neighbours>): View {
  const each = (neighbours: Neighbours) => (node: string, callback: (neighbour: string, attributes: EntityRecord) => void) => {
    for (const neighbour of neighbours(node)) callback(neighbour, graph.getNodeAttributes(neighbour));
  };
  // until the callback returns true
  const some = (neighbours: Neighbours) => (node: string, callback: (neighbour: string, attributes: EntityRecord) => boolean) =>
    neighbours(node).some((neighbour) => callback(neighbour, graph.getNodeAttributes(neighbour)));
  return Object.assign(Object.create(graph) as MultiDirectedGraph, {
    outNeighbors: out,
    outboundNeighbors: out,
    inNeighbors: into,
    inboundNeighbors: into,
    neighbors: both,
    directedNeighbors: both,
    forEachOutNeighbor: each(out),
    forEachOutboundNeighbor: each(out),
    forEachInNeighbor: each(into),
    forEachInboundNeighbor: each(into),
    forEachNeighbor: each(both),
    forEachDirectedNeighbor: each(both),
    someOutNeighbor: some(out),
    someInNeighbor: some(into),
    someNeighbor: some(both),
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
