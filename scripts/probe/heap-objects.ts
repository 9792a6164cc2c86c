// Counts the heap's objects by kind after loading a graph folder into the
// store, or (--bare) after building a bare graphology graph of the same
// counts: what a major collection has to mark (BENCHMARKS.md, change 18).
//   node --max-old-space-size=8192 --import tsx scripts/probe/heap-objects.ts .bench/graph-100000-7 [--bare]

import { readFileSync, rmSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { MultiDirectedGraph } from 'graphology';
import { readData } from '../../src/write/open-data.js';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

const [dir, flag] = process.argv.slice(2);
if (!dir) throw new Error('usage: heap-objects.ts GRAPH_DIR [--bare]');

/** The store loaded from `dir`, or a bare graphology graph with its ids and ends (the store then unreachable). */
function load(bare: boolean): { label: string; graph: { order: number; size: number } } {
  const { kg } = readData(dir!);
  if (!bare) return { label: 'store', graph: kg.graph };
  const graph = new MultiDirectedGraph();
  kg.graph.forEachNode((id) => graph.addNode(id, {}));
  kg.graph.forEachEdge((id, _, from, to) => graph.addEdgeWithKey(id, from, to, {}));
  return { label: 'bare graphology', graph };
}

const held = load(flag === '--bare');
const file = writeHeapSnapshot();
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
rmSync(file);
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
const byKind = new Map<string, { count: number; bytes: number }>();
let total = 0;
for (let i = 0; i < snap.nodes.length; i += fields.length) {
  const kind = types[snap.nodes[i + type]!]!;
  const key = kind === 'object' ? `object ${snap.strings[snap.nodes[i + name]!]}` : kind;
  const entry = byKind.get(key) ?? { count: 0, bytes: 0 };
  entry.count++;
  entry.bytes += snap.nodes[i + size]!;
  byKind.set(key, entry);
  total++;
}
console.log(`${held.label}, ${held.graph.order.toLocaleString('en')} entities and ${held.graph.size.toLocaleString('en')} relations: ${total.toLocaleString('en')} objects`);
for (const [key, { count, bytes }] of [...byKind].sort((a, b) => b[1].count - a[1].count).slice(0, 12)) {
  console.log(`${count.toLocaleString('en').padStart(11)} ${(bytes / 2 ** 20).toFixed(1).padStart(7)} MB  ${key}`);
}
