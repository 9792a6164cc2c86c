import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/http/rate-limit.js';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

describe('rate limit', () => {
  it('answers 429 with Retry-After past the requests a window allows', async () => {
    const server = createServer(seedGraph(), { rateLimit: { requests: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await server.fetch('http://t/graphql?query=%7Bstats%7Bentities%7D%7D', { headers: { accept: 'application/json' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('allows again in the next window', async () => {
    const server = createServer(seedGraph(), { rateLimit: { requests: 1, windowMs: 50 } });
    const get = () => server.fetch('http://t/health');
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    await new Promise((r) => setTimeout(r, 60));
    expect((await get()).status).toBe(200);
  });

  it('tells clients apart by the address the socket gives, not by headers', () => {
    const request = new Request('http://t/', { headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(clientAddress(request, { req: { socket: { remoteAddress: '127.0.0.9' } } })).toBe('127.0.0.9');
    expect(clientAddress(request, undefined)).toBe('local');
  });
});
