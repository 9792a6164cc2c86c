// Times full collections of a heap holding a loaded graph: what each major
// collection under load has to mark (BENCHMARKS.md, changes 18 and 21).
//   taskset -c 0 node --expose-gc --import tsx scripts/probe/full-gc.ts .bench/graph-100000-7 [store|bare|dict]
// store: the served store; bare: a bare graphology graph with the same ids and
// ends; dict: the store with graphology's adjacency objects in dictionary mode.

import { MultiDirectedGraph } from 'graphology';
import { readData } from '../../src/write/open-data.js';

const [dir, variant = 'store'] = process.argv.slice(2);
if (!dir || !['store', 'bare', 'dict'].includes(variant)) throw new Error('usage: full-gc.ts GRAPH_DIR [store|bare|dict]');
const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');

/** a dictionary-mode object: V8 normalizes an object when a property other than its last is deleted */
function toDictionary(object: Record<string, unknown>): void {
  object['\u0000a'] = 0;
  object['\u0000b'] = 0;
  delete object['\u0000a'];
  delete object['\u0000b'];
}

function load(): unknown {
  const { kg } = readData(dir!);
  if (variant === 'store') return kg;
  if (variant === 'dict') {
    // graphology's node data: { key, attributes, in, out, ... } in its internal map
    const nodes = (kg.graph as unknown as { _nodes: Map<string, { in: Record<string, unknown>; out: Record<string, unknown> }> })._nodes;
    for (const data of nodes.values()) {
      toDictionary(data.in);
      toDictionary(data.out);
    }
    return kg;
  }
  const graph = new MultiDirectedGraph();
  kg.graph.forEachNode((id) => graph.addNode(id, {}));
  kg.graph.forEachEdge((id, _, from, to) => graph.addEdgeWithKey(id, from, to, {}));
  return graph;
}

const held = load();
const times: number[] = [];
for (let i = 0; i < 6; i++) {
  const start = performance.now();
  gc();
  times.push(performance.now() - start);
}
const sorted = times.slice(1).sort((a, b) => a - b);
const heap = process.memoryUsage().heapUsed;
console.log(`${variant}: heap ${(heap / 1e6).toFixed(0)} MB; full collection ${sorted[2]!.toFixed(0)} ms (median of 5; ${sorted.map((t) => t.toFixed(0)).join(', ')})`);
if (!held) process.exit(1);
