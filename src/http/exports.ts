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

export interface ExportRoutesOptions {
  tokens: readonly TokenEntry[];
  /** reads need a token: so do exports */
  readsNeedToken: boolean;
}

function stream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      let text = '';
      while (text.length < CHUNK) {
        const next = chunks.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      chunks.return?.(undefined);
    },
  });
}

export function useExports(kg: KnowledgeGraph, { tokens, readsNeedToken }: ExportRoutesOptions): Plugin {
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
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : stream(exportGraph(kg, format)), { headers }));
    },
  };
}
