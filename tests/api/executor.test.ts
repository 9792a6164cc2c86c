// The in-process executor: the server's answers and errors without HTTP.

import { describe, expect, it } from 'vitest';
import { createExecutor } from '../../src/api/executor.js';
import { brokenSeedGraph, seedGraph } from '../seed-graph.js';
import { run, runnableOperations } from './request.js';

const executor = createExecutor(seedGraph(), { log: () => {} });
const inProcess = async (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  JSON.parse(JSON.stringify(await executor.execute({ query, variables, operationName })));

describe('createExecutor', () => {
  it.each(runnableOperations())(
    'answers the saved operation %s as the server does',
    async (_, query, variables) => {
      const expected = await run(query, variables);
      expect(expected.errors).toBeUndefined();
      expect(await inProcess(query, variables)).toEqual(expected);
    },
  );

  it.each([
    ['an unknown id', '{ node(id: "person:nobody") { id } }', undefined, 'NOT_FOUND'],
    ['a bad enum value in a variable', 'query ($k: [EntityKind!]) { entities(kinds: $k) { totalCount } }', { k: ['ROBOT'] }, 'BAD_USER_INPUT'],
    ['a syntax error', '{ node(id: "x") { id }', undefined, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ nodez { id } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s with the server\'s message and code', async (_, query, variables, code) => {
    const expected = await run(query, variables);
    expect(expected.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect((await inProcess(query, variables)).errors).toEqual(expected.errors);
  });

  it('answers a read synchronously, and the same text twice the same way', () => {
    const query = '{ stats { entities relations } }';
    const first = executor.execute({ query });
    expect(first).not.toBeInstanceOf(Promise);
    expect(executor.execute({ query })).toEqual(first);
    expect(first).toEqual({ data: { stats: { entities: seedGraph().entityCount, relations: seedGraph().relationCount } } });
  });

  it('runs the operation named, and says which one is missing', async () => {
    const query = 'query A { stats { entities } } query B { stats { relations } }';
    expect(await inProcess(query, undefined, 'B')).toEqual({ data: { stats: { relations: seedGraph().relationCount } } });
    expect((await inProcess(query)).errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/several operations/), extensions: { code: 'BAD_REQUEST' } })]);
    expect((await inProcess(query, undefined, 'C')).errors).toEqual([expect.objectContaining({ message: 'no operation is named "C"', extensions: { code: 'BAD_REQUEST' } })]);
  });

  it('refuses a mutation before any resolver runs', async () => {
    const result = await inProcess('mutation { createEntity(input: { kind: PERSON, name: "Nobody Yet" }) { entity { id } } }');
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/does not run in process/), extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(seedGraph().findEntity('person:nobody-yet')).toBeNull();
  });

  it('masks an unexpected error and logs it in full', async () => {
    const broken = brokenSeedGraph('internal detail: disk /var/secret unreadable');
    const logged: unknown[][] = [];
    const masked = createExecutor(broken, { log: (_, args) => logged.push(args) });
    const result = JSON.parse(JSON.stringify(await masked.execute({ query: '{ node(id: "person:vu-tien-dung") { id } }' })));
    expect(result.errors).toEqual([{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged.flat().map(String).join()).toContain('disk /var/secret unreadable');
  });

  it('refuses an operation that is not a string', async () => {
    const result = await inProcess(42 as unknown as string);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  });
});
