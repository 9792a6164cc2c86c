// GET /explore serves the bundled page beside the API; without a build it
// says how to make one.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';
import { tempDir } from '../temp-dir.js';

function builtExplorer(): string {
  const dir = tempDir('explorer-files');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(dir, 'explorer.js'), 'console.log("explorer")');
  writeFileSync(join(dir, 'explorer.css'), 'body{}');
  return dir;
}

describe('GET /explore', () => {
  const server = createServer(seedGraph(), { explorerDir: builtExplorer() });

  it('serves the page with a content security policy that keeps it to its own origin', async () => {
    for (const path of ['/explore', '/explore/']) {
      const response = await server.fetch(`http://localhost${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe('<!doctype html><title>explorer</title>');
    }
  });

  it('serves its script and style sheet with their types', async () => {
    const script = await server.fetch('http://localhost/explore/explorer.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("explorer")');
    const style = await server.fetch('http://localhost/explore/explorer.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body, other methods with 405 and unknown files with 404', async () => {
    const head = await server.fetch('http://localhost/explore', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('38');
    expect(await head.text()).toBe('');
    const post = await server.fetch('http://localhost/explore', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await server.fetch('http://localhost/explore/../package.json')).status).not.toBe(200);
    expect((await server.fetch('http://localhost/explore/secrets.txt')).status).toBe(404);
  });

  it('says how to build the page when it is not built', async () => {
    const unbuilt = createServer(seedGraph(), { explorerDir: join(tmpdir(), 'coopgraph-no-such-explorer') });
    const response = await unbuilt.fetch('http://localhost/explore');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:explorer/);
  });

  it('leaves the API where it was', async () => {
    const response = await server.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }' }),
    });
    expect(await response.json()).toEqual({ data: { stats: { entities: seedGraph().entityCount } } });
  });
});
