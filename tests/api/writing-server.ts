// A writable server over a fresh copy of graph/, with the test tokens, run in process.

import { afterAll } from 'vitest';
import { createServer, type ServerOptions } from '../../src/server.js';
import { openData, type OpenedData } from '../../src/write/open-data.js';
import type { Writer } from '../../src/write/writer.js';
import { copyOfGraph } from '../write/data-dir.js';
import { testTokens, type Result } from './request.js';

export const ENDPOINT = 'http://coopgraph.test/graphql';
export const AGENCY = 'police-agency:lang-son-provincial-police-department';
export const ARTICLE = 'article:2019-05-10-vietnamese-border-provinces-police-enhance-cooperation';

export interface Answer<T = any> extends Result<T> {
  status: number;
  headers: Headers;
}

export interface WritingServer {
  dir: string;
  data: OpenedData;
  writer: Writer;
  server: ReturnType<typeof createServer>;
  /** Runs an operation with the bearer token given (default: none) or a raw Authorization header. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: { token?: string; header?: string }): Promise<Answer<T>>;
  /** The latest revision, from Query.changes. */
  revision(): Promise<number>;
  /** The entity count, from Query.stats. */
  entityCount(): Promise<number>;
}

export const logged: unknown[][] = [];

/** Sends one operation to a server and reads its JSON answer with the HTTP status. */
export async function send<T = any>(
  server: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> },
  query: string,
  variables?: Record<string, unknown>,
  auth: { token?: string; header?: string } = {},
): Promise<Answer<T>> {
  const authorization = auth.header ?? (auth.token ? `Bearer ${auth.token}` : undefined);
  const response = await server.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as Result<T>) };
}

/**
 * Opens a fresh copy of the seed graph for writing and serves it; the writer
 * is closed (releasing the folder's lock) after the test file.
 */
export async function writingServer(options: ServerOptions = {}): Promise<WritingServer> {
  const dir = copyOfGraph();
  const data = await openData(dir, { write: true });
  const writer = data.writer!;
  afterAll(async () => {
    await writer.close();
  });
  const server = createServer(data, { log: (_level, args) => logged.push(args), tokens: testTokens, ...options });
  const gql: WritingServer['gql'] = (query, variables, auth) => send(server, query, variables, auth);
  return {
    dir,
    data,
    writer,
    server,
    gql,
    revision: async () => (await gql('{ changes(since: 0, first: 1) { revision } }')).data.changes.revision,
    entityCount: async () => (await gql('{ stats { entities } }')).data.stats.entities,
  };
}

/** The codes of a result's errors. */
export const codesOf = (result: Result) => (result.errors ?? []).map((e) => e.extensions?.code);
