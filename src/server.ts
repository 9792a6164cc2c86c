// createServer(kg) → a graphql-yoga instance serving /graphql (GraphiQL on
// GET from a browser), the explorer page at GET /explore, the exports at
// GET /export/<format>, GET /health, GET /ready and (optionally) GET /metrics.
// It never listens: see cli/serve.

import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { GraphQLError } from 'graphql';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createPubSub, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useAuth } from './api/auth.js';
import { useCompiledReads } from './api/compile-reads.js';
import { withFreshBudget, type Context } from './api/context.js';
import { isExpectedError, logToStderr, maskError } from './api/errors.js';
import { DEFAULT_OPERATION_LIMITS, operationLimitPlugins, type OperationLimits } from './api/limits.js';
import { savedOperations } from './api/playground/index.js';
import { createSchema } from './api/schema.js';
import { useBodyLimit } from './http/body-limit.js';
import { useExplorer } from './http/explorer.js';
import { useExports } from './http/exports.js';
import { clientAddress, useRateLimit, type RateLimit } from './http/rate-limit.js';
import { useRequestLog, type Log } from './http/request-log.js';
import { Budget } from './store/budget.js';
import type { TokenEntry } from './http/tokens.js';
import { KnowledgeGraph } from './store/knowledge-graph.js';
import type { LogRecord } from './write/change-log.js';
import type { OpenedData } from './write/open-data.js';

export interface ServerOptions {
  /** where warnings and unexpected errors are written in full (default: stderr) */
  log?: (level: 'warn' | 'error', args: unknown[]) => void;
  /** operation limits (default: DEFAULT_OPERATION_LIMITS; `coopgraph serve` reads them from the environment) */
  limits?: OperationLimits;
  /** hides field suggestions from clients */
  production?: boolean;
  /** one JSON entry a request, and unexpected errors, under a request id (default: none) */
  requestLog?: Log;
  /** origins allowed to call from a browser (default: any); credentials are never allowed */
  corsOrigins?: string[];
  /** requests a client may send a window (default: no limit) */
  rateLimit?: RateLimit;
  /** serve Prometheus metrics at GET /metrics (default: off); each server has its own registry */
  metrics?: boolean;
  /** answer introspection queries (default: true; the playground needs it) */
  introspection?: boolean;
  /** the bearer tokens that may write (default: none, so every mutation is refused) */
  tokens?: readonly TokenEntry[];
  /** reads need a token too (default: reads are open) */
  readsNeedToken?: boolean;
  /** answer a repeated anonymous read from a cache, emptied by every write (default: on) */
  responseCache?: boolean;
  /** cache parsed and validated operations (default: on; off only to measure what it saves) */
  parseCache?: boolean;
  /**
   * run reads as graphql-jit compiled functions (default: on; errors are still
   * graphql-js's, see api/compile-reads). Off only to measure what it saves.
   */
  compiledReads?: boolean;
  /** the built explorer page's folder (default: dist/explorer) */
  explorerDir?: string;
}

const yogaEndpoint = '/graphql';

/** Request, parse, validate and execute timings and errors, plus the process's own metrics. */
function prometheus() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return usePrometheus({
    registry,
    endpoint: '/metrics',
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_envelop_request: true,
    },
  });
}
/**
 * Repeated anonymous reads answered from memory. The key holds the graph's
 * revision, which every write moves on, so no answer outlives a change.
 * Requests with a token (which may write, or read what others may not) skip it.
 */
function anonymousReadCache(kg: KnowledgeGraph) {
  return useResponseCache({
    session: () => null,
    enabled: (request) => !request.headers.has('authorization'),
    ttl: 60_000,
    invalidateViaMutation: false,
    // the key is also the answer's ETag: a hash, so it holds only characters a header may
    buildResponseCacheKey: ({ documentString, variableValues, operationName }) =>
      createHash('sha256').update(JSON.stringify([kg.revision, operationName ?? null, documentString, variableValues ?? {}])).digest('hex'),
  });
}

/** bodies an HTML form can send without a CORS preflight */
const FORM_BODY = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

export type CoopgraphServer = YogaServerInstance<Record<string, never>, Context>;

