// coopgraph serve: GraphQL at /graphql, GraphiQL, GET /health.

import { createServer as createHttpServer } from 'node:http';
import { jsonLog } from '../../http/request-log.js';
import { createServer } from '../../server.js';
import { envLimits, loadStore } from '../load.js';
import { intOption, UsageError, type Command } from '../usage.js';

export const serve: Command = {
  summary: 'serve the graph over GraphQL',
  usage: `coopgraph serve [--port N] [--host H] [--graph DIR]

Serves GraphQL at /graphql (GraphiQL in a browser), GET /health, /ready and
/metrics (Prometheus);
logs one JSON line a request on stderr.
  --port N   port to listen on (default: $PORT or 4000)
  --host H   address to bind (default: 0.0.0.0)
Environment: COOPGRAPH_MAX_DEPTH, _ALIASES, _DIRECTIVES, _TOKENS, _COST (operation
limits), COOPGRAPH_CORS_ORIGINS (comma-separated; default any origin, never with
credentials), COOPGRAPH_RATE_LIMIT (requests a client may send a minute; default
none), COOPGRAPH_INTROSPECTION=off (refuses introspection), NODE_ENV=production
(hides field suggestions).`,
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(args, io) {
    const envPort = process.env.PORT;
    if (args.values.port === undefined && envPort !== undefined && !/^\d+$/.test(envPort)) {
      throw new UsageError(`PORT: "${envPort}" is not a port number`);
    }
    const port = intOption(args, 'port', 0, 65535) ?? Number(envPort ?? 4000);
    const host = typeof args.values.host === 'string' ? args.values.host : '0.0.0.0';
    const kg = loadStore(args);
    const yoga = createServer(kg, {
      limits: envLimits(),
      production: process.env.NODE_ENV === 'production',
      requestLog: jsonLog,
      metrics: true,
      introspection: process.env.COOPGRAPH_INTROSPECTION !== 'off',
      ...(process.env.COOPGRAPH_CORS_ORIGINS ? { corsOrigins: process.env.COOPGRAPH_CORS_ORIGINS.split(',').map((o) => o.trim()) } : {}),
      ...rateLimitFromEnv(),
    });
    // a slow client cannot hold a connection: 10 s to send headers, 30 s for the whole request
    const server = createHttpServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, yoga);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const address = server.address();
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    const actualPort = typeof address === 'object' && address ? address.port : port;
    io.stdout(`coopgraph: ${kg.entityCount} entities, ${kg.relationCount} relations; GraphQL at http://${shown}:${actualPort}${yoga.graphqlEndpoint}\n`);
    return new Promise<number>((resolve) => {
      // graceful: stop accepting, let requests in flight finish, drop idle keep-alive connections
      const stop = () => {
        server.close(() => resolve(0));
        server.closeIdleConnections();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  },
};

function rateLimitFromEnv(): { rateLimit?: { requests: number; windowMs: number } } {
  const raw = process.env.COOPGRAPH_RATE_LIMIT;
  if (raw === undefined) return {};
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`COOPGRAPH_RATE_LIMIT: "${raw}" is not a positive whole number of requests a minute`);
  return { rateLimit: { requests: Number(raw), windowMs: 60_000 } };
}
