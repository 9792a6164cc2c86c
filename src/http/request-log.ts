// Structured logs under a request id: one JSON line a request (method, path,
// status, duration), and unexpected errors in full under the same id, which
// the response carries in `x-request-id` so a client can quote it.

import { randomUUID } from 'node:crypto';
import { useErrorHandler, type Plugin } from 'graphql-yoga';
import { isExpectedError } from '../api/errors.js';

export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string; requestId?: string } & Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

/** One JSON object a line on stderr. */
export const jsonLog: Log = (entry) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

/** A client's own id is kept when it is a plain token; otherwise one is made. */
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function useRequestLog(log: Log): Plugin {
  const requests = new WeakMap<Request, { id: string; start: number }>();
  const idOf = (request: Request | undefined) => (request ? requests.get(request)?.id : undefined);
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id') ?? '';
      requests.set(request, { id: CLIENT_ID.test(given) ? given : randomUUID(), start: performance.now() });
    },
    onResponse({ request, response }) {
      const seen = requests.get(request);
      if (!seen) return;
      response.headers.set('x-request-id', seen.id);
      log({
        level: 'info',
        msg: 'request',
        requestId: seen.id,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round((performance.now() - seen.start) * 10) / 10,
      });
    },
    onPluginInit({ addPlugin }) {
      addPlugin(
        useErrorHandler(({ errors, context }) => {
          // at execution the handler gets the execution arguments, the yoga context inside them
          const ctx = context as { request?: Request; contextValue?: { request?: Request } };
          const requestId = idOf(ctx.request ?? ctx.contextValue?.request);
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            const original = (error as { originalError?: Error }).originalError ?? error;
            log({ level: 'error', msg: 'unexpected error', requestId, error: String(original), stack: (original as Error).stack });
          }
        }),
      );
    },
  };
}
