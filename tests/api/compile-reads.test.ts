// Compiled reads: the same answers as graphql-js, compiled once, and graphql-js
// (the execute they replace) for writes and for every read that fails.

import { execute, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileReads } from '../../src/api/compile-reads.js';
import { createSchema } from '../../src/api/schema.js';
import { createServer } from '../../src/server.js';
import { Budget } from '../../src/store/budget.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { seedGraph } from '../seed-graph.js';
import { runnableOperations } from './request.js';

const schema = createSchema();
const contextOf = (kg: KnowledgeGraph = seedGraph()) => ({ kg, budget: new Budget(), writer: null, history: [], pubsub: null });

/** compileReads over graphql-js's execute, counting the calls that fall back to it and the reruns. */
function counting() {
  const counts = { fallbacks: 0, reruns: 0 };
  const fallback = (args: ExecutionArgs) => {
    counts.fallbacks++;
    return execute(args);
  };
  const run = compileReads<ReturnType<typeof contextOf>>((context) => {
    counts.reruns++;
    return { ...context, budget: new Budget() };
  })(fallback);
  return { counts, run };
}

describe('compileReads', () => {
  it('answers every saved operation as graphql-js does, without falling back', async () => {
    const { counts, run } = counting();
    const operations = runnableOperations();
    expect(operations.length).toBeGreaterThan(5);
    for (const [name, query, variables] of operations) {
      const args = { schema, document: parse(query), contextValue: contextOf(), variableValues: variables ?? {} };
      const expected = JSON.parse(JSON.stringify(await execute(args)));
      expect(expected.errors, name).toBeUndefined();
      expect(JSON.parse(JSON.stringify(await run({ ...args, contextValue: contextOf() }))), name).toEqual(expected);
    }
    expect(counts.fallbacks).toBe(0);
  });

  it('reruns a failing read through graphql-js with a fresh context, so its errors are graphql-js\'s', async () => {
    const { counts, run } = counting();
    const document = parse('query ($id: ID!) { node(id: $id) { id name } stats { entities } }');
    const args = { schema, document, contextValue: contextOf(), variableValues: { id: 'person:nobody' } };
    const result = (await run(args)) as ExecutionResult;
    expect(result).toEqual(await execute({ ...args, contextValue: contextOf() }));
    expect(result.errors?.[0]?.locations).toEqual([{ line: 1, column: 20 }]);
    expect(counts).toEqual({ fallbacks: 1, reruns: 1 });
  });

  it('leaves variable coercion errors to graphql-js: its messages, not the compiled coercion\'s', async () => {
    const { counts, run } = counting();
    const document = parse('query ($k: [EntityKind!]) { entities(kinds: $k, first: 1) { nodes { id } } }');
    const result = (await run({ schema, document, contextValue: contextOf(), variableValues: { k: ['ROBOT'] } })) as ExecutionResult;
    expect(result.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/Value "ROBOT" does not exist in "EntityKind" enum/)]);
    expect(counts.fallbacks).toBe(1);
  });

  it('never compiles a mutation: it runs once, through the execute it replaces', async () => {
    const { counts, run } = counting();
    const document = parse('mutation { createEntity(input: { kind: PERSON, name: "X" }) { entity { id } } }');
    const result = (await run({ schema, document, contextValue: contextOf() })) as ExecutionResult;
    expect(result.errors).toHaveLength(1); // no writer: refused by the resolver, once
    expect(counts).toEqual({ fallbacks: 1, reruns: 0 });
  });

  it('compiles a document once per operation name', async () => {
    const { run } = counting();
    const document = parse('query A { stats { entities } } query B { stats { relations } }');
    const kg = seedGraph();
    for (let i = 0; i < 3; i++) {
      expect(await run({ schema, document, operationName: 'A', contextValue: contextOf() })).toEqual({ data: { stats: { entities: kg.entityCount } } });
      expect(await run({ schema, document, operationName: 'B', contextValue: contextOf() })).toEqual({ data: { stats: { relations: kg.relationCount } } });
    }
  });
});

describe('the server with and without compiled reads', () => {
  const ask = async (server: ReturnType<typeof createServer>, query: string, variables?: Record<string, unknown>) => {
    const response = await server.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: await response.json() };
  };
  const compiled = createServer(seedGraph(), { log: () => {}, responseCache: false });
  const plain = createServer(seedGraph(), { log: () => {}, responseCache: false, compiledReads: false });

  it.each([
    ['every saved operation', ...runnableOperations().map(([, query, variables]) => [query, variables] as const)],
  ])('gives the same status and body for %s', async (_, ...operations) => {
    for (const [query, variables] of operations) expect(await ask(compiled, query, variables)).toEqual(await ask(plain, query, variables));
  });

  it.each([
    ['an unknown id', '{ node(id: "person:nobody") { id } }', undefined],
    ['a bad enum value in a variable', 'query ($k: [EntityKind!]) { entities(kinds: $k) { totalCount } }', { k: ['ROBOT'] }],
    ['a missing required variable', 'query ($id: ID!) { node(id: $id) { id } }', {}],
    ['a path search over the budget', '{ paths(from: "person:ma-shuliang", to: "person:nguyen-trung-thuc", maxLength: 6, first: 50) { length } }', undefined],
  ])('gives the same status and body for %s', async (_, query, variables) => {
    const expected = await ask(plain, query, variables);
    expect(expected.body.errors?.length).toBeGreaterThan(0);
    expect(await ask(compiled, query, variables)).toEqual(expected);
  });
});
