// Structures the store builds from the whole graph on first use are refused
// when they would not fit what is left of this process's heap (the search
// index: a GraphTooLargeError the client can read, instead of the process
// running out of memory; the walks' adjacency: the walks read the store's own
// graph instead).

import { getHeapStatistics } from 'node:v8';
import { GraphTooLargeError } from '../errors.js';

/** Heap each structure takes, in bytes (measured at 100,000 entities, BENCHMARKS.md). */
export const HEAP_COST = {
  /** the walks' adjacency, per entity (its ids and positions; its typed arrays lie outside the heap) */
  adjacencyEntity: 50,
  /** the search and name indices, per entity */
  searchEntity: 700,
} as const;

/** Heap kept free for answering requests once a structure is built. */
export const HEAP_RESERVE = 0.1;

export type HeapStats = Pick<ReturnType<typeof getHeapStatistics>, 'used_heap_size' | 'heap_size_limit'>;

const spare = (stats: HeapStats) => stats.heap_size_limit * (1 - HEAP_RESERVE) - stats.used_heap_size;

/** Whether `bytes` more fit in this process's heap, leaving HEAP_RESERVE of it free. */
export function hasHeapRoom(bytes: number, stats: HeapStats = getHeapStatistics()): boolean {
  return bytes <= spare(stats);
}

/** Throws unless `bytes` more fit in this process's heap, leaving HEAP_RESERVE of it free. */
export function assertHeapRoom(what: string, bytes: number, narrower: string, stats: HeapStats = getHeapStatistics()): void {
  if (hasHeapRoom(bytes, stats)) return;
  const left = spare(stats);
  const mb = (n: number) => `${Math.max(0, Math.round(n / 2 ** 20)).toLocaleString('en')} MB`;
  const total = Math.ceil((stats.used_heap_size + bytes) / (1 - HEAP_RESERVE) / 2 ** 20);
  throw new GraphTooLargeError(
    `${what} needs about ${mb(bytes)} of memory for this graph, and this process has ${mb(left)} to spare; ` +
      `${narrower}, or start coopgraph with NODE_OPTIONS=--max-old-space-size=${total} (README: "How big a graph one process serves")`,
  );
}
