// coopgraph serve: GraphQL at /graphql, GraphiQL, the explorer at /explore, GET /health; with tokens
// configured, the data folder is locked and mutations write to it.

import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { CoopgraphError } from '../../errors.js';
import { jsonLog } from '../../http/request-log.js';
import { parseTokens, type TokenEntry } from '../../http/tokens.js';
import { createServer } from '../../server.js';
import { adjacencyOf } from '../../store/adjacency.js';
import { openData } from '../../write/open-data.js';
import { collectGarbage } from '../collect-garbage.js';
import { envLimits } from '../load.js';
import { graphDir, intOption, UsageError, type Command } from '../usage.js';

export const serve: Command = {
  summary: 'serve the graph over GraphQL',
  usage: `coopgraph serve [--port N] [--host H] [--data DIR] [--read-only]

Serves GraphQL at /graphql (GraphiQL in a browser), the explorer page at
/explore, the change feed over
Server-Sent Events, GET /health, /ready and /metrics (Prometheus); logs one
JSON line a request on stderr. With tokens configured, the data folder is
locked (one writer) and mutations write to its change log.
  --port N      port to listen on (default: $PORT or 4000)
  --host H      address to bind (default: 0.0.0.0)
  --data DIR    the graph folder read and written (default: the project's graph/)
  --read-only   serve without writing, even with tokens configured
Environment: COOPGRAPH_TOKENS (comma-separated name:role:sha256 entries, see
coopgraph token) or COOPGRAPH_TOKENS_FILE (one entry a line);
COOPGRAPH_READS=token (reads need a token too; default open), COOPGRAPH_MAX_DEPTH, _ALIASES, _DIRECTIVES, _TOKENS, _COST (operation
limits), COOPGRAPH_CORS_ORIGINS (comma-separated; default any origin, never with
credentials), COOPGRAPH_RATE_LIMIT (requests a client may send a minute; default
none), COOPGRAPH_INTROSPECTION=off (refuses introspection), NODE_ENV=production
(hides field suggestions).`,
  options: { port: { type: 'string' }, host: { type: 'string' }, 'read-only': { type: 'boolean' } },
  async run(args, io) {
    const envPort = process.env.PORT;
    if (args.values.port === undefined && envPort !== undefined && !/^\d+$/.test(envPort)) {
      throw new UsageError(`PORT: "${envPort}" is not a port number`);
    }
    const port = intOption(args, 'port', 0, 65535) ?? Number(envPort ?? 4000);
    const host = typeof args.values.host === 'string' ? args.values.host : '0.0.0.0';
    const tokens = tokensFromEnv();
    const readsNeedToken = readsFromEnv();
    const data = await openData(graphDir(args), { write: tokens.length > 0 && !args.values['read-only'] });
    for (const warning of data.warnings) io.stderr(`coopgraph: warning: ${warning}\n`);
    const { kg, writer } = data;
    // built before the first request rather than by the first walk (at 1e6 entities, seconds)
    adjacencyOf(kg);
    collectGarbage();
    const yoga = createServer(data, {
      tokens,
      readsNeedToken,
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
    const mode = writer ? `writing to ${graphDir(args)} (revision ${writer.revision})` : 'read-only';
    io.stdout(`coopgraph: ${kg.entityCount} entities, ${kg.relationCount} relations, ${mode}; explorer at http://${shown}:${actualPort}/explore; GraphQL at http://${shown}:${actualPort}${yoga.graphqlEndpoint}\n`);
    return new Promise<number>((resolve) => {
      // graceful: stop accepting, let requests in flight finish, drop idle keep-alive connections
      const stop = () => {
        server.close(() => {
          writer?.close();
          resolve(0);
        });
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

/** Token entries from COOPGRAPH_TOKENS or the file COOPGRAPH_TOKENS_FILE names (none: no writes). */
function tokensFromEnv(): TokenEntry[] {
  const inline = process.env.COOPGRAPH_TOKENS;
  const file = process.env.COOPGRAPH_TOKENS_FILE;
  if (inline && file) throw new UsageError('set COOPGRAPH_TOKENS or COOPGRAPH_TOKENS_FILE, not both');
  try {
    if (inline) return parseTokens(inline, 'COOPGRAPH_TOKENS');
    if (file) return parseTokens(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof CoopgraphError || (error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError((error as Error).message);
    throw error;
  }
  return [];
}

function readsFromEnv(): boolean {
  const raw = process.env.COOPGRAPH_READS;
  if (raw === undefined || raw === 'open') return false;
  if (raw === 'token') return true;
  throw new UsageError(`COOPGRAPH_READS: "${raw}" is not "open" or "token"`);
}
