// The walks' adjacency alone: how long building it takes and what heap it
// holds (its typed arrays lie outside the heap), twice over one loaded graph.
// Run: taskset -c 0 node --expose-gc --import tsx scripts/probe/adjacency-build.ts [.bench/graph-100000-7]

import { Adjacency } from '../../src/store/adjacency.js';
import { readData } from '../../src/write/open-data.js';

const { kg } = readData(process.argv[2] ?? '.bench/graph-100000-7');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const kept: Adjacency[] = [];
for (let i = 0; i < 2; i++) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  kept.push(new Adjacency(kg.graph));
  const ms = performance.now() - started;
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  console.log(
    `${kg.entityCount} entities, ${kg.relationCount} relations: built in ${ms.toFixed(0)} ms; heap ${(heap / 2 ** 20).toFixed(1)} MB ` +
      `(${(heap / kg.entityCount).toFixed(0)} B an entity); typed arrays ${(kept.at(-1)!.externalBytes / 2 ** 20).toFixed(1)} MB`,
  );
}
