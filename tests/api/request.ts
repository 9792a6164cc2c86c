// Running operations against the real server in process (server.fetch, no port).

import { savedOperations } from '../../src/api/playground/index.js';
import { parseTokens, tokenLine } from '../../src/http/tokens.js';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

/** Tokens of each role, for tests that write or ask with a dry run. */
export const TOKENS = { editor: 'cg_test-editor-token', admin: 'cg_test-admin-token' } as const;
export const testTokens = parseTokens(
  [tokenLine('ed', 'editor', TOKENS.editor), tokenLine('ad', 'admin', TOKENS.admin)].join('\n'),
  'test tokens',
);

export const logged: unknown[][] = [];
/** The seed graph, read-only (no writer), with the test tokens. */
export const server = createServer(seedGraph(), { log: (_level, args) => logged.push(args), tokens: testTokens });

export interface Result<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

/** Runs an operation, with the bearer token given (default: none). */
export async function run<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<Result<T>> {
  const response = await server.fetch('http://coopgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

/** The codes of a result's errors. */
export const codes = (result: Result) => (result.errors ?? []).map((e) => e.extensions?.code);

/** Variables for the saved operations that ship without them (their ids are the seed graph's). */
const SAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  entity: { id: 'person:vu-tien-dung' },
  neighborhood: { id: 'person:vu-tien-dung' },
  'shortest-path': { from: 'person:ma-shuliang', to: 'person:nguyen-trung-thuc' },
};

/** Every saved operation with variables to run it: [name, query, variables]. */
export const runnableOperations = (): [string, string, Record<string, unknown> | undefined][] =>
  savedOperations().map((op) => [op.name, op.query, op.variables ? JSON.parse(op.variables) : SAMPLE_VARIABLES[op.name]]);
