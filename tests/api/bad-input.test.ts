// Bad input to each argument gets a coded GraphQL error with a clear message,
// never a crash, a stack trace or an empty success.

import { describe, expect, it } from 'vitest';
import { codes, logged, run } from './request.js';

const DUNG = 'person:vu-tien-dung';

const cases: [string, string, string, RegExp][] = [
  ['node: unknown id', `{ node(id: "person:vu-tien-dun") { id } }`, 'NOT_FOUND', /no entity has the id "person:vu-tien-dun" \(did you mean "person:vu-tien-dung"\?\)/],
  ['relation: unknown id', `{ relation(id: "SIGNED:a->b") { id } }`, 'NOT_FOUND', /no relation has the id/],
  ['search: empty query', `{ search(query: "  ") { id } }`, 'BAD_USER_INPUT', /no letters or digits/],
  ['search: punctuation-only query', `{ search(query: "?!") { id } }`, 'BAD_USER_INPUT', /no letters or digits/],
  ['search: overlong query', `{ search(query: "${'a'.repeat(201)}") { id } }`, 'BAD_USER_INPUT', /at most 200/],
  ['search: first above range', `{ search(query: "Dung", first: 101) { id } }`, 'BAD_USER_INPUT', /first 101 is out of range 0..100/],
  ['search: unknown kind', `{ search(query: "Dung", kinds: [PERSONS]) { id } }`, 'GRAPHQL_VALIDATION_FAILED', /PERSONS/],
  ['entities: negative first', `{ entities(first: -1) { totalCount } }`, 'BAD_USER_INPUT', /entities: first -1 is out of range 0..100/],
  ['entities: forged cursor', `{ entities(after: "not a cursor") { totalCount } }`, 'BAD_USER_INPUT', /is not a cursor/],
  ['agreements: unknown party', `{ agreements(filter: { party: "police-agency:nowhere" }) { totalCount } }`, 'NOT_FOUND', /agreements: no entity has the id "police-agency:nowhere"/],
  ['agreements: invalid date', `{ agreements(filter: { signedFrom: "2019-02-30" }) { totalCount } }`, 'BAD_USER_INPUT', /"2019-02-30" is not an ISO 8601 date/],
  ['agreements: unknown agreement type', `{ agreements(filter: { agreementType: TREATY }) { totalCount } }`, 'GRAPHQL_VALIDATION_FAILED', /TREATY/],
  ['events: unknown participant', `{ events(filter: { participant: "x:y" }) { totalCount } }`, 'NOT_FOUND', /events: no entity/],
  ['people: unknown agency', `{ people(filter: { agency: "x:y" }) { totalCount } }`, 'NOT_FOUND', /people: no entity/],
  ['agencies: unknown country', `{ agencies(filter: { country: "country:zz" }) { totalCount } }`, 'NOT_FOUND', /agencies: no entity/],
  ['neighborhood: unknown id', `{ neighborhood(id: "person:nobody") { truncated } }`, 'NOT_FOUND', /neighborhood: no entity has the id "person:nobody"/],
  ['neighborhood: depth 0', `{ neighborhood(id: "${DUNG}", depth: 0) { truncated } }`, 'BAD_USER_INPUT', /neighborhood: depth 0 is out of range 1..4/],
  ['neighborhood: depth 9', `{ neighborhood(id: "${DUNG}", depth: 9) { truncated } }`, 'BAD_USER_INPUT', /neighborhood: depth 9 is out of range 1..4/],
  ['neighborhood: limit 0', `{ neighborhood(id: "${DUNG}", limit: 0) { truncated } }`, 'BAD_USER_INPUT', /limit 0 is out of range 1..1000/],
  ['neighborhood: limit 1001', `{ neighborhood(id: "${DUNG}", limit: 1001) { truncated } }`, 'BAD_USER_INPUT', /limit 1001 is out of range 1..1000/],
  ['neighborhood: unknown direction', `{ neighborhood(id: "${DUNG}", direction: UP) { truncated } }`, 'GRAPHQL_VALIDATION_FAILED', /UP/],
  ['neighborhood: unknown relation type', `{ neighborhood(id: "${DUNG}", types: [KNOWS]) { truncated } }`, 'GRAPHQL_VALIDATION_FAILED', /KNOWS/],
  ['shortestPath: unknown from', `{ shortestPath(from: "person:x", to: "${DUNG}") { length } }`, 'NOT_FOUND', /shortestPath: no entity has the id "person:x"/],
  ['shortestPath: unknown to', `{ shortestPath(from: "${DUNG}", to: "person:x") { length } }`, 'NOT_FOUND', /shortestPath: no entity has the id "person:x"/],
  ['paths: maxLength 7', `{ paths(from: "${DUNG}", to: "person:ma-shuliang", maxLength: 7) { length } }`, 'BAD_USER_INPUT', /paths: maxLength 7 is out of range 1..6/],
  ['paths: first 0', `{ paths(from: "${DUNG}", to: "person:ma-shuliang", first: 0) { length } }`, 'BAD_USER_INPUT', /paths: first 0 is out of range 1..100/],
  ['paths: unknown from', `{ paths(from: "person:x", to: "${DUNG}") { length } }`, 'NOT_FOUND', /paths: no entity/],
  ['conflicts: unknown subject', `{ conflicts(about: "event:nothing") { id } }`, 'NOT_FOUND', /conflicts: no entity/],
  ['a wrong argument type', `{ neighborhood(id: "${DUNG}", depth: "two") { truncated } }`, 'GRAPHQL_VALIDATION_FAILED', /Int cannot represent/],
  ['a missing required argument', `{ node { id } }`, 'GRAPHQL_VALIDATION_FAILED', /argument "id" of type "ID!" is required/],
  ['a syntax error', `{ node(id: ) { id }`, 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ['an unknown subscription', `subscription { graphChange { revision } }`, 'GRAPHQL_VALIDATION_FAILED', /Did you mean "graphChanged"/],
  ['an unknown mutation', `mutation { createEntities { entity { id } } }`, 'GRAPHQL_VALIDATION_FAILED', /Did you mean "createEntity"/],
  ['an unknown field', `{ nod(id: "x") { id } }`, 'GRAPHQL_VALIDATION_FAILED', /Did you mean "node"/],
];

describe('bad input', () => {
  it.each(cases)('%s', async (_, query, code, message) => {
    const result = await run(query);
    expect(codes(result)).toEqual([code]);
    expect(result.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |stack/);
  });

  it('reports a bad variable with its name and the reason', async () => {
    const result = await run('query ($d: PartialDate) { agreements(filter: { signedTo: $d }) { totalCount } }', { d: 'May 2019' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/Variable "\$d" got invalid value "May 2019"/);
  });

  it('logs none of the errors a client caused', () => {
    expect(logged).toEqual([]);
  });
});
