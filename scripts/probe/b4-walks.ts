// B4 alone: the API's neighbourhood (depth 2 and 3, at most 500 entities)
// against graphology-traversal's BFS over an undirected copy, as the
// benchmark times them, start by start over its 50 starts, the order swapped
// each round; prints each one's p50 and p99 in µs.
// Run: taskset -c 1 node --import tsx scripts/probe/b4-walks.ts [.bench/graph-100000-7] [rounds]

import { createExecutor } from '../../src/api/executor.js';
import { readData } from '../../src/write/open-data.js';
import { NEIGHBOURHOOD, walkCases, walkFloors } from '../bench/walk-floors.js';

const { kg } = readData(process.argv[2] ?? '.bench/graph-100000-7');
const rounds = Number(process.argv[3] ?? 10);
const { starts } = walkCases(kg);
const floors = walkFloors(kg);
const executor = createExecutor(kg, { log: () => {} });
const api = (id: string, depth: number) => JSON.stringify(executor.execute({ query: NEIGHBOURHOOD, variables: { id, depth } }));

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
for (const depth of [2, 3]) {
  const samples = { direct: [] as number[], api: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const id of starts) {
      const ways = [['direct', () => floors.neighbourhood(id, depth, 500)], ['api', () => api(id, depth)]] as const;
      for (const [name, way] of round % 2 ? [...ways].reverse() : ways) {
        const started = performance.now();
        way();
        // the first round warms up
        if (round > 0) samples[name].push((performance.now() - started) * 1000);
      }
    }
  }
  const line = (name: keyof typeof samples) => `${name} p50 ${quantile(samples[name], 0.5).toFixed(0)} p99 ${quantile(samples[name], 0.99).toFixed(0)}`;
  console.log(`depth ${depth}: ${line('api')}; ${line('direct')}; p50 ratio ${(quantile(samples.api, 0.5) / quantile(samples.direct, 0.5)).toFixed(2)}`);
}
