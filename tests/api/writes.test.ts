// Writes over GraphQL against a writable server on a fresh copy of graph/:
// every mutation's success and payload, its refusals (coded, and changing
// nothing), the change log (who, when, in order), ingestion's idempotency and
// size limit, a read-only server's refusal, and the change feed over SSE.

import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../../src/server.js';
import { readData } from '../../src/write/open-data.js';
import { seedGraph } from '../seed-graph.js';
import { testTokens, TOKENS } from './request.js';
import { AGENCY, ARTICLE, codesOf, ENDPOINT, send, writingServer, type Answer, type WritingServer } from './writing-server.js';

const ED: { token: string } = { token: TOKENS.editor };
const AD: { token: string } = { token: TOKENS.admin };

const phongsaly = readFileSync(new URL('../fixtures/ingest/dien-bien-phongsaly.txt', import.meta.url), 'utf8');
const laoCai = readFileSync(new URL('../fixtures/articles/lao-cai-honghe.txt', import.meta.url), 'utf8');
const PHONGSALY_ID = 'article:2019-12-18-dien-bien-police-and-phongsaly-police-of-laos';

/** Everything a reader sees of an entity. */
const ENTITY = `id kind __typename name aliases stated inference confidence attributes
  assertedBy { by at }
  evidence { article { id } quote start end }
  relations { id type from { id } to { id } properties stated inference evidence { article { id } quote start end } assertedBy { by at } }
  conflicts { id about }`;
const RELATION = `id type from { id } to { id } properties stated inference confidence
  assertedBy { by at }
  evidence { article { id } quote start end }`;
const CHANGE = 'change { revision kind ids by at removedIds idempotencyKey }';

