// createServer(kg) → a graphql-yoga instance serving /graphql (GraphiQL on
// GET from a browser) and GET /health. It never listens: see cli/serve.

import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from './api/context.js';
import { isExpectedError, maskError } from './api/errors.js';
import { DEFAULT_OPERATION_LIMITS, operationLimitPlugins, type OperationLimits } from './api/limits.js';
import { savedOperations } from './api/playground/index.js';
import { createSchema } from './api/schema.js';
import type { KnowledgeGraph } from './store/knowledge-graph.js';

export interface ServerOptions {
  /** where warnings and unexpected errors are written in full (default: stderr) */
  log?: (level: 'warn' | 'error', args: unknown[]) => void;
  /** operation limits (default: DEFAULT_OPERATION_LIMITS; `coopgraph serve` reads them from the environment) */
  limits?: OperationLimits;
  /** hides field suggestions from clients */
  production?: boolean;
}

const logToStderr = (level: string, args: unknown[]) => console.error(`[coopgraph] ${level}:`, ...args);

export type CoopgraphServer = YogaServerInstance<Record<string, never>, Context>;

export function createServer(kg: KnowledgeGraph, options: ServerOptions = {}): CoopgraphServer {
  const tabs = savedOperations();
  const log = options.log ?? logToStderr;
  // errors a client caused are answered, not logged; the rest is logged in full
  const report = (level: 'warn' | 'error') => (...args: unknown[]) => {
    if (!args.some(isExpectedError)) log(level, args);
  };
  return createYoga<Record<string, never>, Context>({
    schema: createSchema(),
    context: () => ({ kg }),
    graphqlEndpoint: '/graphql',
    graphiql: {
      title: 'coopgraph',
      defaultQuery: tabs[0]?.query,
      defaultTabs: tabs.map(({ query, variables }) => ({ query, variables: variables ?? null })),
    },
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { maskError },
    logging: { debug: () => {}, info: () => {}, warn: report('warn'), error: report('error') },
    // yoga's own empty-bodied check moves aside for the JSON one below
    healthCheckEndpoint: '/livez',
    plugins: [
      ...operationLimitPlugins(options.limits ?? DEFAULT_OPERATION_LIMITS, { production: options.production ?? false }),
      {
        onRequest({ url, request, endResponse, fetchAPI }) {
          if (url.pathname !== '/health') return;
          if (request.method !== 'GET' && request.method !== 'HEAD') {
            endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
            return;
          }
          endResponse(fetchAPI.Response.json({ status: 'ok', entities: kg.entityCount, relations: kg.relationCount }));
        },
      },
    ],
  });
}
