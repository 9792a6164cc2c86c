// Who may run what: every mutation without a token, with an unknown or a
// malformed one, as editor and as admin; a refused operation is refused whole,
// before any resolver runs, and writes nothing; reads are open unless the
// server says otherwise.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';
import { testTokens, TOKENS } from './request.js';
import { AGENCY, ARTICLE, codesOf, logged, send, writingServer, type Answer } from './writing-server.js';

type Role = 'editor' | 'admin';
type Auth = { token?: string; header?: string };

const phongsaly = readFileSync(new URL('../fixtures/ingest/dien-bien-phongsaly.txt', import.meta.url), 'utf8');
const laoCai = readFileSync(new URL('../fixtures/articles/lao-cai-honghe.txt', import.meta.url), 'utf8');

const CHANGE = 'change { revision kind by }';
const HOLDER_RELATION = `HOLDS_POSITION:person:auth-holder->${AGENCY}`;

interface MutationCase {
  name: string;
  query: string;
  /** the variables of a write that succeeds for this role (refused credentials get the admin's) */
  variables: (role: Role) => Record<string, unknown>;
  adminOnly: boolean;
}

const MUTATIONS: MutationCase[] = [
  {
    name: 'createEntity',
    query: `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { ${CHANGE} entity { id } } }`,
    variables: (role) => ({ input: { kind: 'PERSON', name: `Auth Created ${role}` } }),
    adminOnly: false,
  },
  {
    name: 'updateEntity',
    query: `mutation ($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { ${CHANGE} entity { id aliases } } }`,
    variables: (role) => ({ id: AGENCY, input: { aliases: [`Lang Son police (${role})`] } }),
    adminOnly: false,
  },
  {
    name: 'deleteEntity',
    query: `mutation ($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { ${CHANGE} deletedIds } }`,
    variables: () => ({ id: 'person:auth-victim' }),
    adminOnly: true,
  },
  {
    name: 'createRelation',
    query: `mutation ($input: CreateRelationInput!) { createRelation(input: $input) { ${CHANGE} relation { id } } }`,
    variables: (role) => ({ input: { type: 'HOLDS_POSITION', from: `person:auth-official-${role}`, to: AGENCY, evidence: [{ article: ARTICLE, quote: 'Lang Son' }] } }),
    adminOnly: false,
  },
  {
    name: 'deleteRelation',
    query: `mutation ($id: ID!) { deleteRelation(id: $id) { ${CHANGE} deletedIds } }`,
    variables: () => ({ id: HOLDER_RELATION }),
    adminOnly: true,
  },
  {
    name: 'mergeEntities',
    query: `mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { ${CHANGE} mergedId entity { id } } }`,
    variables: () => ({ keep: 'person:auth-keep', merge: 'person:auth-dup' }),
    adminOnly: true,
  },
  {
    name: 'unmergeEntity',
    query: `mutation ($id: ID!) { unmergeEntity(id: $id) { ${CHANGE} entity { id } from { id } } }`,
    variables: () => ({ id: 'person:auth-merged' }),
    adminOnly: true,
  },
  {
    name: 'ingestArticle',
    query: `mutation ($text: String!, $dryRun: Boolean, $key: String) {
      ingestArticle(input: { text: $text }, dryRun: $dryRun, idempotencyKey: $key) { articleId ${CHANGE} }
    }`,
    variables: (role) => ({ text: role === 'editor' ? phongsaly : laoCai, dryRun: false, key: `auth-${role}` }),
    adminOnly: false,
  },
];

const REFUSED: [string, Auth][] = [
  ['no token', {}],
  ['an unknown token', { token: 'cg_not-a-token-this-server-knows' }],
  ['a malformed Authorization header (Basic)', { header: 'Basic abc' }],
  ['a bearer header without a token', { header: 'Bearer ' }],
  ['a known token without "Bearer"', { header: TOKENS.admin }],
  ['two tokens in one header', { header: `Bearer ${TOKENS.admin} ${TOKENS.editor}` }],
];

const w = await writingServer();
const commit = vi.spyOn(w.writer, 'commit');
const findByKey = vi.spyOn(w.writer, 'findByKey');

