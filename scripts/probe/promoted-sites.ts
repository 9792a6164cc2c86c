// Where the objects that reach the old generation under load are made: our
// server over a graph (collected once, as `coopgraph serve` does), V8's
// sampling heap profiler keeping objects a major collection frees but not
// those a scavenge frees. Serves on PORT (4750), prints "ready"; after
// SECONDS (20) of sampling it collects, and prints the allocation stacks
// holding the most sampled bytes (the load comes from outside, as in
// serve-under-load.sh).
//   taskset -c 0 node --import tsx scripts/probe/promoted-sites.ts [GRAPH_DIR]
//   taskset -c 1 npx autocannon -c 16 -d 15 -m POST -H content-type=application/json \
//     -b '{"query":"{ __typename }"}' http://127.0.0.1:4750/graphql

import { Session } from 'node:inspector/promises';
import { createServer as createHttpServer } from 'node:http';
import { collectGarbage } from '../../src/cli/collect-garbage.js';
import { createServer } from '../../src/server.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { readData } from '../../src/write/open-data.js';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const kg = process.argv[2] ? readData(process.argv[2]).kg : new KnowledgeGraph();
const server = createHttpServer(createServer(kg, { log: () => {} }));
collectGarbage();
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: false,
});
server.listen(Number(process.env.PORT ?? 4750), '127.0.0.1', () => console.log('ready'));
await new Promise((resolve) => setTimeout(resolve, Number(process.env.SECONDS ?? 20) * 1000));
collectGarbage();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };

// each sampled allocation's stack, innermost five frames, by bytes
const stacks = new Map<string, number>();
const walk = (node: ProfileNode, path: string[]) => {
  const frame = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')}:${node.callFrame.lineNumber + 1}`;
  const here = [...path, frame];
  const key = here.slice(-5).reverse().join(' < ');
  if (node.selfSize) stacks.set(key, (stacks.get(key) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, here);
};
walk(profile.head, []);
const total = [...stacks.values()].reduce((a, b) => a + b, 0);
console.log(`sampled ${Math.round(total / 1e3)} KB that a major collection freed or that lives on`);
for (const [stack, bytes] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${Math.round(bytes / 1e3)} KB  ${stack}`);
server.close();
process.exit(0);
