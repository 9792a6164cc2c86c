// A server for the HTTP benchmarks, in its own process:
//   coopgraph DIR   our server with the graph of DIR
//   empty           our server with an empty graph (the resident-graph tax's baseline)
//   bare            a bare graphql-yoga answering a constant (the HTTP floor)
//   bare-unlimited  the same without yoga's request body limit (what our own limit saves, change 20)
// Prints "listening PORT" once it listens.

import { createServer as createHttpServer } from 'node:http';
import { collectGarbage } from '../../src/cli/collect-garbage.js';
import { adjacencyOf } from '../../src/store/adjacency.js';
import { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { createServer } from '../../src/server.js';
import { readData } from '../../src/write/open-data.js';
import { createBareYoga } from './bare-yoga.js';

const [mode, dir] = process.argv.slice(2);
const kg = mode === 'coopgraph' ? readData(dir!).kg : KnowledgeGraph.fromData({ entities: [], relations: [], conflicts: [] });
const handler = mode === 'bare' || mode === 'bare-unlimited' ? createBareYoga({ bodyLimit: mode === 'bare' }) : createServer(kg, { log: () => {} });
// as `coopgraph serve` does once the graph is loaded
if (mode === 'coopgraph' || mode === 'empty') adjacencyOf(kg);
collectGarbage();
const server = createHttpServer(handler);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
