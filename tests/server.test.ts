// The server against graphql-http's audits of the GraphQL over HTTP spec,
// over a real socket on loopback: every MUST and every SHOULD passes.

import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import { seedGraph } from './seed-graph.js';

let http: Server;
let url = '';

beforeAll(async () => {
  http = createHttpServer(createServer(seedGraph()));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

describe('GraphQL over HTTP audits', () => {
  for (const audit of serverAudits({ url: () => url })) {
    if (audit.name.startsWith('MAY')) continue;
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});
