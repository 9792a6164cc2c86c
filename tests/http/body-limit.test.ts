// The body limit over a real socket (a declared length, and chunked bodies of
// unknown length) and in process (no socket, so no length is trusted).

import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBodyLimit } from '../../src/http/body-limit.js';

const LIMIT = 200;
const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { echo(text: String!): Int! }', resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text.length } } }),
  maxRequestBodySize: false,
  plugins: [useBodyLimit(LIMIT)],
  logging: false,
});
/** a JSON body of about `size` bytes asking for the length of its padding */
const body = (size: number) => {
  const bare = JSON.stringify({ query: 'query ($t: String!) { echo(text: $t) }', variables: { t: '' } });
  return JSON.stringify({ query: 'query ($t: String!) { echo(text: $t) }', variables: { t: 'x'.repeat(Math.max(0, size - bare.length)) } });
};

let http: Server;
beforeAll(async () => {
  http = createHttpServer(yoga);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

/** POSTs over the socket, in chunks of 50 bytes without a Content-Length when `chunked` */
function send(text: string, chunked: boolean): Promise<{ status: number; json: any }> {
  const { port } = http.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (!chunked) headers['content-length'] = String(Buffer.byteLength(text));
    const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(data) }));
    });
    // the server may answer 413 and stop reading before the body is all sent
    req.on('error', reject);
    if (chunked) for (let i = 0; i < text.length; i += 50) req.write(text.slice(i, i + 50));
    else req.write(text);
    req.end();
  });
}

describe('useBodyLimit over a socket', () => {
  it.each([
    ['a declared length', false],
    ['a chunked body', true],
  ])('answers a body at the limit, sent with %s', async (_, chunked) => {
    const text = body(LIMIT);
    expect(Buffer.byteLength(text)).toBe(LIMIT);
    const { status, json } = await send(text, chunked);
    expect(status).toBe(200);
    expect(json.data.echo).toBeGreaterThan(100);
  });

  it.each([
    ['a declared length', false],
    ['a chunked body', true],
  ])('refuses a body one byte past the limit, sent with %s, with 413', async (_, chunked) => {
    const { status, json } = await send(body(LIMIT + 1), chunked);
    expect(status).toBe(413);
    expect(json.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(json.errors[0].message).toBe(`request body too large: at most ${LIMIT} bytes`);
  });
});

describe('useBodyLimit in process', () => {
  const post = (text: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: text });

  it('answers a body under the limit', async () => {
    const response = await post(body(LIMIT));
    expect(response.status).toBe(200);
  });

  it('counts the bytes it reads instead of trusting a declared length that no parser enforced', async () => {
    const response = await post(body(LIMIT * 3), { 'content-length': '10' });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a declared length past the limit before reading', async () => {
    const response = await post('{}', { 'content-length': String(LIMIT + 1) });
    expect(response.status).toBe(413);
  });

  it.each(['abc', '-1', '10, 10'])('refuses a Content-Length of "%s" with 400', async (declared) => {
    const response = await post(body(50), { 'content-length': declared });
    expect(response.status).toBe(400);
    const json = (await response.json()) as any;
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(json.errors[0].message).toBe(`Content-Length "${declared}" is not a number of bytes`);
  });
});
