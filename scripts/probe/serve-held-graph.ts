// Serves `{ __typename }` with a loaded graph held in the heap, to measure
// what the resident graph and the garbage of its load cost each request
// (BENCHMARKS.md, change 21). Prints "ready" once it listens on PORT (4750).
//   taskset -c 0 node --trace-gc-nvp --import tsx scripts/probe/serve-held-graph.ts [--ours] [--collect] [GRAPH_DIR]
//   taskset -c 1 npx autocannon -c 16 -d 10 -m POST -H content-type=application/json \
//     -b '{"query":"{ __typename }"}' http://127.0.0.1:4750/graphql
// --ours serves our server over the graph (an empty one without GRAPH_DIR);
// otherwise a bare graphql-yoga without its body limit, the graph only held.
// --collect runs one full collection before listening, as `coopgraph serve` does.

import { createServer as createHttpServer } from 'node:http';
import { parseArgs } from 'node:util';
import { collectGarbage } from '../../src/cli/collect-garbage.js';
import { createServer } from '../../src/server.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { readData } from '../../src/write/open-data.js';
import { createBareYoga } from '../bench/bare-yoga.js';

const { values, positionals } = parseArgs({ options: { ours: { type: 'boolean' }, collect: { type: 'boolean' } }, allowPositionals: true });
const kg = positionals[0] ? readData(positionals[0]).kg : new KnowledgeGraph();
const handler = values.ours
  ? createServer(kg, { log: () => {} })
  : createBareYoga({ bodyLimit: false });
if (values.collect) collectGarbage();
console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
const server = createHttpServer(handler);
server.listen(Number(process.env.PORT ?? 4750), '127.0.0.1', () => console.log('ready'));
// the graph stays reachable for as long as the server runs
server.on('close', () => console.log(`held ${kg.entityCount} entities`));
