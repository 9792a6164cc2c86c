// GET /export/<format>: the whole graph in an export format, streamed as it
// is written (a large graph is never one string in memory), and
// GET /context.jsonld: the JSON-LD context every jsonld export uses.

import type { Plugin } from 'graphql-yoga';
import { EXPORT_FORMATS, exportGraph, FORMATS, isExportFormat } from '../export/export-graph.js';
import { JSONLD_CONTEXT } from '../export/jsonld.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import { authenticate, type TokenEntry } from './tokens.js';

/** bytes gathered before a chunk goes out */
const CHUNK = 64 * 1024;
/** exports streaming at once, at most: each holds a snapshot and a core while it writes */
export const MAX_CONCURRENT_EXPORTS = 2;

export interface ExportRoutesOptions {
  tokens: readonly TokenEntry[];
  /** reads need a token: so do exports */
  readsNeedToken: boolean;
}

/** The chunks as a byte stream, written as the client reads; `done` runs once, when it ends or the client goes. */
function stream(chunks: Iterator<string>, done: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let finished = false;
  const finish = () => {
    if (!finished) done();
    finished = true;
  };
  return new ReadableStream({
    pull(controller) {
      let text = '';
      while (text.length < CHUNK) {
        const next = chunks.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          finish();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      chunks.return?.(undefined);
      finish();
    },
  });
}

export function useExports(kg: KnowledgeGraph, { tokens, readsNeedToken }: ExportRoutesOptions): Plugin {
  let running = 0;
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      const isContext = url.pathname === '/context.jsonld';
      if (!isContext && !url.pathname.startsWith('/export/')) return;
      const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        endResponse(fetchAPI.Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers }));
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (isContext) {
        endResponse(fetchAPI.Response.json({ '@context': JSONLD_CONTEXT }, { headers: { 'content-type': 'application/ld+json', 'cache-control': 'public, max-age=3600' } }));
        return;
      }
      const format = url.pathname.slice('/export/'.length);
      if (!isExportFormat(format)) {
        error(404, 'NOT_FOUND', `no export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
        return;
      }
      if (readsNeedToken && !authenticate(tokens, request.headers.get('authorization'))) {
        error(401, 'UNAUTHENTICATED', 'exports need a bearer token (Authorization: Bearer ...)', { 'www-authenticate': 'Bearer' });
        return;
      }
      const { mediaType, extension } = FORMATS[format];
      const headers = { 'content-type': mediaType, 'content-disposition': `attachment; filename="coopgraph.${extension}"`, 'x-content-type-options': 'nosniff' };
      if (request.method === 'HEAD') {
        endResponse(new fetchAPI.Response(null, { headers }));
        return;
      }
      if (running >= MAX_CONCURRENT_EXPORTS) {
        error(429, 'RATE_LIMITED', `at most ${MAX_CONCURRENT_EXPORTS} exports stream at a time: retry when one has finished`, { 'retry-after': '5' });
        return;
      }
      running++;
      endResponse(new fetchAPI.Response(stream(exportGraph(kg, format), () => running--), { headers }));
    },
  };
}
