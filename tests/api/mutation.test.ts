// ingestArticle (dry run) and the confidence filters over GraphQL.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { entity, graphOf, relation } from '../helpers.js';
import { codes, run as runAnonymous, TOKENS } from './request.js';

/** Every mutation needs a token, a dry run too. */
const run = (query: string, variables?: Record<string, unknown>) => runAnonymous(query, variables, TOKENS.editor);

const INGEST = `mutation ($text: String!, $dryRun: Boolean, $min: Float, $date: PartialDate) {
  ingestArticle(input: { text: $text, publishedOn: $date }, dryRun: $dryRun, minConfidence: $min) {
    articleId alreadyIngested warnings
    entities { id kind name resolution confidence evidence { articleId quote start end } }
    relations { id type from to stated inference confidence }
    unresolved { text reason }
  }
}`;
const phongsaly = readFileSync(new URL('../fixtures/ingest/dien-bien-phongsaly.txt', import.meta.url), 'utf8');
const seed = readFileSync(new URL('../../graph/sources/001_5bf859b125cfd1d9.txt', import.meta.url), 'utf8');

describe('ingestArticle', () => {
  it('proposes the facts of a new article, resolved against the graph', async () => {
    const { data, errors } = await run(INGEST, { text: phongsaly });
    expect(errors).toBeUndefined();
    const proposal = data.ingestArticle;
    expect(proposal.articleId).toBe('article:2019-12-18-dien-bien-police-and-phongsaly-police-of-laos');
    expect(proposal.alreadyIngested).toBeNull();
    const agency = proposal.entities.find((e: any) => e.id === 'police-agency:dien-bien-provincial-police-department');
    expect(agency).toMatchObject({ kind: 'POLICE_AGENCY', resolution: 'MERGED' });
    for (const e of proposal.entities) for (const ev of e.evidence) expect(phongsaly.slice(ev.start, ev.end)).toBe(ev.quote);
    expect(proposal.relations.filter((r: any) => r.type === 'SIGNED').every((r: any) => !r.stated && r.inference)).toBe(true);
  });

  it('says when the graph already holds the article', async () => {
    const { data } = await run(INGEST, { text: seed });
    expect(data.ingestArticle).toMatchObject({ alreadyIngested: 'article:2019-05-25-dien-bien-provincial-police-police-of-puer', entities: [], relations: [] });
  });

  it('leaves out facts below minConfidence', async () => {
    const all = (await run(INGEST, { text: phongsaly })).data.ingestArticle.relations;
    const strong = (await run(INGEST, { text: phongsaly, min: 0.75 })).data.ingestArticle.relations;
    expect(strong.length).toBeLessThan(all.length);
    expect(strong.every((r: any) => r.confidence >= 0.75)).toBe(true);
  });

  it.each([
    ['committing (dryRun: false) on a read-only server', { text: phongsaly, dryRun: false }, 'FORBIDDEN', /serves the graph read-only/],
    ['minConfidence above 1', { text: phongsaly, min: 1.5 }, 'BAD_USER_INPUT', /minConfidence 1.5 is out of range 0..1/],
    ['an empty text', { text: '' }, 'BAD_USER_INPUT', /empty/],
    ['a text with no date', { text: 'The Lao Cai Provincial Police and the Honghe police met in Hekou to review cooperation against drug trafficking and human trafficking along the border, and agreed to exchange information.' }, 'BAD_USER_INPUT', /no date line/],
    ['a malformed date', { text: phongsaly, date: '18/12/2019' }, 'BAD_USER_INPUT', /not an ISO 8601 date/],
  ])('refuses %s with a coded error', async (_, variables, code, message) => {
    const result = await run(INGEST, variables);
    expect(codes(result)).toEqual([code]);
    expect(result.errors![0]!.message).toMatch(message);
  });
});

describe('minConfidence on stored facts', () => {
  const kg = graphOf(
    [entity('police-agency:a', 'PoliceAgency', 'A'), entity('police-agency:b', 'PoliceAgency', 'B'), entity('agreement:m', 'Agreement', 'M', { agreementType: 'MOU' })],
    [
      { ...relation('PARTY_TO', 'police-agency:a', 'agreement:m'), confidence: 0.9 },
      { ...relation('PARTY_TO', 'police-agency:b', 'agreement:m'), confidence: 0.4 },
      relation('PROVIDED_EQUIPMENT', 'police-agency:a', 'police-agency:b'),
    ],
  );
  const server = createServer(kg);
  const ask = async (query: string) =>
    (await (await server.fetch('http://t/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;

  it('keeps curated facts and those at least as sure', async () => {
    const { data } = await ask('{ relations(minConfidence: 0.5) { nodes { id confidence } } node(id: "agreement:m") { relations(minConfidence: 0.5) { from { id } } } }');
    expect(data.relations.nodes.map((r: any) => [r.id, r.confidence])).toEqual([
      ['PARTY_TO:police-agency:a->agreement:m', 0.9],
      ['PROVIDED_EQUIPMENT:police-agency:a->police-agency:b', null],
    ]);
    expect(data.node.relations).toEqual([{ from: { id: 'police-agency:a' } }]);
  });
});
