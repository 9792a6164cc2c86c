// The cache of anonymous reads: a repeated read is answered from memory,
// a write empties it, a request with a token never uses it.

import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { openData } from '../../src/write/open-data.js';
import { copyOfGraph } from '../write/data-dir.js';
import { testTokens, TOKENS } from './request.js';

const AGENCY = 'police-agency:lang-son-provincial-police-department';

describe('the response cache', async () => {
  const data = await openData(copyOfGraph(), { write: true });
  const server = createServer(data, { tokens: testTokens, log: () => {} });
  const post = (query: string, token?: string, headers: Record<string, string> = {}) =>
    server.fetch('http://coopgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query }),
    });
  const NAME = `{ node(id: "${AGENCY}") { name aliases } }`;

  it('answers a repeated anonymous read from the cache, with an ETag a client can send back', async () => {
    const first = await post(NAME);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^[0-9a-f]{64}$/);
    const again = await post(NAME);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.json()).toEqual(await first.json());
    expect((await post(NAME, undefined, { 'if-none-match': etag! })).status).toBe(304);
  });

  it('never serves an answer from before a write', async () => {
    const before = await (await post(NAME)).json();
    const write = await post(`mutation { updateEntity(id: "${AGENCY}", input: { aliases: ["Lang Son police (cached?)"] }) { entity { aliases } } }`, TOKENS.editor);
    expect((await write.json()).data.updateEntity.entity.aliases).toEqual(['Lang Son police (cached?)']);
    const after = await (await post(NAME)).json();
    expect(after).not.toEqual(before);
    expect(after.data.node.aliases).toEqual(['Lang Son police (cached?)']);
  });

  it('is not used by requests with a token', async () => {
    await post(NAME);
    const withToken = await post(NAME, TOKENS.editor);
    expect(withToken.headers.get('etag')).toBeNull();
  });

  it('does not keep errors', async () => {
    const missing = '{ node(id: "person:nobody") { id } }';
    expect((await post(missing)).headers.get('etag')).toBeNull();
    data.writer!.close();
  });
});
