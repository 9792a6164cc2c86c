// The server over HTTP semantics (server.fetch, no port): /health, GraphiQL,
// transport errors with 4xx and codes, no stack traces.

import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';
import { server, TOKENS } from './request.js';

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  server.fetch('http://coopgraph.test/graphql', { method: 'POST', headers: { accept: 'application/graphql-response+json', ...headers }, body });

describe('HTTP', () => {
  it('GET /health answers 200 with the entity and relation counts', async () => {
    const response = await server.fetch('http://coopgraph.test/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', entities: seedGraph().entityCount, relations: seedGraph().relationCount, revision: 0, writable: false });
  });

  it('serves GraphiQL to a browser, opening on "who signed which MoU", with no CDN', async () => {
    const response = await server.fetch('http://coopgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>coopgraph</title>');
    expect(html).toContain('WhoSignedWhichMoU');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr/);
  });

  it('answers a query sent by GET', async () => {
    const response = await server.fetch(`http://coopgraph.test/graphql?query=${encodeURIComponent('{ stats { entities } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { stats: { entities: seedGraph().entityCount } } });
  });

  it.each([
    ['malformed JSON', '{"query": "{ stats { entities } }"', undefined],
    ['a numeric query', '{"query": 42}', undefined],
    ['variables as an array', '{"query": "{ stats { entities } }", "variables": []}', undefined],
    ['no query at all', '{}', undefined],
  ])('rejects %s with 400 and a coded error', async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const result = (await response.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
    expect(result.errors[0]!.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at /);
  });

  it('rejects a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const response = await post(JSON.stringify({ query: '{ node(id: ) }' }));
    expect(response.status).toBe(400);
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a mutation sent by GET with 405 and Allow: POST', async () => {
    const query = encodeURIComponent('mutation { ingestArticle(input: { text: "x" }) { articleId } }');
    const response = await server.fetch(`http://coopgraph.test/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a POST without a Content-Type with a 4xx', async () => {
    const response = await server.fetch('http://coopgraph.test/graphql', { method: 'POST', body: '{"query":"{ stats { entities } }"}' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
    'refuses an operation sent as %s with 415, running nothing',
    async (type) => {
      const response = await post('query=%7B%20stats%20%7B%20entities%20%7D%20%7D', { 'content-type': type });
      expect(response.status).toBe(415);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('refuses a body over 2 MB with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ stats { entities } } # ${'x'.repeat(2_100_000)}` }));
    expect(response.status).toBe(413);
  });

  it('accepts an article of 500,000 characters in a body under the limit', async () => {
    const text = `MPS - ${'The police of Lang Son met. '.repeat(17_000)}`.slice(0, 500_000);
    const response = await post(JSON.stringify({ query: 'mutation ($t: String!) { ingestArticle(input: { text: $t, publishedOn: "2020" }) { articleId } }', variables: { t: text } }), {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKENS.editor}`,
    });
    expect(response.status).toBe(200);
  });

  it('allows browsers of any origin by default, never with credentials, and exposes the request id', async () => {
    const response = await server.fetch('http://coopgraph.test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://analyst.example', 'access-control-request-method': 'POST' },
    });
    expect(['*', 'https://analyst.example']).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-credentials')).not.toBe('true');
  });

  it('allows only the configured origins', async () => {
    const closed = createServer(seedGraph(), { corsOrigins: ['https://ok.example'] });
    const ask = (origin: string) => closed.fetch('http://t/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await ask('https://ok.example')).headers.get('access-control-allow-origin')).toBe('https://ok.example');
    expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('answers GET /ready', async () => {
    const response = await server.fetch('http://coopgraph.test/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers 404 on an unknown path', async () => {
    const response = await server.fetch('http://coopgraph.test/nothing-here');
    expect(response.status).toBe(404);
  });

  it('refuses a POST to /health', async () => {
    const response = await server.fetch('http://coopgraph.test/health', { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics of operations and the process at GET /metrics', async () => {
    const withMetrics = createServer(seedGraph(), { metrics: true });
    await withMetrics.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { entities } }"}' });
    const response = await withMetrics.fetch('http://t/metrics');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/graphql_envelop_phase_execute_count\{[^}]*\} 1/);
    expect(text).toContain('process_resident_memory_bytes');
  });
});
