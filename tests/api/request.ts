// Running operations against the real server in process (server.fetch, no port).

import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

export const logged: unknown[][] = [];
export const server = createServer(seedGraph(), { log: (_level, args) => logged.push(args) });

export interface Result<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

export async function run<T = any>(query: string, variables?: Record<string, unknown>): Promise<Result<T>> {
  const response = await server.fetch('http://coopgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

/** The codes of a result's errors. */
export const codes = (result: Result) => (result.errors ?? []).map((e) => e.extensions?.code);
