// The request body limit: a body past it is refused with 413 before it is read
// whole. Replaces yoga's own (`maxRequestBodySize`), which pipes every body
// through a stream pipeline whose listeners outlive the request: 15 KB of
// garbage a request promoted to the old generation, and a third of the
// throughput (BENCHMARKS.md, change 20).

import { GraphQLError } from 'graphql';
import { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';

const tooLarge = (limit: number) =>
  new GraphQLError(`request body too large: at most ${limit} bytes`, { extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } } });

/**
 * Refuses a request whose body is past `limit` bytes. A declared
 * Content-Length is checked before anything is read; when the request came
 * through `node:http`, its parser reads exactly that many bytes, so the body
 * is left as it is. A body of unknown length (chunked, or a Request made in
 * process) is read with a running count and refused once past the limit.
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, serverContext, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) {
          throw new GraphQLError(`Content-Length "${declared}" is not a number of bytes`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        if (Number(declared) > limit) throw tooLarge(limit);
        if (cameThroughNodeHttp(serverContext)) return;
      }
      if (requestParser === undefined || request.body === null) return;
      setRequestParser(async (req) => requestParser(await readBounded(req, limit, fetchAPI.Request)));
    },
  };
}

function cameThroughNodeHttp(serverContext: unknown): boolean {
  return (serverContext as { req?: unknown } | undefined)?.req instanceof IncomingMessage;
}

/** The same request with its body read into memory, or 413 once the body passes the limit. */
async function readBounded(request: Request, limit: number, RequestCtor: typeof Request): Promise<Request> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // read by hand: cancelling the stream, as leaving a for-await would, destroys the socket before the 413 is sent
  const reader = request.body!.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(next.value);
  }
  return new RequestCtor(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: Buffer.concat(chunks) });
}
