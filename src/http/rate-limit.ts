// An optional limit of requests a client (by address) may send a minute:
// past it, 429 with Retry-After. Off unless configured.

import type { Plugin } from 'graphql-yoga';

export interface RateLimit {
  /** requests a client may send in a window */
  requests: number;
  windowMs: number;
}

/** Fixed windows per client; old windows are forgotten as new ones start. */
export function useRateLimit(limit: RateLimit, clientOf: (request: Request, serverContext: unknown) => string): Plugin {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const now = Date.now();
      if (now - windowStart >= limit.windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const client = clientOf(request, serverContext);
      const count = (counts.get(client) ?? 0) + 1;
      counts.set(client, count);
      if (count <= limit.requests) return;
      const retryAfter = Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
      endResponse(
        fetchAPI.Response.json(
          { errors: [{ message: `too many requests: at most ${limit.requests} every ${limit.windowMs / 1000} s; retry in ${retryAfter} s`, extensions: { code: 'RATE_LIMITED' } }] },
          { status: 429, headers: { 'retry-after': String(retryAfter) } },
        ),
      );
    },
  };
}

/** The client's address as the Node server saw it (proxies' headers are not trusted). */
export function clientAddress(_: Request, serverContext: unknown): string {
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'local';
}
