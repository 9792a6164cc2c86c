// Random and adversarial operations thrown at the real server in process:
// always a JSON answer, data or errors each with a code, never a stack, and
// the same answer twice. fast-check prints the seed and the failing case.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

const server = createServer(seedGraph(), { log: () => {} });

async function ask(body: string) {
  const response = await server.fetch('http://fuzz/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** What every answer must be: JSON, coded errors, no internals. */
function expectWellFormed({ status, text }: { status: number; text: string }) {
  expect(status).toBeLessThan(500);
  const result = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  expect('data' in result || 'errors' in result).toBe(true);
  for (const error of result.errors ?? []) {
    expect(typeof error.message).toBe('string');
    expect(error.extensions?.code, error.message).toEqual(expect.any(String));
  }
  expect(text).not.toMatch(/\n\s+at |"stack"|node_modules/);
}

const ids = ['person:vu-tien-dung', 'agreement:dien-bien-puer-mou-9', 'area:puer', 'country:vn', 'nobody', ''];
const nasty = fc.oneof(
  fc.constantFrom(...ids),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u202e', '\uffff', '"', '\\', '\n', 'é', '’'), maxLength: 30 }),
  fc.constant('x'.repeat(5000)),
);
const anyInt = fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31), 101, 1001));
const kinds = fc.subarray(['PERSON', 'POLICE_AGENCY', 'AGREEMENT', 'EVENT', 'AREA', 'NOT_A_KIND']);
const types = fc.subarray(['PARTY_TO', 'SIGNED', 'HOLDS_POSITION', 'LED_DELEGATION', 'KNOWS']);
const directions = fc.constantFrom('ANY', 'OUT', 'IN', 'UP');

/** A selection on Entity, nested to a random depth. */
const selection: fc.Arbitrary<string> = fc.letrec<{ sel: string }>((tie) => ({
  sel: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('id name'),
    fc.constant('id ... on Person { rank positions { title agency { name } } }'),
    tie('sel').map((inner) => `id relations { type from { ${inner} } to { id } }`),
    tie('sel').map((inner) => `id ... on Agreement { parties { ${inner} } signatories { person { ${inner} } } }`),
  ),
})).sel;

const field = fc.oneof(
  fc.tuple(nasty, selection).map(([id, sel]) => `node(id: ${JSON.stringify(id)}) { ${sel} }`),
  fc.tuple(nasty, kinds, anyInt, selection).map(([q, k, n, sel]) => `search(query: ${JSON.stringify(q)}, kinds: [${k.join(', ')}], first: ${n}) { ${sel} }`),
  fc.tuple(nasty, anyInt, directions, types, anyInt, selection).map(
    ([id, depth, dir, t, limit, sel]) => `neighborhood(id: ${JSON.stringify(id)}, depth: ${depth}, direction: ${dir}, types: [${t.join(', ')}], limit: ${limit}) { truncated nodes { ${sel} } }`,
  ),
  fc.tuple(nasty, nasty, directions, anyInt, anyInt).map(
    ([a, b, dir, len, first]) => `paths(from: ${JSON.stringify(a)}, to: ${JSON.stringify(b)}, direction: ${dir}, maxLength: ${len}, first: ${first}) { length nodes { id } }`,
  ),
  fc.tuple(nasty, nasty).map(([a, b]) => `shortestPath(from: ${JSON.stringify(a)}, to: ${JSON.stringify(b)}) { length }`),
  fc.tuple(anyInt, nasty).map(([n, after]) => `agreements(first: ${n}, after: ${JSON.stringify(after)}) { totalCount nodes { id } }`),
  fc.tuple(nasty).map(([d]) => `events(filter: { from: ${JSON.stringify(d)} }) { totalCount }`),
  fc.constant('stats { entities byKind { kind count } }'),
);

const operation = fc.oneof(
  { weight: 5, arbitrary: fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => `{ ${fields.map((f, i) => `f${i}: ${f}`).join(' ')} }`) },
  // adversarial shapes
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }).map((n) => `{ stats { ${'entities '.repeat(n)}} }`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 80 }).map((n) => `{ stats { entities ${'@skip(if: false) '.repeat(n)}} }`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((n) => `{ node(id: "person:vu-tien-dung") { ${'relations { from { '.repeat(n)}id${' } }'.repeat(n)} } }`) },
  { weight: 1, arbitrary: fc.constant('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('{', '}', '(', ')', '[', ']', '"', ':', '@', '$', '.', ' ', 'a', '#', '\n'), maxLength: 300 }) },
);

describe('fuzzing the GraphQL API', () => {
  it('answers any operation with well-formed, coded, stable results', async () => {
    await fc.assert(
      fc.asyncProperty(operation, async (query) => {
        const body = JSON.stringify({ query });
        const first = await ask(body);
        expectWellFormed(first);
        const again = await ask(body);
        expect(again.text).toBe(first.text);
      }),
      { numRuns: 1500, seed: 20261123 },
    );
  });

  it('answers random variables of every argument type with coded errors or data', async () => {
    const query = `query ($id: ID!, $depth: Int, $types: [RelationType!], $kinds: [EntityKind!], $limit: Int, $date: PartialDate, $min: Float) {
      neighborhood(id: $id, depth: $depth, types: $types, kinds: $kinds, limit: $limit) { truncated nodes { id } }
      agreements(filter: { signedFrom: $date }) { totalCount }
      relations(minConfidence: $min) { totalCount }
    }`;
    const value = fc.oneof(fc.jsonValue(), nasty, anyInt, fc.double(), fc.constant(null), fc.array(nasty, { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.record({ id: value, depth: value, types: value, kinds: value, limit: value, date: value, min: value }), async (variables) => {
        expectWellFormed(await ask(JSON.stringify({ query, variables })));
      }),
      { numRuns: 800, seed: 20261124 },
    );
  });
});
