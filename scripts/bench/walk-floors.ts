// B4's and B5's cases and floors, shared by the benchmark and the probes that
// time those two alone: the starts and pairs, the API's queries, and
// graphology's own walks over the graph made undirected, as one would write them.

import { MultiUndirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { separateAdjacencyShapes } from '../../src/store/adjacency-shapes.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';

export const NEIGHBOURHOOD = 'query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 500) { nodes { id name } relations { id type } } }';
export const PATH = 'query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id } } }';

/** B4's starts: 50 people spread over the graph; B5's pairs: 25 of them, each with one far along the list. */
export function walkCases(kg: KnowledgeGraph) {
  const starts = kg.entities(['Person']).filter((_, i) => i % 997 === 0).slice(0, 50).map((p) => p.id);
  const pairs = starts.slice(0, 25).map((id, i) => [id, starts[starts.length - 1 - i]!] as [string, string]);
  return { starts, pairs };
}

/**
 * The floors' walks, over an undirected copy of the graph. The copy's
 * adjacency objects get shapes of their own, as the store's do: left to `{}`'s,
 * they would slow every object literal in this process, the API's included
 * (BENCHMARKS.md, change 26). The walks read them as before.
 */
export function walkFloors(kg: KnowledgeGraph) {
  const undirected = new MultiUndirectedGraph();
  separateAdjacencyShapes(undirected);
  kg.graph.forEachNode((id) => undirected.addNode(id));
  kg.graph.forEachEdge((id, _, from, to) => undirected.addEdgeWithKey(id, from, to));
  return {
    /** What the API's neighbourhood answers, done directly: BFS to a depth, at most `limit` entities, the relations among them. */
    neighbourhood(id: string, depth: number, limit: number): string {
      const seen = new Set<string>();
      bfsFromNode(undirected, id, (node, _, d) => {
        if (seen.size >= limit) return true;
        seen.add(node);
        return d >= depth;
      });
      const relations: unknown[] = [];
      for (const node of seen) kg.graph.forEachOutEdge(node, (_, r, __, target) => seen.has(target) && relations.push({ id: r.id, type: r.type }));
      return JSON.stringify({ nodes: [...seen].map((n) => ({ id: n, name: kg.graph.getNodeAttributes(n).name })), relations });
    },
    /** What the API's shortestPath answers (the entities' ids), done directly. */
    shortestPath(from: string, to: string): string {
      return JSON.stringify(bidirectional(undirected, from, to));
    },
  };
}
