// Operation limits: each just below (accepted) and just above (rejected with
// its code and message), and rejected before any resolver runs; the same over
// the server and the in-process executor.

import { describe, expect, it } from 'vitest';
import { createExecutor } from '../../src/api/executor.js';
import { DEFAULT_OPERATION_LIMITS, limitsFromEnv } from '../../src/api/limits.js';
import { createServer } from '../../src/server.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { seedGraph } from '../seed-graph.js';

type Run = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: { message: string; extensions: { code: string } }[] }>;
type Via = 'server' | 'executor';

/** The server or the executor over the seed graph, counting the store calls resolvers make. */
function counted(limits = DEFAULT_OPERATION_LIMITS, via: Via = 'server') {
  const calls = { count: 0 };
  const kg = new Proxy(seedGraph(), {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.count++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as KnowledgeGraph;
  if (via === 'executor') {
    const executor = createExecutor(kg, { limits });
    const run: Run = async (query, variables) => JSON.parse(JSON.stringify(await executor.execute({ query, variables })));
    return { calls, run };
  }
  const server = createServer(kg, { limits });
  const run: Run = async (query, variables) =>
    (await (await server.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as Awaited<ReturnType<Run>>;
  return { calls, run };
}

/** A query whose deepest field sits at `depth`. */
const nested = (depth: number) => {
  let selection = 'id';
  for (let level = 3; level <= depth; level += 2) selection = `relations { from { ${selection} } }`;
  return `{ node(id: "person:vu-tien-dung") { ${depth % 2 ? '' : 'kind '}${selection} } }`;
};

const cases: [string, (n: number) => string, number, string, RegExp][] = [
  ['depth', nested, DEFAULT_OPERATION_LIMITS.depth, 'DEPTH_LIMIT_EXCEEDED', /^Query depth limit of 8 exceeded, found \d+\.$/],
  ['aliases', (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`, 15, 'ALIAS_LIMIT_EXCEEDED', /Aliases limit of 15 exceeded, found 16/],
  ['directives', (n) => `{ stats { ${Array.from({ length: n }, () => 'entities @skip(if: false)').join(' ')} } }`, 50, 'DIRECTIVE_LIMIT_EXCEEDED', /Directives limit of 50 exceeded, found 51/],
  // a long list argument: many sibling fields would trip graphql-js's own merge budget first
  ['tokens', (n) => `{ search(query: "Dung", kinds: [${'PERSON '.repeat(n - 15)}]) { id } }`, 1000, 'TOKEN_LIMIT_EXCEEDED', /Token limit of 1000 exceeded/],
];

describe.each(['server', 'executor'] as const)('operation limits, %s', (via) => {
  it.each(cases)('accepts %s at the limit and rejects one more', async (_, make, limit, code, message) => {
    const { run, calls } = counted(DEFAULT_OPERATION_LIMITS, via);
    const below = await run(make(limit));
    expect(below.errors, JSON.stringify(below.errors)).toBeUndefined();
    calls.count = 0;
    const above = await run(make(limit + 1));
    expect(above.errors?.map((e) => e.extensions.code)).toEqual([code]);
    expect(above.errors![0]!.message).toMatch(message);
    expect(calls.count).toBe(0);
  });

  it('prices results by their size arguments, rejecting before any resolver runs', async () => {
    // shortestPath: 1 + 100 traversal, + 1 each for nodes and relations and their from/to
    const query = '{ shortestPath(from: "person:ma-shuliang", to: "person:nguyen-trung-thuc") { nodes { id } relations { from { id } to { id } } } }';
    const atLimit = counted({ ...DEFAULT_OPERATION_LIMITS, cost: 105 }, via);
    expect((await atLimit.run(query)).errors).toBeUndefined();
    const below = counted({ ...DEFAULT_OPERATION_LIMITS, cost: 104 }, via);
    const rejected = await below.run(query);
    expect(rejected.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Query cost 105 exceeds the limit of 104/), extensions: { code: 'COST_LIMIT_EXCEEDED', cost: 105, limit: 104 } }),
    ]);
    expect(below.calls.count).toBe(0);
  });

  it('grows the cost with first, limit and depth', async () => {
    const { run } = counted(DEFAULT_OPERATION_LIMITS, via);
    const selection = '{ nodes { relations { from { relations { id } } to { id } } } }';
    const big = await run(`{ neighborhood(id: "person:vu-tien-dung", depth: 2, limit: 1000) ${selection} }`);
    expect(big.errors?.map((e) => e.extensions.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    // 1 + 100 × depth + limit × 5: depth 2 at limit 950 passes, depth 4 does not
    expect((await run(`{ neighborhood(id: "person:vu-tien-dung", depth: 2, limit: 950) ${selection} }`)).errors).toBeUndefined();
    const deeper = await run(`{ neighborhood(id: "person:vu-tien-dung", depth: 4, limit: 950) ${selection} }`);
    expect(deeper.errors?.map((e) => e.extensions.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    const small = await run(`{ neighborhood(id: "person:vu-tien-dung", depth: 2, limit: 100) ${selection} }`);
    expect(small.errors).toBeUndefined();
  });

  it('prices one document anew for each value of a variable that sizes it', async () => {
    // the cost of a document no variable sizes is computed once; this one's must not be
    const { run } = counted(DEFAULT_OPERATION_LIMITS, via);
    const query = 'query ($limit: Int, $more: Boolean!) { neighborhood(id: "person:vu-tien-dung", depth: 2, limit: $limit) { nodes { id relations @include(if: $more) { from { relations { id } } to { id } } } } }';
    expect((await run(query, { limit: 950, more: true })).errors).toBeUndefined();
    expect((await run(query, { limit: 1000, more: true })).errors?.map((e) => e.extensions.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect((await run(query, { limit: 1000, more: false })).errors).toBeUndefined();
    expect((await run(query, { limit: 950, more: true })).errors).toBeUndefined();
  });

  it('reads limits from the environment, refusing values that are not positive whole numbers', () => {
    expect(limitsFromEnv({ COOPGRAPH_MAX_DEPTH: '12', COOPGRAPH_MAX_COST: '900' })).toEqual({ ...DEFAULT_OPERATION_LIMITS, depth: 12, cost: 900 });
    expect(() => limitsFromEnv({ COOPGRAPH_MAX_ALIASES: '-3' })).toThrow('COOPGRAPH_MAX_ALIASES: "-3" is not a positive whole number');
  });
});

describe('server settings', () => {
  const post = (server: ReturnType<typeof createServer>, body: unknown) =>
    server.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers introspection by default and refuses it when turned off', async () => {
    const query = '{ __schema { queryType { name } } }';
    const open = (await (await post(createServer(seedGraph()), { query })).json()) as any;
    expect(open.data.__schema.queryType.name).toBe('Query');
    const closed = (await (await post(createServer(seedGraph(), { introspection: false }), { query })).json()) as any;
    expect(closed.data).toBeUndefined();
    expect(closed.errors[0].message).toMatch(/introspection/i);
    expect(closed.errors[0].extensions.code).toEqual(expect.any(String));
  });

  it('hides field suggestions in production', async () => {
    const result = (await (await post(createServer(seedGraph(), { production: true }), { query: '{ nod(id: "x") { id } }' })).json()) as any;
    expect(result.errors[0].message).not.toMatch(/Did you mean/);
    expect(result.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batches of operations', async () => {
    const response = await post(createServer(seedGraph()), [{ query: '{ stats { entities } }' }, { query: '{ stats { relations } }' }]);
    expect(response.status).toBe(400);
  });
});
