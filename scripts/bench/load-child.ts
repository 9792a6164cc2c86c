// B6 in a fresh process: time, heap and RSS of building the store from the
// graph's records (ours) or of a bare graphology insert loop over the same
// records. The records are read first, untimed; both sides hold them.
//   node --expose-gc --import tsx scripts/bench/load-child.ts DIR store|bare|files

import { MultiDirectedGraph } from 'graphology';
import { loadGraph } from '../../src/load/load-graph.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { readData } from '../../src/write/open-data.js';

const [dir, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

if (mode === 'files') {
  // the whole load, files to served graph (parse, check every record and quote, build)
  const before = heap();
  const started = performance.now();
  const { kg } = readData(dir!);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, heap: heap() - before, rss: process.memoryUsage().rss, entities: kg.entityCount, relations: kg.relationCount }));
} else {
  const data = loadGraph(dir!);
  const before = heap();
  const started = performance.now();
  let built: unknown;
  if (mode === 'store') {
    built = KnowledgeGraph.fromData(data);
  } else {
    const graph = new MultiDirectedGraph({ allowSelfLoops: false });
    for (const entity of data.entities) graph.addNode(entity.id, entity);
    for (const relation of data.relations) graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, relation);
    built = graph;
  }
  const ms = performance.now() - started;
  const grown = heap() - before;
  console.log(JSON.stringify({ ms, heap: grown, rss: process.memoryUsage().rss, entities: data.entities.length, relations: data.relations.length, kept: Boolean(built) }));
}
