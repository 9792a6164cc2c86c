// The graph as a traversal sees it: only some relation types, followed in
// one direction or both. graphology's algorithms walk out-edges of directed
// graphs and every edge of undirected ones, so each view is a graph of that
// shape; views are built once per graph revision and reused.

import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { RelationType } from '../../ontology/index.js';
import { assertHeapRoom, HEAP_COST } from '../heap-room.js';
import type { Direction, KnowledgeGraph } from '../knowledge-graph.js';

type View = MultiDirectedGraph | MultiUndirectedGraph;

const cache = new WeakMap<KnowledgeGraph, { revision: number; views: Map<string, View> }>();

/**
 * A graph to run graphology's algorithms on: directed (walk OUT; swap the ends
 * for IN) or undirected (ANY). Without a type filter the directed view is the
 * store's own graph. Edge keys are relation ids.
 */
export function traversalView(kg: KnowledgeGraph, direction: Direction, types?: readonly RelationType[]): View {
  const filter = types && types.length ? [...new Set(types)].sort() : null;
  if (direction !== 'ANY' && !filter) return kg.graph as unknown as MultiDirectedGraph;
  let entry = cache.get(kg);
  if (!entry || entry.revision !== kg.revision) {
    entry = { revision: kg.revision, views: new Map() };
    cache.set(kg, entry);
  }
  const key = `${direction === 'ANY' ? 'undirected' : 'directed'}:${filter?.join(',') ?? '*'}`;
  let view = entry.views.get(key);
  if (!view) {
    const relations = filter ? filter.reduce((n, type) => n + kg.countRelations(type), 0) : kg.relationCount;
    assertHeapRoom(
      `following ${filter ? `${filter.join(', ')} relations` : 'every relation'} ${direction === 'ANY' ? 'both ways' : 'one way'}`,
      (kg.entityCount + relations) * HEAP_COST.viewItem,
      'narrow it with a direction or fewer relation types',
    );
    view = direction === 'ANY' ? new MultiUndirectedGraph() : new MultiDirectedGraph();
    const target = view;
    kg.graph.forEachNode((id) => target.addNode(id));
    kg.graph.forEachEdge((id, relation, from, to) => {
      if (!filter || filter.includes(relation.type)) target.addEdgeWithKey(id, from, to);
    });
    entry.views.set(key, view);
  }
  return view;
}

/**
 * The relation a path found in `view` uses between two consecutive entities:
 * in the walked direction (the view holds only the allowed types); the
 * smallest id where several qualify. The search has just walked these
 * adjacencies, so reading them again is cheaper than the store's.
 */
export function relationBetween(view: View, a: string, b: string, direction: Direction): string {
  const candidates = direction === 'ANY' ? view.edges(a, b) : direction === 'OUT' ? view.outEdges(a, b) : view.outEdges(b, a);
  let chosen: string | undefined;
  for (const id of candidates) if (chosen === undefined || id < chosen) chosen = id;
  if (chosen === undefined) throw new Error(`no relation from ${a} to ${b} on a found path`);
  return chosen;
}
