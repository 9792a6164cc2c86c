// What a resident heap's shape does to a server's young collections (BENCHMARKS.md, change 26):
// builds one kind of heap, then serves our server with an empty graph beside it (PORT, 4761),
// collected once as `coopgraph serve` does. Prints "ready" on stderr; heap-shape.sh sends the load
// and reads the collector's trace.
//   KIND  keys         objects made as {} each given five keys no other has (a first-key transition each, on {}'s hidden class)
//         keys-proto   the same made by Object.create from a prototype of their own
//         keys-null    the same made by Object.create(null) (dictionary mode: no transitions)
//         doubles      big arrays of numbers (a heap as large, almost nothing to mark)
//         graph        a graphology graph, SIZE*400 nodes and 4.5 times as many edges
//         graph-separate  the same with separateAdjacencyShapes (src/store/adjacency-shapes.ts)
//   SIZE  thousands of objects (keys*), MB (doubles) or see graph (default 1000)

import { createServer as createHttpServer } from 'node:http';
import { MultiDirectedGraph } from 'graphology';
import { collectGarbage } from '../../src/cli/collect-garbage.js';
import { createServer } from '../../src/server.js';
import { separateAdjacencyShapes } from '../../src/store/adjacency-shapes.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';

const kind = process.env.KIND ?? 'keys';
const size = Number(process.env.SIZE ?? 1000);
let seed = 7;
const random = (n: number) => {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
};
const prototype = {};
const makers: Record<string, () => Record<string, unknown>> = {
  keys: () => ({}),
  'keys-proto': () => Object.create(prototype) as Record<string, unknown>,
  'keys-null': () => Object.create(null) as Record<string, unknown>,
};

const held: unknown[] = [];
const started = performance.now();
if (makers[kind]) {
  for (let i = 0; i < size * 1e3; i++) {
    const object = makers[kind]();
    for (let j = 0; j < 5; j++) object[`k${i}-${j}`] = j;
    held.push(object);
  }
} else if (kind === 'doubles') {
  for (let mb = 0; mb < size; mb++) held.push(new Array(131072).fill(1.5));
} else if (kind === 'graph' || kind === 'graph-separate') {
  const graph = new MultiDirectedGraph();
  if (kind === 'graph-separate') separateAdjacencyShapes(graph);
  const nodes = size * 400;
  for (let i = 0; i < nodes; i++) graph.addNode(`e${i}`);
  for (let i = 0; i < 4.5 * nodes; i++) {
    const [a, b] = [random(nodes), random(nodes)];
    if (a !== b) graph.addDirectedEdgeWithKey(`r${i}`, `e${a}`, `e${b}`);
  }
  held.push(graph);
} else throw new Error(`heap-shape: unknown KIND ${kind}`);
const built = performance.now() - started;

const server = createHttpServer(createServer(new KnowledgeGraph(), { log: () => {} }));
collectGarbage();
console.error(`${kind}: built in ${Math.round(built)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, holding ${held.length} things`);
server.listen(Number(process.env.PORT ?? 4761), '127.0.0.1', () => console.error('ready'));