beforeAll(async () => {
  const admin = { token: TOKENS.admin };
  const create = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { entity { id } } }`;
  const setup: [string, Record<string, unknown>][] = [
    ...['Auth Victim', 'Auth Official Editor', 'Auth Official Admin', 'Auth Holder', 'Auth Keep', 'Auth Dup', 'Auth Keep Two', 'Auth Merged'].map(
      (name): [string, Record<string, unknown>] => [create, { input: { kind: 'PERSON', name } }],
    ),
    [`mutation { createRelation(input: { type: HOLDS_POSITION, from: "person:auth-holder", to: "${AGENCY}" }) { relation { id } } }`, {}],
    [`mutation { mergeEntities(keep: "person:auth-keep-two", merge: "person:auth-merged") { mergedId } }`, {}],
  ];
  for (const [query, variables] of setup) {
    const result = await w.gql(query, variables, admin);
    expect(result.errors, query).toBeUndefined();
  }
  commit.mockClear();
  findByKey.mockClear();
});

/** Runs a request that must be refused whole, and checks it ran no resolver and wrote nothing. */
async function expectRefusedWhole(run: () => Promise<Answer>, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): Promise<Answer> {
  const revision = await w.revision();
  const entities = await w.entityCount();
  const history = w.writer.history.length;
  commit.mockClear();
  findByKey.mockClear();
  const result = await run();
  expect(result.status).toBe(code === 'UNAUTHENTICATED' ? 401 : 403);
  if (code === 'UNAUTHENTICATED') expect(result.headers.get('www-authenticate')).toBe('Bearer');
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(new Set(codesOf(result))).toEqual(new Set([code]));
  // refused before execution: no data at all, and no resolver reached the writer
  expect(result.data).toBeNull();
  expect(commit).not.toHaveBeenCalled();
  expect(findByKey).not.toHaveBeenCalled();
  expect(await w.revision()).toBe(revision);
  expect(await w.entityCount()).toBe(entities);
  expect(w.writer.history.length).toBe(history);
  return result;
}

/** Runs a request the role may make, and checks it wrote as that role. */
async function expectWritten(mutation: MutationCase, role: Role): Promise<void> {
  const revision = await w.revision();
  commit.mockClear();
  const result = await w.gql(mutation.query, mutation.variables(role), { token: TOKENS[role] });
  expect(codesOf(result)).not.toContain('UNAUTHENTICATED');
  expect(codesOf(result)).not.toContain('FORBIDDEN');
  // every case is a write that succeeds
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.status).toBe(200);
  expect(result.data[mutation.name].change).toMatchObject({ revision: revision + 1, by: role === 'editor' ? 'ed' : 'ad' });
  expect(commit).toHaveBeenCalledTimes(1);
  expect(commit.mock.calls[0]![0]).toBe(role === 'editor' ? 'ed' : 'ad');
  expect(await w.revision()).toBe(revision + 1);
}

describe.each(MUTATIONS)('$name', (mutation) => {
  it.each(REFUSED)('refuses %s with UNAUTHENTICATED (401), running nothing', async (_, auth) => {
    const result = await expectRefusedWhole(() => w.gql(mutation.query, mutation.variables('admin'), auth), 'UNAUTHENTICATED');
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${mutation.name} needs a bearer token`));
  });

  if (mutation.adminOnly) {
    it('refuses the editor with FORBIDDEN (403), running nothing', async () => {
      const result = await expectRefusedWhole(() => w.gql(mutation.query, mutation.variables('admin'), { token: TOKENS.editor }), 'FORBIDDEN');
      expect(result.errors![0]!.message).toBe(`${mutation.name} needs the role admin; the token "ed" has the role editor`);
    });
  } else {
    it('lets the editor write', async () => {
      await expectWritten(mutation, 'editor');
    });
  }

  it('lets the admin write', async () => {
    await expectWritten(mutation, 'admin');
  });

  if (mutation.name !== 'createEntity' && mutation.name !== 'ingestArticle') {
    const roles: Role[] = mutation.adminOnly ? ['admin'] : ['editor', 'admin'];
    it.each(roles)('lets the %s past auth with an unknown id (NOT_FOUND, writing nothing)', async (role) => {
      const unknown = JSON.parse(JSON.stringify(mutation.variables(role)).replaceAll('person:auth-', 'person:unknown-auth-').replaceAll(AGENCY, 'police-agency:unknown'));
      const revision = await w.revision();
      const result = await w.gql(mutation.query, unknown, { token: TOKENS[role] });
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
      expect(await w.revision()).toBe(revision);
    });
  }
});

