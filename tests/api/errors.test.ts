// Error masking: expected errors keep their message and code; anything else
// reaches the client as a bare INTERNAL_SERVER_ERROR and the log in full.

import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { brokenSeedGraph } from '../seed-graph.js';

describe('error masking', () => {
  it('hides an unexpected error from the client and logs it', async () => {
    const broken = brokenSeedGraph('internal detail: disk /var/secret unreadable');
    const logged: unknown[][] = [];
    const server = createServer(broken, { log: (_level, args) => logged.push(args) });
    const response = await server.fetch('http://coopgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "person:vu-tien-dung") { id } }' }),
    });
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([
      { message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(text).not.toContain('secret');
    expect(JSON.stringify(logged.flat().map(String))).toContain('disk /var/secret unreadable');
  });
});