/**
 * Serves a graph: a bare KnowledgeGraph read-only, or an opened data folder,
 * whose writer (when opened for writing) takes the mutations.
 */
export function createServer(data: KnowledgeGraph | Omit<OpenedData, 'warnings'>, options: ServerOptions = {}): CoopgraphServer {
  const { kg, history, writer } = data instanceof KnowledgeGraph ? { kg: data, history: [], writer: null } : data;
  const pubsub = createPubSub<{ graphChanged: [LogRecord] }>();
  writer?.onCommit((record) => pubsub.publish('graphChanged', record));
  const tabs = savedOperations();
  const log = options.log ?? logToStderr;
  // errors a client caused are answered, not logged; the rest is logged in full
  const report = (level: 'warn' | 'error') => (...args: unknown[]) => {
    if (args.some(isExpectedError)) return;
    // with a request log, errors of operations are logged there under their request id
    if (options.requestLog && args.some((a) => a instanceof GraphQLError)) return;
    log(level, args);
  };
  return createYoga<Record<string, never>, Context>({
    schema: createSchema(),
    context: () => ({ kg, budget: new Budget(), writer, history, pubsub }),
    graphqlEndpoint: yogaEndpoint,
    graphiql: {
      title: 'coopgraph',
      defaultQuery: tabs[0]?.query,
      defaultTabs: tabs.map(({ query, variables }) => ({ query, variables: variables ?? null })),
    },
    renderGraphiQL,
    landingPage: false,
    parserAndValidationCache: options.parseCache ?? true,
    // yoga's body limit moves aside for useBodyLimit below (the same limit, without a stream pipeline a request)
    maxRequestBodySize: false,
    // operations come as JSON or GET only: a cross-site HTML form cannot send one
    multipart: false,
    maskedErrors: { maskError },
    logging: { debug: () => {}, info: () => {}, warn: report('warn'), error: report('error') },
    cors: { origin: options.corsOrigins ?? '*', credentials: false, exposedHeaders: ['x-request-id'] },
    // yoga's own empty-bodied check moves aside for the JSON one below
    healthCheckEndpoint: '/livez',
    plugins: [
      ...(options.rateLimit ? [useRateLimit(options.rateLimit, clientAddress)] : []),
      ...(options.requestLog ? [useRequestLog(options.requestLog)] : []),
      // a body past 2 MB is refused (413) before it is read whole; an article is at most 500,000 characters
      useBodyLimit(2_000_000),
      useExplorer(options.explorerDir),
      useExports(kg, { tokens: options.tokens ?? [], readsNeedToken: options.readsNeedToken ?? false }),
      ...(options.metrics ? [prometheus()] : []),
      ...(options.introspection === false ? [useDisableIntrospection()] : []),
      useAuth({ tokens: options.tokens ?? [], readsNeedToken: options.readsNeedToken ?? false }),
      ...operationLimitPlugins(options.limits ?? DEFAULT_OPERATION_LIMITS, { production: options.production ?? false }),
      // before the response cache, which wraps the execute it finds
      ...(options.compiledReads === false ? [] : [useCompiledReads(withFreshBudget)]),
      ...(options.responseCache === false ? [] : [anonymousReadCache(kg)]),
      {
        onRequest({ url, request, endResponse, fetchAPI }) {
          if (url.pathname === yogaEndpoint && request.method === 'POST' && FORM_BODY.test(request.headers.get('content-type') ?? '')) {
            endResponse(
              fetchAPI.Response.json(
                { errors: [{ message: 'send the operation as application/json (form bodies are refused)', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
                { status: 415 },
              ),
            );
            return;
          }
          if (url.pathname === '/ready' && request.method === 'GET') {
            endResponse(fetchAPI.Response.json({ status: 'ready' }));
            return;
          }
          if (url.pathname !== '/health') return;
          if (request.method !== 'GET' && request.method !== 'HEAD') {
            endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
            return;
          }
          endResponse(
            fetchAPI.Response.json({ status: 'ok', entities: kg.entityCount, relations: kg.relationCount, revision: history.at(-1)?.revision ?? 0, writable: writer !== null }),
          );
        },
      },
    ],
  });
}