describe('a refused request runs no resolver', () => {
  const DRY_RUN = `mutation ($text: String!, $key: String) { ingestArticle(input: { text: $text }, idempotencyKey: $key) { articleId change { revision } } }`;

  it('a dry run without a token is refused before it reads the article', async () => {
    const refused = await expectRefusedWhole(() => w.gql(DRY_RUN, { text: phongsaly, key: 'dry-run-key' }), 'UNAUTHENTICATED');
    expect(refused.data).toBeNull();

    findByKey.mockClear();
    const allowed = await w.gql(DRY_RUN, { text: phongsaly, key: 'dry-run-key' }, { token: TOKENS.editor });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.ingestArticle.articleId).toMatch(/^article:2019-12-18-/);
    // the resolver ran this time: it asked the writer for the key
    expect(findByKey).toHaveBeenCalledWith('dry-run-key');
    expect(commit).not.toHaveBeenCalled();
  });

  it('refuses a mixed operation whole when the editor may run only part of it', async () => {
    const mixed = `mutation {
      a: createEntity(input: { kind: PERSON, name: "Mixed Created" }) { entity { id } }
      b: deleteEntity(id: "person:auth-official-editor") { deletedIds }
    }`;
    const result = await expectRefusedWhole(() => w.gql(mixed, {}, { token: TOKENS.editor }), 'FORBIDDEN');
    expect(result.errors!.map((e) => e.path)).toEqual([['b']]);
    expect(codesOf(await w.gql('query { node(id: "person:mixed-created") { id } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await w.gql('query { node(id: "person:auth-official-editor") { id } }'))).toEqual([]);
  });

  it('refuses a mixed operation whole without a token, naming every field', async () => {
    const mixed = `mutation {
      a: createEntity(input: { kind: PERSON, name: "Mixed Anonymous" }) { entity { id } }
      b: updateEntity(id: "${AGENCY}", input: { aliases: ["anonymous"] }) { entity { id } }
    }`;
    const result = await expectRefusedWhole(() => w.gql(mixed), 'UNAUTHENTICATED');
    expect(result.errors!.map((e) => e.path)).toEqual([['a'], ['b']]);
  });

  it('sees an admin-only field reached through a fragment', async () => {
    const viaFragment = `mutation { ...Drop } fragment Drop on Mutation { deleteEntity(id: "person:auth-official-editor", cascade: true) { deletedIds } }`;
    await expectRefusedWhole(() => w.gql(viaFragment, {}, { token: TOKENS.editor }), 'FORBIDDEN');
    const inline = `mutation { ... on Mutation { mergeEntities(keep: "person:auth-keep", merge: "person:auth-official-editor") { mergedId } } }`;
    await expectRefusedWhole(() => w.gql(inline, {}, { token: TOKENS.editor }), 'FORBIDDEN');
  });

  it('takes the scheme name in any case', async () => {
    const result = await w.gql(`mutation { updateEntity(id: "${AGENCY}", input: { aliases: ["bearer in lower case"] }) { change { by } } }`, {}, { header: `bearer ${TOKENS.editor}` });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateEntity.change.by).toBe('ed');
  });

  it('logs none of the refusals', () => {
    expect(logged).toEqual([]);
  });
});

describe('reads', () => {
  const READ = `{ stats { entities } node(id: "${AGENCY}") { id } changes(since: 0, first: 1) { revision } }`;

  it('are open by default', async () => {
    const result = await w.gql(READ);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.data.node.id).toBe(AGENCY);
    // an unknown token does not stop a read either
    expect((await w.gql(READ, {}, { token: 'cg_unknown' })).errors).toBeUndefined();
  });

  describe('with readsNeedToken', () => {
    const closed = createServer(seedGraph(), { tokens: testTokens, readsNeedToken: true, log: (_level, args) => logged.push(args) });

    it.each(REFUSED)('refuses %s with UNAUTHENTICATED (401)', async (_, auth) => {
      const result = await send(closed, READ, {}, auth);
      expect(result.status).toBe(401);
      expect(result.data).toBeNull();
      expect(new Set(codesOf(result))).toEqual(new Set(['UNAUTHENTICATED']));
    });

    it.each([
      ['editor', TOKENS.editor],
      ['admin', TOKENS.admin],
    ])('answers the %s', async (_, token) => {
      const result = await send(closed, READ, {}, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({ node: { id: AGENCY }, changes: { revision: 0 } });
      expect(result.data.stats.entities).toBeGreaterThan(0);
    });

    it('still refuses the editor an admin mutation with FORBIDDEN', async () => {
      const result = await send(closed, `mutation { deleteRelation(id: "x") { deletedIds } }`, {}, { token: TOKENS.editor });
      expect(result.status).toBe(403);
      expect(codesOf(result)).toEqual(['FORBIDDEN']);
    });
  });
});

describe('where the directives stand', () => {
  // with reads open, the auth plugin checks mutations only (api/auth): that holds while no read carries a directive
  it('are on Mutation only', async () => {
    const { parse, visit } = await import('graphql');
    const { typeDefs } = await import('../../src/api/schema.js');
    const carriers = new Set<string>();
    let type = '';
    visit(parse(typeDefs), {
      ObjectTypeDefinition: { enter: (node) => void (type = node.name.value) },
      InterfaceTypeDefinition: { enter: (node) => void (type = node.name.value) },
      Directive: (node) => {
        if (node.name.value === 'authenticated' || node.name.value === 'requiresScopes') carriers.add(type);
      },
    });
    expect([...carriers]).toEqual(['Mutation']);
  });
});
