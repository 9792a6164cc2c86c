// A client of coopgraph's API, typed by GraphQL Code Generator: asks "who
// signed which MoU" and prints one row per signature.
//
//   node --import tsx examples/who-signed-which-mou.ts [http://localhost:4000/graphql]

import { readFileSync } from 'node:fs';
import type { WhoSignedWhichMoUQuery } from '../src/client/graphql-types.js';

const endpoint = process.argv[2] ?? process.env.COOPGRAPH_URL ?? 'http://localhost:4000/graphql';
// the acceptance query, as the server's playground opens it
const query = readFileSync(new URL('../src/api/playground/who-signed-which-mou.graphql', import.meta.url), 'utf8');

const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
}).catch((error: Error) => {
  console.error(`cannot reach ${endpoint}: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  process.exit(1);
});
const { data, errors } = (await response.json().catch(() => ({}))) as { data?: WhoSignedWhichMoUQuery; errors?: { message: string; extensions?: { code?: string } }[] };
if (errors?.length || !data) {
  for (const error of errors ?? [{ message: `no data (HTTP ${response.status})` }]) console.error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  process.exit(1);
}

const rows = data.agreements.nodes.flatMap((mou) => {
  const signed = mou.signedOn ?? '';
  if (mou.signatories.length === 0) return [[mou.name, signed, '(not named)', mou.parties.map((p) => p.name).join('; '), '']];
  return mou.signatories.map((s) => [mou.name, signed, s.person.name, s.onBehalfOf?.name ?? '', s.stated ? 'stated' : `inferred: ${s.inference}`]);
});
const table = [['MoU', 'signed', 'signatory', 'for', 'how we know'], ...rows];
const widths = table[0]!.map((_, c) => Math.min(48, Math.max(...table.map((row) => row[c]!.length))));
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === row.length - 1 ? cell : cut(cell, widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`\n${data.agreements.totalCount} MoUs`);
