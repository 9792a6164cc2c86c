// B5 alone, as the benchmark times it: the API's shortestPath against
// graphology-shortest-path's `bidirectional` over an undirected copy, pair by
// pair over 25 far pairs of people, the order swapped each round; prints the
// ratio of the sums of each pair's median, three times.
// Run: taskset -c 1 node --import tsx scripts/probe/b5-pairs.ts [.bench/graph-100000-7]

import { createExecutor } from '../../src/api/executor.js';
import { readData } from '../../src/write/open-data.js';
import { PATH, walkCases, walkFloors } from '../bench/walk-floors.js';

const { kg } = readData(process.argv[2] ?? '.bench/graph-100000-7');
const { pairs } = walkCases(kg);
const floors = walkFloors(kg);
const executor = createExecutor(kg, { log: () => {} });

const ways: Record<string, (from: string, to: string) => string> = {
  direct: floors.shortestPath,
  api: (from, to) => JSON.stringify(executor.execute({ query: PATH, variables: { from, to } })),
};
const names = Object.keys(ways);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let repetition = 0; repetition < 3; repetition++) {
  const samples = Object.fromEntries(names.map((name) => [name, pairs.map(() => [] as number[])]));
  for (let round = 0; round < 120; round++) {
    for (const [i, [from, to]] of pairs.entries()) {
      for (const name of round % 2 ? [...names].reverse() : names) {
        const started = performance.now();
        ways[name]!(from, to);
        samples[name]![i]!.push((performance.now() - started) * 1000);
      }
    }
  }
  // the first 20 rounds warm up
  const total = (name: string) => samples[name]!.reduce((sum, xs) => sum + median(xs.slice(20)), 0);
  console.log(`api ${total('api').toFixed(0)} µs, direct ${total('direct').toFixed(0)} µs: ${(total('api') / total('direct')).toFixed(2)}`);
}
