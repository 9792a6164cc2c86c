import { describe, expect, it } from 'vitest';
import { useRequestLog, type LogEntry } from '../../src/http/request-log.js';
import { createServer } from '../../src/server.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { brokenSeedGraph, seedGraph } from '../seed-graph.js';

function logged(kg: KnowledgeGraph = seedGraph()) {
  const entries: LogEntry[] = [];
  const server = createServer(kg, { requestLog: (e) => entries.push(e), log: () => {} });
  const post = (query: string, headers: Record<string, string> = {}) =>
    server.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { entries, post };
}

describe('request log', () => {
  it('logs one entry a request and returns its id', async () => {
    const { entries, post } = logged();
    const response = await post('{ stats { entities } }');
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries).toEqual([{ level: 'info', msg: 'request', requestId: id, method: 'POST', path: '/graphql', status: 200, ms: expect.any(Number) }]);
  });

  it("keeps a client's plain request id and replaces anything else", async () => {
    const { post } = logged();
    expect((await post('{ stats { entities } }', { 'x-request-id': 'trace-42' })).headers.get('x-request-id')).toBe('trace-42');
    expect((await post('{ stats { entities } }', { 'x-request-id': 'bad id\n' })).headers.get('x-request-id')).not.toBe('bad id\n');
  });

  it('logs an unexpected error in full under the request id, the client seeing none of it', async () => {
    const broken = brokenSeedGraph('disk unreadable at /var/secret');
    const { entries, post } = logged(broken);
    const response = await post('{ node(id: "person:vu-tien-dung") { id } }');
    const id = response.headers.get('x-request-id');
    expect(await response.text()).not.toContain('secret');
    const error = entries.find((e) => e.level === 'error')!;
    expect(error).toMatchObject({ msg: 'unexpected error', requestId: id, error: 'Error: disk unreadable at /var/secret' });
    expect(error.stack).toEqual(expect.stringContaining('disk unreadable'));
  });

  it('logs no error for an expected one', async () => {
    const { entries, post } = logged();
    await post('{ node(id: "nobody") { id } }');
    expect(entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('is a plugin usable on its own', () => expect(typeof useRequestLog(() => {}).onRequest).toBe('function'));
});