const CREATE_ENTITY = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { ${CHANGE} entity { ${ENTITY} } } }`;
const UPDATE_ENTITY = `mutation ($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { ${CHANGE} entity { ${ENTITY} } } }`;
const DELETE_ENTITY = `mutation ($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { ${CHANGE} deletedIds } }`;
const CREATE_RELATION = `mutation ($input: CreateRelationInput!) { createRelation(input: $input) { ${CHANGE} relation { ${RELATION} } } }`;
const DELETE_RELATION = `mutation ($id: ID!) { deleteRelation(id: $id) { ${CHANGE} deletedIds } }`;
const MERGE = `mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { ${CHANGE} mergedId entity { ${ENTITY} } } }`;
const UNMERGE = `mutation ($id: ID!) { unmergeEntity(id: $id) { ${CHANGE} entity { ${ENTITY} } from { ${ENTITY} } } }`;
const INGEST = `mutation ($text: String!, $dryRun: Boolean, $key: String) {
  ingestArticle(input: { text: $text }, dryRun: $dryRun, idempotencyKey: $key) {
    articleId alreadyIngested warnings
    entities { id kind resolution evidence { articleId quote start end } }
    relations { id type from to }
    ${CHANGE}
  }
}`;
const NODE = `query ($id: ID!) { node(id: $id) { ${ENTITY} } }`;

const w: WritingServer = await writingServer();
let articleText = '';

beforeAll(async () => {
  articleText = (await w.gql(`{ node(id: "${ARTICLE}") { ... on Article { text } } }`)).data.node.text;
  expect(articleText).toContain('Lang Son');
});

/** The entity as a reader sees it (null when the id is unknown). */
async function entityJson(server: WritingServer, id: string): Promise<any> {
  const result = await server.gql(NODE, { id });
  return result.data?.node ?? null;
}

/** Expects the write to be refused with `code` (and the message), and to change nothing. */
async function expectRefused(server: WritingServer, write: () => Promise<Answer>, code: string, message?: RegExp): Promise<Answer> {
  const revision = await server.revision();
  const entities = await server.entityCount();
  const relations = (await server.gql('{ stats { relations } }')).data.stats.relations;
  const history = server.writer.history.length;
  const result = await write();
  expect(codesOf(result), JSON.stringify(result.errors)).toEqual([code]);
  if (message) expect(result.errors![0]!.message).toMatch(message);
  expect(await server.revision()).toBe(revision);
  expect(await server.entityCount()).toBe(entities);
  expect((await server.gql('{ stats { relations } }')).data.stats.relations).toBe(relations);
  expect(server.writer.history.length).toBe(history);
  return result;
}

/** Expects an ISO date between two instants. */
function expectBetween(at: string, from: number, to: number): void {
  expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const t = Date.parse(at);
  expect(t).toBeGreaterThanOrEqual(from);
  expect(t).toBeLessThanOrEqual(to);
}

/** Creates a person (as the editor), expecting success; returns the payload. */
async function createPerson(server: WritingServer, input: Record<string, unknown>): Promise<any> {
  const result = await server.gql(CREATE_ENTITY, { input: { kind: 'PERSON', ...input } }, ED);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.createEntity;
}

describe('createEntity', () => {
  it('creates an entity with evidence, recording who asserted it and when', async () => {
    const revision = await w.revision();
    const count = await w.entityCount();
    const t0 = Date.now();
    const input = { kind: 'PERSON', name: 'Tran Van Binh', aliases: ['T. V. Binh'], attributes: { rank: 'Colonel', nationality: 'VN' }, evidence: [{ article: ARTICLE, quote: 'Lang Son' }] };
    const result = await w.gql(CREATE_ENTITY, { input }, ED);
    const t1 = Date.now();
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    const { change, entity } = result.data.createEntity;
    const start = articleText.indexOf('Lang Son');
    expect(entity).toMatchObject({
      id: 'person:tran-van-binh',
      kind: 'PERSON',
      __typename: 'Person',
      name: 'Tran Van Binh',
      aliases: ['T. V. Binh'],
      stated: true,
      inference: null,
      confidence: null,
      attributes: { rank: 'Colonel', nationality: 'VN' },
      assertedBy: { by: 'ed' },
      evidence: [{ article: { id: ARTICLE }, quote: 'Lang Son', start, end: start + 'Lang Son'.length }],
      relations: [],
    });
    expect(articleText.slice(entity.evidence[0].start, entity.evidence[0].end)).toBe('Lang Son');
    expectBetween(entity.assertedBy.at, t0, t1);
    expect(change).toEqual({ revision: revision + 1, kind: 'CREATE_ENTITY', ids: ['person:tran-van-binh'], by: 'ed', at: entity.assertedBy.at, removedIds: [], idempotencyKey: null });
    expect(await w.revision()).toBe(revision + 1);
    expect(await w.entityCount()).toBe(count + 1);
    expect(await entityJson(w, 'person:tran-van-binh')).toEqual(entity);
  });

  it('keeps the offsets given when the quote is there, and a chosen id', async () => {
    const second = articleText.indexOf('Lang Son', articleText.indexOf('Lang Son') + 1);
    expect(second).toBeGreaterThan(0);
    const input = {
      kind: 'POLICE_AGENCY',
      id: 'police-agency:lang-son-border-guard-test',
      name: 'Lang Son Border Guard (test)',
      attributes: { level: 'PROVINCIAL' },
      stated: false,
      inference: 'named for the test',
      evidence: [{ article: ARTICLE, quote: 'Lang Son', start: second, end: second + 8 }],
    };
    const result = await w.gql(CREATE_ENTITY, { input }, AD);
    expect(result.errors).toBeUndefined();
    expect(result.data.createEntity.entity).toMatchObject({
      id: 'police-agency:lang-son-border-guard-test',
      __typename: 'PoliceAgency',
      stated: false,
      inference: 'named for the test',
      attributes: { level: 'PROVINCIAL' },
      assertedBy: { by: 'ad' },
      evidence: [{ article: { id: ARTICLE }, quote: 'Lang Son', start: second, end: second + 8 }],
    });
    expect(result.data.createEntity.change).toMatchObject({ kind: 'CREATE_ENTITY', by: 'ad' });
  });

  it('creates an entity without evidence, asserted by its author', async () => {
    const { entity } = await createPerson(w, { name: 'Le Thi Unsourced' });
    expect(entity).toMatchObject({ id: 'person:le-thi-unsourced', evidence: [], assertedBy: { by: 'ed' }, attributes: {} });
  });

  it.each([
    ['an unknown attribute', { kind: 'PERSON', name: 'Bad Attr', attributes: { colour: 'red' } }, 'BAD_USER_INPUT', /unknown attribute "colour" for Person/],
    ['an unknown level', { kind: 'POLICE_AGENCY', name: 'Galactic Police', attributes: { level: 'GALACTIC' } }, 'BAD_USER_INPUT', /unknown value "GALACTIC"/],
    ['a country code that is not one', { kind: 'PERSON', name: 'Bad Nationality', attributes: { nationality: 'Vietnam' } }, 'BAD_USER_INPUT', /ISO 3166-1 alpha-2/],
    ['a missing required attribute', { kind: 'AGREEMENT', name: 'Some MoU' }, 'BAD_USER_INPUT', /needs the attribute "agreementType"/],
    ['a quote not in the article', { kind: 'PERSON', name: 'Bad Quote', evidence: [{ article: ARTICLE, quote: 'Hanoi Capital Police' }] }, 'BAD_USER_INPUT', /is not in the text/],
    ['offsets that are not the quote', { kind: 'PERSON', name: 'Bad Offsets', evidence: [{ article: ARTICLE, quote: 'Lang Son', start: 0, end: 8 }] }, 'BAD_USER_INPUT', /is not at 0\.\.8/],
    ['evidence from an unknown article', { kind: 'PERSON', name: 'Bad Article', evidence: [{ article: 'article:nope', quote: 'Lang Son' }] }, 'BAD_USER_INPUT', /no article has the id "article:nope"/],
    ['an article', { kind: 'ARTICLE', name: 'An article' }, 'BAD_USER_INPUT', /through ingestArticle/],
    ['an id of another kind', { kind: 'PERSON', id: 'police-agency:someone', name: 'Someone' }, 'BAD_USER_INPUT', /must start with "person:"/],
    ['stated: false without an inference', { kind: 'PERSON', name: 'No Reason', stated: false }, 'BAD_USER_INPUT', /needs an "inference"/],
    ['an empty name', { kind: 'PERSON', name: '  ' }, 'BAD_USER_INPUT', undefined],
    ['an id the graph holds', { kind: 'POLICE_AGENCY', name: 'Lang Son Provincial Police Department' }, 'ALREADY_EXISTS', /exists already/],
  ])('refuses %s', async (_, input, code, message) => {
    await expectRefused(w, () => w.gql(CREATE_ENTITY, { input }, ED), code, message);
  });

  it.each([
    ['an unknown EntityKind', CREATE_ENTITY, { input: { kind: 'ROBOT', name: 'R2' } }, /Value "ROBOT" does not exist in "EntityKind" enum/],
    ['an unknown RelationType', CREATE_RELATION, { input: { type: 'LIKES', from: 'person:tran-van-binh', to: AGENCY } }, /Value "LIKES" does not exist in "RelationType" enum/],
  ])('refuses %s in a variable before running (400, BAD_USER_INPUT)', async (_, query, variables, message) => {
    const result = await expectRefused(w, () => w.gql(query, variables, ED), 'BAD_USER_INPUT', message);
    expect(result.status).toBe(400);
  });

  it('refuses an id created a moment ago', async () => {
    await createPerson(w, { name: 'Twice Made' });
    await expectRefused(w, () => w.gql(CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Twice Made' } }, ED), 'ALREADY_EXISTS', /"person:twice-made" exists already/);
  });
});

describe('updateEntity', () => {
  it('corrects an entity: name, aliases, attributes (null removes one) and added evidence', async () => {
    const created = (await createPerson(w, { name: 'Pham Van Cuong', aliases: ['P. V. Cuong'], attributes: { rank: 'Major', nationality: 'VN' }, evidence: [{ article: ARTICLE, quote: 'Lang Son' }] })).entity;
    const revision = await w.revision();
    const t0 = Date.now();
    const result = await w.gql(
      UPDATE_ENTITY,
      { id: created.id, input: { name: 'Pham Van Cuong Jr', aliases: ['Cuong'], attributes: { rank: 'Colonel', nationality: null }, addEvidence: [{ article: ARTICLE, quote: 'Quang Ninh' }] } },
      ED,
    );
    const t1 = Date.now();
    expect(result.errors).toBeUndefined();
    const { change, entity } = result.data.updateEntity;
    const quang = articleText.indexOf('Quang Ninh');
    expect(entity).toMatchObject({
      id: created.id,
      name: 'Pham Van Cuong Jr',
      aliases: ['Cuong'],
      attributes: { rank: 'Colonel' },
      evidence: [created.evidence[0], { article: { id: ARTICLE }, quote: 'Quang Ninh', start: quang, end: quang + 'Quang Ninh'.length }],
      // who asserted the entity stays; who corrected it is the change's record
      assertedBy: created.assertedBy,
    });
    expect(entity.attributes).not.toHaveProperty('nationality');
    expect(change).toMatchObject({ revision: revision + 1, kind: 'UPDATE_ENTITY', ids: [created.id], by: 'ed' });
    expectBetween(change.at, t0, t1);
    expect(await entityJson(w, created.id)).toEqual(entity);
  });

  it('corrects a seed entity', async () => {
    const result = await w.gql(UPDATE_ENTITY, { id: AGENCY, input: { aliases: ['Lang Son PPD', 'Lang Son police'] } }, ED);
    expect(result.errors).toBeUndefined();
    expect(result.data.updateEntity.entity.aliases).toEqual(['Lang Son PPD', 'Lang Son police']);
  });

  it.each([
    ['an unknown id', 'person:nobody-at-all', { name: 'X' }, 'NOT_FOUND', /no entity has the id "person:nobody-at-all"/],
    ['an unknown attribute', AGENCY, { attributes: { colour: 'red' } }, 'BAD_USER_INPUT', /unknown attribute "colour"/],
    ['an unknown level', AGENCY, { attributes: { level: 'GALACTIC' } }, 'BAD_USER_INPUT', /unknown value "GALACTIC"/],
    ['a quote not in the article', AGENCY, { addEvidence: [{ article: ARTICLE, quote: 'nowhere in the text' }] }, 'BAD_USER_INPUT', /is not in the text/],
    ['nothing to change', AGENCY, {}, 'BAD_USER_INPUT', /nothing to change/],
    ['an article', ARTICLE, { name: 'Renamed' }, 'BAD_USER_INPUT', /articles change only by ingestion/],
    ['an empty name', AGENCY, { name: '' }, 'BAD_USER_INPUT', undefined],
  ])('refuses %s', async (_, id, input, code, message) => {
    const before = await entityJson(w, id);
    await expectRefused(w, () => w.gql(UPDATE_ENTITY, { id, input }, ED), code, message);
    expect(await entityJson(w, id)).toEqual(before);
  });
});

describe('createRelation and deleteRelation', () => {
  const RELATION_ID = `HOLDS_POSITION:person:hoang-van-duc->${AGENCY}`;

  it('creates a relation with evidence, recording who asserted it', async () => {
    await createPerson(w, { name: 'Hoang Van Duc' });
    const revision = await w.revision();
    const t0 = Date.now();
    const quote = 'Lang Son Provincial Police Department';
    const result = await w.gql(
      CREATE_RELATION,
      { input: { type: 'HOLDS_POSITION', from: 'person:hoang-van-duc', to: AGENCY, properties: { title: 'Director' }, evidence: [{ article: ARTICLE, quote }] } },
      ED,
    );
    const t1 = Date.now();
    expect(result.errors).toBeUndefined();
    const { change, relation } = result.data.createRelation;
    const start = articleText.indexOf(quote);
    expect(relation).toMatchObject({
      id: RELATION_ID,
      type: 'HOLDS_POSITION',
      from: { id: 'person:hoang-van-duc' },
      to: { id: AGENCY },
      properties: { title: 'Director' },
      stated: true,
      inference: null,
      confidence: null,
      assertedBy: { by: 'ed' },
      evidence: [{ article: { id: ARTICLE }, quote, start, end: start + quote.length }],
    });
    expectBetween(relation.assertedBy.at, t0, t1);
    expect(change).toEqual({ revision: revision + 1, kind: 'CREATE_RELATION', ids: [RELATION_ID], by: 'ed', at: relation.assertedBy.at, removedIds: [], idempotencyKey: null });
    const read = await w.gql(`query ($id: ID!) { relation(id: $id) { ${RELATION} } }`, { id: RELATION_ID });
    expect(read.data.relation).toEqual(relation);
    expect((await entityJson(w, 'person:hoang-van-duc')).relations.map((r: any) => r.id)).toEqual([RELATION_ID]);
  });

  it.each([
    ['an unknown end', { type: 'HOLDS_POSITION', from: 'person:nobody-at-all', to: AGENCY }, 'NOT_FOUND', /no entity has the id "person:nobody-at-all"/],
    ['ends of the wrong kinds', { type: 'HOLDS_POSITION', from: AGENCY, to: 'person:hoang-van-duc' }, 'BAD_USER_INPUT', /cannot go from a PoliceAgency to a Person/],
    ['an unknown property', { type: 'HOLDS_POSITION', from: 'person:tran-van-binh', to: AGENCY, properties: { salary: 10 } }, 'BAD_USER_INPUT', /properties\.salary: unknown .*"salary" for HOLDS_POSITION \(allowed: title, rank\)/],
    ['a quote not in the article', { type: 'HOLDS_POSITION', from: 'person:tran-van-binh', to: AGENCY, evidence: [{ article: ARTICLE, quote: 'not a quote at all' }] }, 'BAD_USER_INPUT', /is not in the text/],
    ['a relation that exists', { type: 'HOLDS_POSITION', from: 'person:hoang-van-duc', to: AGENCY }, 'ALREADY_EXISTS', /exists already/],
    ['a relation to itself', { type: 'SUBORDINATE_TO', from: AGENCY, to: AGENCY }, 'BAD_USER_INPUT', /to itself/],
  ])('refuses %s', async (_, input, code, message) => {
    await expectRefused(w, () => w.gql(CREATE_RELATION, { input }, ED), code, message);
  });

  it('deletes a relation', async () => {
    const revision = await w.revision();
    const result = await w.gql(DELETE_RELATION, { id: RELATION_ID }, AD);
    expect(result.errors).toBeUndefined();
    expect(result.data.deleteRelation).toMatchObject({
      deletedIds: [RELATION_ID],
      change: { revision: revision + 1, kind: 'DELETE_RELATION', ids: [RELATION_ID], by: 'ad', removedIds: [RELATION_ID] },
    });
    const read = await w.gql(`query ($id: ID!) { relation(id: $id) { id } }`, { id: RELATION_ID });
    expect(codesOf(read)).toEqual(['NOT_FOUND']);
    expect((await entityJson(w, 'person:hoang-van-duc')).relations).toEqual([]);
  });

  it('refuses to delete an unknown relation', async () => {
    await expectRefused(w, () => w.gql(DELETE_RELATION, { id: RELATION_ID }, AD), 'NOT_FOUND', /no relation has the id/);
  });
});

describe('deleteEntity', () => {
  it('deletes an entity without relations', async () => {
    await createPerson(w, { name: 'Vo Van Gone' });
    const revision = await w.revision();
    const count = await w.entityCount();
    const result = await w.gql(DELETE_ENTITY, { id: 'person:vo-van-gone' }, AD);
    expect(result.errors).toBeUndefined();
    expect(result.data.deleteEntity).toMatchObject({
      deletedIds: ['person:vo-van-gone'],
      change: { revision: revision + 1, kind: 'DELETE_ENTITY', ids: ['person:vo-van-gone'], by: 'ad', removedIds: ['person:vo-van-gone'] },
    });
    expect(await w.entityCount()).toBe(count - 1);
    expect(codesOf(await w.gql(NODE, { id: 'person:vo-van-gone' }))).toEqual(['NOT_FOUND']);
  });

  it('refuses an entity with relations unless cascade, then deletes them too', async () => {
    await createPerson(w, { name: 'Ngo Van Linked' });
    const relationId = `HOLDS_POSITION:person:ngo-van-linked->${AGENCY}`;
    expect((await w.gql(CREATE_RELATION, { input: { type: 'HOLDS_POSITION', from: 'person:ngo-van-linked', to: AGENCY } }, ED)).errors).toBeUndefined();
    const before = await entityJson(w, 'person:ngo-van-linked');
    await expectRefused(w, () => w.gql(DELETE_ENTITY, { id: 'person:ngo-van-linked' }, AD), 'PRECONDITION_FAILED', /1 relation points at "person:ngo-van-linked".*pass cascade: true/);
    await expectRefused(w, () => w.gql(DELETE_ENTITY, { id: 'person:ngo-van-linked', cascade: false }, AD), 'PRECONDITION_FAILED');
    expect(await entityJson(w, 'person:ngo-van-linked')).toEqual(before);

    const revision = await w.revision();
    const count = await w.entityCount();
    const result = await w.gql(DELETE_ENTITY, { id: 'person:ngo-van-linked', cascade: true }, AD);
    expect(result.errors).toBeUndefined();
    expect([...result.data.deleteEntity.deletedIds].sort()).toEqual([relationId, 'person:ngo-van-linked'].sort());
    expect(result.data.deleteEntity.change).toMatchObject({ revision: revision + 1, kind: 'DELETE_ENTITY', ids: ['person:ngo-van-linked', relationId], by: 'ad' });
    expect(await w.entityCount()).toBe(count - 1);
    expect(codesOf(await w.gql(`query ($id: ID!) { relation(id: $id) { id } }`, { id: relationId }))).toEqual(['NOT_FOUND']);
    expect((await entityJson(w, AGENCY)).relations.map((r: any) => r.id)).not.toContain(relationId);
  });

  it('refuses a seed entity with relations', async () => {
    await expectRefused(w, () => w.gql(DELETE_ENTITY, { id: AGENCY }, AD), 'PRECONDITION_FAILED', /relations point at/);
  });

  it('refuses an unknown id', async () => {
    await expectRefused(w, () => w.gql(DELETE_ENTITY, { id: 'person:nobody-at-all', cascade: true }, AD), 'NOT_FOUND');
  });
});

describe('mergeEntities and unmergeEntity', () => {
  const KEEP = 'person:do-van-keep';
  const DUP = 'person:do-van-dup';

  it('merges a duplicate into the entity kept, and unmerges both back exactly', async () => {
    await createPerson(w, { name: 'Do Van Keep', aliases: ['Keep A'], attributes: { rank: 'Colonel' }, evidence: [{ article: ARTICLE, quote: 'Lang Son' }] });
    await createPerson(w, { name: 'Do Van Dup', aliases: ['Dup B'], attributes: { nationality: 'VN' }, evidence: [{ article: ARTICLE, quote: 'Cao Bang' }, { article: ARTICLE, quote: 'Ha Giang' }] });
    expect((await w.gql(CREATE_RELATION, { input: { type: 'HOLDS_POSITION', from: DUP, to: AGENCY, properties: { title: 'Deputy' } } }, ED)).errors).toBeUndefined();
    const keepBefore = await entityJson(w, KEEP);
    const dupBefore = await entityJson(w, DUP);
    const agencyBefore = await entityJson(w, AGENCY);
    const count = await w.entityCount();
    const revision = await w.revision();

    const merged = await w.gql(MERGE, { keep: KEEP, merge: DUP }, AD);
    expect(merged.errors).toBeUndefined();
    const { change, entity, mergedId } = merged.data.mergeEntities;
    expect(mergedId).toBe(DUP);
    expect(change).toMatchObject({ revision: revision + 1, kind: 'MERGE_ENTITIES', ids: [KEEP, DUP], by: 'ad' });
    expect(change.removedIds).toContain(DUP);
    expect(entity.id).toBe(KEEP);
    // every alias of both, the duplicate's name among them
    expect(entity.aliases).toEqual(expect.arrayContaining([...keepBefore.aliases, dupBefore.name, ...dupBefore.aliases]));
    // every piece of evidence of both
    expect(entity.evidence).toHaveLength(keepBefore.evidence.length + dupBefore.evidence.length);
    expect(entity.evidence).toEqual(expect.arrayContaining([...keepBefore.evidence, ...dupBefore.evidence]));
    expect(entity.attributes).toEqual({ rank: 'Colonel', nationality: 'VN' });
    expect(entity.relations.map((r: any) => r.id)).toEqual([`HOLDS_POSITION:${KEEP}->${AGENCY}`]);
    expect(await w.entityCount()).toBe(count - 1);
    // the merged id resolves to the entity kept
    const viaMerged = await w.gql(NODE, { id: DUP });
    expect(viaMerged.errors).toBeUndefined();
    expect(viaMerged.data.node).toEqual(entity);
    expect(await entityJson(w, KEEP)).toEqual(entity);

    const unmerged = await w.gql(UNMERGE, { id: DUP }, AD);
    expect(unmerged.errors).toBeUndefined();
    expect(unmerged.data.unmergeEntity.change).toMatchObject({ revision: revision + 2, kind: 'UNMERGE_ENTITY', ids: [DUP, KEEP], by: 'ad' });
    expect(unmerged.data.unmergeEntity.entity).toEqual(dupBefore);
    expect(unmerged.data.unmergeEntity.from).toEqual(keepBefore);
    expect(await entityJson(w, DUP)).toEqual(dupBefore);
    expect(await entityJson(w, KEEP)).toEqual(keepBefore);
    expect(await entityJson(w, AGENCY)).toEqual(agencyBefore);
    expect(await w.entityCount()).toBe(count);
  });

  it('refuses to unmerge once the entity kept has changed since', async () => {
    expect((await w.gql(MERGE, { keep: KEEP, merge: DUP }, AD)).errors).toBeUndefined();
    expect((await w.gql(UPDATE_ENTITY, { id: KEEP, input: { attributes: { rank: 'General' } } }, ED)).errors).toBeUndefined();
    const kept = await entityJson(w, KEEP);
    await expectRefused(w, () => w.gql(UNMERGE, { id: DUP }, AD), 'PRECONDITION_FAILED', /has changed since "person:do-van-dup" was merged/);
    expect(await entityJson(w, KEEP)).toEqual(kept);
    expect((await entityJson(w, DUP)).id).toBe(KEEP);
    // nor may a new entity take the merged id
    await expectRefused(w, () => w.gql(CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Do Van Dup' } }, ED), 'ALREADY_EXISTS', /"person:do-van-dup" was merged into "person:do-van-keep"/);
  });

  it.each([
    ['mergeEntities', 'an entity into itself', MERGE, { keep: AGENCY, merge: AGENCY }, 'BAD_USER_INPUT', /cannot be merged into itself/],
    ['mergeEntities', 'entities of two kinds', MERGE, { keep: AGENCY, merge: 'person:tran-van-binh' }, 'BAD_USER_INPUT', /only entities of one kind merge/],
    ['mergeEntities', 'an unknown entity kept', MERGE, { keep: 'person:nobody-at-all', merge: 'person:tran-van-binh' }, 'NOT_FOUND', /nobody-at-all/],
    ['mergeEntities', 'an unknown duplicate', MERGE, { keep: 'person:tran-van-binh', merge: 'person:nobody-at-all' }, 'NOT_FOUND', /nobody-at-all/],
    ['mergeEntities', 'a duplicate merged already', MERGE, { keep: 'person:tran-van-binh', merge: 'person:do-van-dup' }, 'NOT_FOUND', /was merged into "person:do-van-keep"/],
    ['unmergeEntity', 'an entity never merged', UNMERGE, { id: 'person:tran-van-binh' }, 'BAD_USER_INPUT', /is not merged/],
    ['unmergeEntity', 'an unknown id', UNMERGE, { id: 'person:nobody-at-all' }, 'NOT_FOUND', /no merge of "person:nobody-at-all"/],
  ])('%s refuses %s', async (_op, _, query, variables, code, message) => {
    await expectRefused(w, () => w.gql(query, variables, AD), code, message);
  });

  it('refuses to merge two entities a relation links', async () => {
    await createPerson(w, { name: 'Linked One' });
    expect(
      (await w.gql(CREATE_ENTITY, { input: { kind: 'POLICE_AGENCY', name: 'Linked Agency', attributes: { level: 'DISTRICT' } } }, ED)).errors,
    ).toBeUndefined();
    expect(
      (await w.gql(CREATE_RELATION, { input: { type: 'SUBORDINATE_TO', from: 'police-agency:linked-agency', to: AGENCY } }, ED)).errors,
    ).toBeUndefined();
    await expectRefused(w, () => w.gql(MERGE, { keep: AGENCY, merge: 'police-agency:linked-agency' }, AD), 'PRECONDITION_FAILED', /links the two/);
  });
});

describe('ingestArticle', () => {
  it('commits an article with dryRun: false', async () => {
    const revision = await w.revision();
    const count = await w.entityCount();
    const t0 = Date.now();
    const result = await w.gql(INGEST, { text: phongsaly, dryRun: false }, ED);
    const t1 = Date.now();
    expect(result.errors).toBeUndefined();
    const proposal = result.data.ingestArticle;
    expect(proposal.articleId).toBe(PHONGSALY_ID);
    expect(proposal.alreadyIngested).toBeNull();
    expect(proposal.change).toMatchObject({ revision: revision + 1, kind: 'INGEST_ARTICLE', by: 'ed', removedIds: [], idempotencyKey: null });
    expect(proposal.change.ids[0]).toBe(PHONGSALY_ID);
    expectBetween(proposal.change.at, t0, t1);
    // the article's own quotes point into its text (entities it joined keep their other articles' evidence too)
    const own = proposal.entities.flatMap((e: any) => e.evidence.filter((ev: any) => ev.articleId === PHONGSALY_ID));
    expect(own.length).toBeGreaterThan(0);
    for (const ev of own) expect(phongsaly.slice(ev.start, ev.end)).toBe(ev.quote);
    const added = proposal.entities.filter((e: any) => e.resolution === 'NEW').length;
    expect(await w.entityCount()).toBe(count + added);
    expect(await w.revision()).toBe(revision + 1);

    const article = await w.gql(`query ($id: ID!) { node(id: $id) { id __typename ... on Article { text } } }`, { id: PHONGSALY_ID });
    expect(article.errors).toBeUndefined();
    expect(article.data.node).toEqual({ id: PHONGSALY_ID, __typename: 'Article', text: phongsaly });
    // the proposed relations are in the graph
    for (const r of proposal.relations) {
      const read = await w.gql(`query ($id: ID!) { relation(id: $id) { id } }`, { id: r.id });
      expect(read.errors, r.id).toBeUndefined();
    }
  });

  it('then says the article is held already, writing nothing', async () => {
    const revision = await w.revision();
    const again = await w.gql(INGEST, { text: phongsaly, dryRun: false }, ED);
    expect(again.errors).toBeUndefined();
    expect(again.data.ingestArticle).toMatchObject({ alreadyIngested: PHONGSALY_ID, entities: [], relations: [], change: null });
    expect(await w.revision()).toBe(revision);
  });

  it.each([
    ['an empty text', { text: '   ' }, 'BAD_USER_INPUT'],
    ['a text with no date', { text: 'The Lao Cai Provincial Police and the Honghe police met in Hekou to review cooperation against drug trafficking and human trafficking along the border, and agreed to exchange information.' }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_, variables, code) => {
    await expectRefused(w, () => w.gql(INGEST, { ...variables, dryRun: false }, ED), code);
  });
});

describe('ingestArticle: idempotency and size', () => {
  it('writes once under one idempotency key', async () => {
    const revision = await w.revision();
    const first = await w.gql(INGEST, { text: laoCai, dryRun: false, key: 'lao-cai-once' }, ED);
    expect(first.errors).toBeUndefined();
    const change = first.data.ingestArticle.change;
    expect(change).toMatchObject({ revision: revision + 1, kind: 'INGEST_ARTICLE', by: 'ed', idempotencyKey: 'lao-cai-once' });
    const count = await w.entityCount();

    const second = await w.gql(INGEST, { text: laoCai, dryRun: false, key: 'lao-cai-once' }, ED);
    expect(second.errors).toBeUndefined();
    expect(second.data.ingestArticle.change).toEqual(change);
    expect(second.data.ingestArticle.articleId).toBe(first.data.ingestArticle.articleId);
    expect(second.data.ingestArticle.warnings.join('\n')).toMatch(/committed before, under this idempotency key, at revision/);
    expect(await w.revision()).toBe(revision + 1);
    expect(await w.entityCount()).toBe(count);
    expect(w.writer.history.filter((r) => r.change.idempotencyKey === 'lao-cai-once')).toHaveLength(1);
  });

  it('refuses the same key with another text', async () => {
    const other = readFileSync(new URL('../fixtures/articles/ha-giang-maguan.txt', import.meta.url), 'utf8');
    await expectRefused(w, () => w.gql(INGEST, { text: other, dryRun: false, key: 'lao-cai-once' }, ED), 'BAD_USER_INPUT', /idempotency key "lao-cai-once" was used for another article/);
    // nor did it slip in as a new article
    const dry = await w.gql(INGEST, { text: other }, ED);
    expect(dry.data.ingestArticle.alreadyIngested).toBeNull();
  });

  it('refuses an article over 500,000 characters with PAYLOAD_TOO_LARGE', async () => {
    const paragraph = 'The police of the two provinces met to review the cooperation and agreed to exchange information on crime.\n';
    const text = `${phongsaly}\n${paragraph.repeat(Math.ceil(500_001 / paragraph.length))}`;
    expect(text.length).toBeGreaterThan(500_000);
    await expectRefused(w, () => w.gql(INGEST, { text, dryRun: false, key: 'too-large' }, ED), 'PAYLOAD_TOO_LARGE', /at most 500000/);
    expect(w.writer.findByKey('too-large')).toBeNull();
  });
});

describe('the change log', () => {
  it('records who made every change and when, revisions 1..n in order', async () => {
    const log = await writingServer();
    const t0 = Date.now();
    const steps: [string, string, Record<string, unknown>, { token: string }][] = [
      ['CREATE_ENTITY', CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Log One', evidence: [{ article: ARTICLE, quote: 'Lang Son' }] } }, ED],
      ['CREATE_ENTITY', CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Log Two' } }, AD],
      ['UPDATE_ENTITY', UPDATE_ENTITY, { id: 'person:log-one', input: { attributes: { rank: 'Major' } } }, ED],
      ['CREATE_RELATION', CREATE_RELATION, { input: { type: 'HOLDS_POSITION', from: 'person:log-two', to: AGENCY } }, ED],
      ['MERGE_ENTITIES', MERGE, { keep: 'person:log-one', merge: 'person:log-two' }, AD],
      ['UNMERGE_ENTITY', UNMERGE, { id: 'person:log-two' }, AD],
      ['DELETE_RELATION', DELETE_RELATION, { id: `HOLDS_POSITION:person:log-two->${AGENCY}` }, AD],
      ['DELETE_ENTITY', DELETE_ENTITY, { id: 'person:log-two' }, AD],
      ['INGEST_ARTICLE', INGEST, { text: phongsaly, dryRun: false }, ED],
    ];
    expect(await log.revision()).toBe(0);
    for (const [kind, query, variables, auth] of steps) {
      const result = await log.gql(query, variables, auth);
      expect(result.errors, kind).toBeUndefined();
      // a refused write in between takes no revision
      expect(codesOf(await log.gql(UPDATE_ENTITY, { id: 'person:nobody-at-all', input: { name: 'X' } }, ED))).toEqual(['NOT_FOUND']);
    }
    const t1 = Date.now();
    const n = steps.length;

    const all = await log.gql('{ changes(since: 0) { revision hasMore changes { revision kind ids by at } } }');
    expect(all.errors).toBeUndefined();
    const { changes, revision, hasMore } = all.data.changes;
    expect(revision).toBe(n);
    expect(hasMore).toBe(false);
    expect(changes.map((c: any) => c.revision)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(changes.map((c: any) => [c.kind, c.by])).toEqual(steps.map(([kind, , , auth]) => [kind, auth === ED ? 'ed' : 'ad']));
    let last = t0;
    for (const c of changes) {
      expectBetween(c.at, last, t1);
      last = Date.parse(c.at);
    }
    expect(changes[0].ids).toEqual(['person:log-one']);
    expect(changes[n - 1].ids[0]).toBe(PHONGSALY_ID);

    // the change log on disk says the same
    const onDisk = readData(log.dir).history;
    expect(onDisk.map((r) => [r.revision, r.change.kind, r.by, r.at])).toEqual(changes.map((c: any) => [c.revision, c.kind, c.by, c.at]));

    const none = await log.gql(`{ changes(since: ${n}) { revision hasMore changes { revision } } }`);
    expect(none.data.changes).toEqual({ revision: n, hasMore: false, changes: [] });

    const page = await log.gql('{ changes(since: 2, first: 3) { revision hasMore changes { revision } } }');
    expect(page.data.changes).toEqual({ revision: n, hasMore: true, changes: [{ revision: 3 }, { revision: 4 }, { revision: 5 }] });
    const rest = await log.gql('{ changes(since: 5, first: 1000) { hasMore changes { revision } } }');
    expect(rest.data.changes).toEqual({ hasMore: false, changes: Array.from({ length: n - 5 }, (_, i) => ({ revision: i + 6 })) });
  });

  it.each([
    ['a negative since', '{ changes(since: -1) { revision } }', 'BAD_USER_INPUT', /since -1 is not a revision/],
    ['a since past the latest revision', '{ changes(since: 100000) { revision } }', 'BAD_USER_INPUT', /past the latest revision/],
    ['first 0', '{ changes(since: 0, first: 0) { revision } }', 'BAD_USER_INPUT', /first 0 is out of range 1..1000/],
    ['first over 1000', '{ changes(since: 0, first: 1001) { revision } }', 'BAD_USER_INPUT', /first 1001 is out of range 1..1000/],
    ['a negative first', '{ changes(since: 0, first: -5) { revision } }', 'BAD_USER_INPUT', /first -5 is out of range/],
    ['a since that is not an integer', '{ changes(since: "a") { revision } }', 'GRAPHQL_VALIDATION_FAILED', /Int cannot represent/],
  ])('refuses %s', async (_, query, code, message) => {
    const result = await w.gql(query);
    expect(codesOf(result)).toEqual([code]);
    expect(result.errors![0]!.message).toMatch(message);
  });
});

describe('a read-only server', () => {
  const readOnly = createServer(seedGraph(), { tokens: testTokens, log: () => {} });

  it('refuses dryRun: false with FORBIDDEN', async () => {
    const result = await send(readOnly, INGEST, { text: phongsaly, dryRun: false }, ED);
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect(result.errors![0]!.message).toMatch(/serves the graph read-only/);
    expect((await send(readOnly, `{ changes(since: 0) { revision changes { revision } } }`)).data.changes).toEqual({ revision: 0, changes: [] });
  });

  it.each([
    ['createEntity', CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Read Only' } }],
    ['updateEntity', UPDATE_ENTITY, { id: AGENCY, input: { aliases: ['x'] } }],
    ['deleteEntity', DELETE_ENTITY, { id: AGENCY, cascade: true }],
  ])('refuses %s with FORBIDDEN', async (_, query, variables) => {
    const result = await send(readOnly, query, variables, AD);
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
  });

  it('still answers a dry run', async () => {
    const result = await send(readOnly, INGEST, { text: phongsaly }, ED);
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestArticle).toMatchObject({ articleId: PHONGSALY_ID, change: null });
  });
});

/** Server-Sent Events off a response body: each event's `data:` payload, parsed, as it arrives. */
class EventStream {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event's data (pings and empty events skipped); null when the stream ends. */
  async next(): Promise<any> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const event = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) return JSON.parse(data);
        continue;
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Stops reading (what a client's network stack does when the connection drops). */
  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}

const SUBSCRIBE = 'subscription { graphChanged { revision kind ids by } }';

/**
 * Subscribes, sees three writes, disconnects, misses three more, and catches
 * up with changes(since: last seen). `open` subscribes (POST or GET, in
 * process or over a socket) and returns the events and how to disconnect.
 */
async function missNothing(open: (feed: WritingServer) => Promise<{ events: EventStream; disconnect: () => Promise<void> }>): Promise<void> {
  const feed = await writingServer();
  // the server's pubsub listens on an EventTarget: when it starts and stops listening shows when the subscription is live
  const added = vi.spyOn(EventTarget.prototype, 'addEventListener');
  const removed = vi.spyOn(EventTarget.prototype, 'removeEventListener');
  const listeners = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'graphChanged').length;
  try {
    const { events, disconnect } = await open(feed);
    // a read is under way: the subscription starts on the stream's first pull
    const first = events.next();
    await vi.waitFor(() => expect(listeners(added)).toBe(1));

    const write = async (query: string, variables: Record<string, unknown>, auth = ED) => {
      const result = await feed.gql(query, variables, auth);
      expect(result.errors).toBeUndefined();
    };
    await write(CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Feed One' } });
    await write(CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Feed Two' } });
    await write(CREATE_RELATION, { input: { type: 'HOLDS_POSITION', from: 'person:feed-one', to: AGENCY } });

    const seen: any[] = [];
    for (let event = await first; ; event = await events.next()) {
      expect(event?.errors).toBeUndefined();
      seen.push(event.data.graphChanged);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([
      { revision: 1, kind: 'CREATE_ENTITY', ids: ['person:feed-one'], by: 'ed' },
      { revision: 2, kind: 'CREATE_ENTITY', ids: ['person:feed-two'], by: 'ed' },
      { revision: 3, kind: 'CREATE_RELATION', ids: [`HOLDS_POSITION:person:feed-one->${AGENCY}`], by: 'ed' },
    ]);
    const lastSeen = seen.at(-1).revision as number;

    await disconnect();
    // the server lets go of the subscription
    await vi.waitFor(() => expect(listeners(removed)).toBe(1));

    await write(CREATE_ENTITY, { input: { kind: 'PERSON', name: 'Feed Three' } });
    await write(UPDATE_ENTITY, { id: 'person:feed-three', input: { attributes: { rank: 'Major' } } });
    await write(DELETE_ENTITY, { id: 'person:feed-two' }, AD);

    const caught = await feed.gql(`query ($since: Int!) { changes(since: $since) { revision hasMore changes { revision kind ids by } } }`, { since: lastSeen });
    expect(caught.errors).toBeUndefined();
    const { revision: n, hasMore, changes } = caught.data.changes;
    expect(hasMore).toBe(false);
    expect(n).toBe(6);
    expect(changes.map((c: any) => [c.kind, c.by])).toEqual([['CREATE_ENTITY', 'ed'], ['UPDATE_ENTITY', 'ed'], ['DELETE_ENTITY', 'ad']]);
    // no gap, no duplicate
    const revisions = [...seen, ...changes].map((c: any) => c.revision);
    expect(revisions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  } finally {
    added.mockRestore();
    removed.mockRestore();
  }
}

describe('the change feed (graphChanged over SSE)', () => {
  it('in process (GET): after a disconnect, changes(since:) catches up with no gap and no duplicate', async () => {
    await missNothing(async (feed) => {
      const controller = new AbortController();
      const response = await feed.server.fetch(`${ENDPOINT}?query=${encodeURIComponent(SUBSCRIBE)}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = new EventStream(response.body!);
      return {
        events,
        disconnect: async () => {
          controller.abort();
          // in process there is no socket to close: the client stops reading
          await events.cancel();
        },
      };
    });
  });

  it('over a socket (POST): after a disconnect, changes(since:) catches up with no gap and no duplicate', async () => {
    let http: Server | undefined;
    try {
      await missNothing(async (feed) => {
        http = createHttpServer(feed.server);
        await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
        const controller = new AbortController();
        const response = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: SUBSCRIBE }),
          signal: controller.signal,
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
        const events = new EventStream(response.body!);
        return {
          events,
          disconnect: async () => {
            controller.abort();
            await events.cancel();
          },
        };
      });
    } finally {
      http?.closeAllConnections();
      await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    }
  });
});
