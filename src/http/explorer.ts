// GET /explore: the explorer page (src/explorer, bundled into dist/explorer by
// `npm run build:explorer`), served beside the API it calls. The files are
// read once, at the first request after they exist.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

export const EXPLORER_DIR = fileURLToPath(new URL('../../dist/explorer/', import.meta.url));

const FILES: Record<string, { file: string; type: string }> = {
  '/explore': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/explore/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/explore/explorer.js': { file: 'explorer.js', type: 'text/javascript; charset=utf-8' },
  '/explore/explorer.js.map': { file: 'explorer.js.map', type: 'application/json; charset=utf-8' },
  '/explore/explorer.css': { file: 'explorer.css', type: 'text/css; charset=utf-8' },
};

// the page fetches only its own origin; the layout worker starts from a blob, pictograms are data URLs
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function useExplorer(dir = EXPLORER_DIR): Plugin {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      const entry = FILES[url.pathname];
      if (!entry) {
        if (url.pathname.startsWith('/explore/')) endResponse(new fetchAPI.Response('not found', { status: 404 }));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      let body = cache.get(entry.file);
      if (!body) {
        try {
          body = new Uint8Array(await readFile(`${dir}/${entry.file}`));
          cache.set(entry.file, body);
        } catch {
          endResponse(
            new fetchAPI.Response(`The explorer page is not built. Run \`npm run build:explorer\` (npm ci does it too) and reload.\n`, {
              status: 503,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
          );
          return;
        }
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          headers: {
            'content-type': entry.type,
            'content-length': String(body.byteLength),
            'cache-control': 'no-cache',
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
