// Load test: a mix of the acceptance queries and adversarial ones against
// `coopgraph serve` on loopback, bounded in time. Prints throughput, latency
// percentiles, answers by status and error code, and the server's RSS before
// and after (from its /metrics).
// Run: npm run load -- [--duration 60] [--connections 64]

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SERVE_NODE_FLAGS } from '../src/cli/serve-flags.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '64' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

const playground = new URL('../src/api/playground/', import.meta.url);
const acceptance = readdirSync(playground)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => {
    const vars = new URL(f.replace('.graphql', '.variables.json'), playground);
    const variables = readdirSync(playground).includes(f.replace('.graphql', '.variables.json'))
      ? JSON.parse(readFileSync(vars, 'utf8'))
      : { id: 'police-agency:dien-bien-provincial-police-department', from: 'person:ma-shuliang', to: 'person:nguyen-trung-thuc' };
    return { query: readFileSync(new URL(f, playground), 'utf8'), variables };
  });
const adversarial = [
  { query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }` },
  { query: `{ node(id: "person:vu-tien-dung") { ${'relations { from { '.repeat(12)}id${' } }'.repeat(12)} } }` },
  { query: `{ stats { entities ${'@skip(if: false) '.repeat(80)}} }` },
  { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
  { query: '{ neighborhood(id: "person:vu-tien-dung", depth: 4, limit: 1000) { nodes { id } } }' },
  { query: '{ paths(from: "person:ma-shuliang", to: "person:nguyen-trung-thuc", maxLength: 9) { length } }' },
  { query: '{ node(id: "nobody") { id } }' },
  { query: '{ nod(id: "x") { id }' },
];
const bodies = [...acceptance, ...acceptance, ...adversarial].map((b) => JSON.stringify(b));

const server = spawn(process.execPath, [...SERVE_NODE_FLAGS, new URL('../bin/coopgraph.js', import.meta.url).pathname, 'serve', '--port', '0', '--host', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /GraphQL at (http:\/\/\S+)\/graphql/.exec(out);
    if (m) resolve(m[1]!);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const rss = async () => Number(/process_resident_memory_bytes (\d+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? NaN) / 1e6;

const rssBefore = await rss();
const byStatus = new Map<number, number>();
const byCode = new Map<string, number>();
let next = 0;
const result = await autocannon({
  url: `${base}/graphql`,
  connections,
  duration,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      onResponse: (status, body) => {
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        try {
          for (const error of (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []) {
            const code = error.extensions?.code ?? 'NO CODE';
            byCode.set(code, (byCode.get(code) ?? 0) + 1);
          }
        } catch {
          byCode.set('NOT JSON', (byCode.get('NOT JSON') ?? 0) + 1);
        }
      },
    },
  ],
});
// let the collector settle before reading memory again
await new Promise((r) => setTimeout(r, 2000));
const rssAfter = await rss();
server.kill('SIGTERM');

const l = result.latency;
console.log(`| load | ${duration} s, ${connections} connections, ${bodies.length} operations in turn (${acceptance.length} acceptance ×2, ${adversarial.length} adversarial) |`);
console.log('| --- | --- |');
console.log(`| throughput | ${result.requests.average.toFixed(0)} req/s (${result.requests.total} requests) |`);
console.log(`| latency | p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms |`);
console.log(`| answers by status | ${[...byStatus].sort().map(([s, n]) => `${s}: ${n}`).join(', ')} |`);
console.log(`| errors by code | ${[...byCode].sort().map(([c, n]) => `${c}: ${n}`).join(', ')} |`);
console.log(`| 5xx / timeouts / socket errors | ${result['5xx']} / ${result.timeouts} / ${result.errors} |`);
console.log(`| server RSS | ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(0)}%) |`);
