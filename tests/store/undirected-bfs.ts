// A plain breadth-first search written for the tests, independent of
// graphology: the graph's relations taken as undirected edges.

import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';

/** Hops from `start` to every entity it reaches, relations followed both ways. */
export function distancesFrom(kg: KnowledgeGraph, start: string): Map<string, number> {
  const adjacent = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!adjacent.has(a)) adjacent.set(a, new Set());
    adjacent.get(a)!.add(b);
  };
  for (const r of kg.relations()) {
    link(r.from, r.to);
    link(r.to, r.from);
  }
  const distance = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const other of adjacent.get(node) ?? []) {
        if (distance.has(other)) continue;
        distance.set(other, distance.get(node)! + 1);
        next.push(other);
      }
    }
    frontier = next;
  }
  return distance;
}
