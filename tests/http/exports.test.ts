// GET /export/<format> streams what `coopgraph export` writes, and keeps to
// the server's rule for reads; GET /context.jsonld serves the JSON-LD context.

import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportGraph, FORMATS } from '../../src/export/export-graph.js';
import { MAX_CONCURRENT_EXPORTS } from '../../src/http/exports.js';
import { JSONLD_CONTEXT } from '../../src/export/jsonld.js';
import { hashToken } from '../../src/http/tokens.js';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

const kg = seedGraph();

describe('GET /export/<format>', () => {
  const server = createServer(kg);

  for (const format of EXPORT_FORMATS) {
    it(`${format}: the same text as the command, with its type and a file name`, async () => {
      const response = await server.fetch(`http://localhost/export/${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(FORMATS[format].mediaType);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="coopgraph.${FORMATS[format].extension}"`);
      expect(await response.text()).toBe([...exportGraph(kg, format)].join(''));
    });
  }

  it('names the formats when asked for an unknown one, and allows only GET and HEAD', async () => {
    const unknown = await server.fetch('http://localhost/export/xlsx');
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]!.message).toContain(EXPORT_FORMATS.join(', '));
    expect((await server.fetch('http://localhost/export/json', { method: 'POST' })).status).toBe(405);
    const head = await server.fetch('http://localhost/export/json', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it(`streams at most ${MAX_CONCURRENT_EXPORTS} exports at once, and takes the next once one has finished or its client has gone`, async () => {
    const busy = createServer(kg);
    const open = await Promise.all(Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => busy.fetch('http://localhost/export/json')));
    const refused = await busy.fetch('http://localhost/export/json');
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '5']);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    await open[0]!.text();
    await open[1]!.body!.cancel();
    const again = await Promise.all(Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => busy.fetch('http://localhost/export/ndjson')));
    expect(again.map((r) => r.status)).toEqual(Array(MAX_CONCURRENT_EXPORTS).fill(200));
    await Promise.all(again.map((r) => r.text()));
  });

  it('needs a token when reads do', async () => {
    const tokens = [{ name: 'reader', role: 'editor' as const, sha256: hashToken('secret-token') }];
    const guarded = createServer(kg, { tokens, readsNeedToken: true });
    const refused = await guarded.fetch('http://localhost/export/json');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const allowed = await guarded.fetch('http://localhost/export/json', { headers: { authorization: 'Bearer secret-token' } });
    expect(allowed.status).toBe(200);
  });
});

describe('GET /context.jsonld', () => {
  it('serves the context the jsonld export embeds', async () => {
    const response = await createServer(kg).fetch('http://localhost/context.jsonld');
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    expect(await response.json()).toEqual({ '@context': JSONLD_CONTEXT });
  });
});
