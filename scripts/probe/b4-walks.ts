// B4 alone: the API's neighbourhood (depth 2 and 3, at most 500 entities)
// against graphology-traversal's BFS over an undirected copy, as the
// benchmark times them, start by start over its 50 starts, the order swapped
// each round; prints each one's p50 and p99 in µs.
// Run: taskset -c 1 node --import tsx scripts/probe/b4-walks.ts [.bench/graph-100000-7] [rounds]

import { MultiUndirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { createExecutor } from '../../src/api/executor.js';
import { readData } from '../../src/write/open-data.js';

const { kg } = readData(process.argv[2] ?? '.bench/graph-100000-7');
const rounds = Number(process.argv[3] ?? 10);
const undirected = new MultiUndirectedGraph();
kg.graph.forEachNode((id) => undirected.addNode(id));
kg.graph.forEachEdge((id, _, from, to) => undirected.addEdgeWithKey(id, from, to));
// the benchmark's starts
const starts = kg.entities(['Person']).filter((_, i) => i % 997 === 0).slice(0, 50).map((p) => p.id);
const executor = createExecutor(kg, { log: () => {} });
const NEIGHBOURHOOD = 'query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 500) { nodes { id name } relations { id type } } }';

/** The benchmark's floor: BFS to a depth, at most `limit` entities, the relations among them. */
function direct(id: string, depth: number, limit: number): string {
  const seen = new Set<string>();
  bfsFromNode(undirected, id, (node, _, d) => {
    if (seen.size >= limit) return true;
    seen.add(node);
    return d >= depth;
  });
  const relations: unknown[] = [];
  for (const node of seen) kg.graph.forEachOutEdge(node, (_, r, __, target) => seen.has(target) && relations.push({ id: r.id, type: r.type }));
  return JSON.stringify({ nodes: [...seen].map((n) => ({ id: n, name: kg.graph.getNodeAttributes(n).name })), relations });
}
const api = (id: string, depth: number) => JSON.stringify(executor.execute({ query: NEIGHBOURHOOD, variables: { id, depth } }));

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
for (const depth of [2, 3]) {
  const samples = { direct: [] as number[], api: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const id of starts) {
      const ways = [['direct', () => direct(id, depth, 500)], ['api', () => api(id, depth)]] as const;
      for (const [name, way] of round % 2 ? [...ways].reverse() : ways) {
        const started = performance.now();
        way();
        if (round > 0) samples[name].push((performance.now() - started) * 1000);
      }
    }
  }
  const line = (name: keyof typeof samples) => `${name} p50 ${quantile(samples[name], 0.5).toFixed(0)} p99 ${quantile(samples[name], 0.99).toFixed(0)}`;
  console.log(`depth ${depth}: ${line('api')}; ${line('direct')}; p50 ratio ${(quantile(samples.api, 0.5) / quantile(samples.direct, 0.5)).toFixed(2)}`);
}
