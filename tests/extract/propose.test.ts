// The pipeline end to end on text: input checks, resolution against a graph,
// idempotency, confidence filtering, and verbatim evidence.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, PayloadTooLargeError } from '../../src/errors.js';
import { knownEntities } from '../../src/extract/known-entities.js';
import { articleId, proposeFacts } from '../../src/extract/propose.js';
import { seedGraph } from '../seed-graph.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
const seed = readFileSync(new URL('../../graph/sources/001_5bf859b125cfd1d9.txt', import.meta.url), 'utf8');
const rejects = (text: string, message: RegExp) => {
  expect(() => proposeFacts({ text })).toThrow(text.length > 500_000 ? PayloadTooLargeError : InvalidArgumentError);
  expect(() => proposeFacts({ text })).toThrow(message);
};

describe('proposeFacts', () => {
  it.each([
    ['an empty text', '', /empty/],
    ['only white space', '  \n\t ', /empty/],
    ['binary content', `MPS ${'\u0000'.repeat(10)} police ${'word '.repeat(30)}`, /not text/],
    ['HTML', fixture('article.html'), /looks like HTML/],
    ['another language', fixture('not-english.txt'), /does not look like English/],
    ['5 MB of text', 'the police '.repeat(500_000), /at most 500000/],
    ['a text too short to be an article', 'Police met.', /at least 20/],
  ])('rejects %s with a clear message', (_, text, message) => rejects(text, message));

  it('asks for a date when the text has no date line', () => {
    const text = seed.split('\n').filter((l) => !l.startsWith('May, 25')).join('\n');
    expect(() => proposeFacts({ text })).toThrow(/no date line/);
    expect(proposeFacts({ text, publishedOn: '2019-05-25' }).article.publishedOn).toBe('2019-05-25');
  });

  it('quotes every fact verbatim at its offsets', () => {
    const proposal = proposeFacts({ text: seed });
    for (const fact of [...proposal.entities, ...proposal.relations]) {
      for (const ev of fact.evidence) expect(seed.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  });

  it('marks the delegation heads as inferred signatories, never stated', () => {
    const signed = proposeFacts({ text: seed }).relations.filter((r) => r.type === 'SIGNED');
    expect(signed.map((r) => [r.from, r.stated, r.properties.onBehalfOf])).toEqual([
      ['person:vu-tien-dung', false, 'police-agency:dien-bien-provincial-police-department'],
      ['person:ma-shuliang', false, 'police-agency:puer-municipal-police-department'],
    ]);
    for (const r of signed) expect(r.inference).toMatch(/delegation/);
  });

  it('gives every fact a confidence in [0, 1] and leaves out those below minConfidence', () => {
    const all = proposeFacts({ text: seed });
    for (const fact of [...all.entities, ...all.relations]) {
      expect(fact.confidence).toBeGreaterThanOrEqual(0);
      expect(fact.confidence).toBeLessThanOrEqual(1);
    }
    const strong = proposeFacts({ text: seed }, { minConfidence: 0.7 });
    expect(strong.relations.length).toBeLessThan(all.relations.length);
    expect(strong.relations.every((r) => r.confidence >= 0.7)).toBe(true);
    const kept = new Set(strong.entities.map((e) => e.id));
    expect(strong.relations.every((r) => kept.has(r.from) && kept.has(r.to))).toBe(true);
  });

  it('proposes nothing for an article the graph already holds', () => {
    const proposal = proposeFacts({ text: seed }, { known: knownEntities(seedGraph()) });
    expect(proposal.alreadyIngested).toBe('article:2019-05-25-dien-bien-provincial-police-police-of-puer');
    expect(proposal.entities).toEqual([]);
    expect(proposal.relations).toEqual([]);
  });

  it('joins known entities, with and without diacritics, instead of duplicating them', () => {
    const proposal = proposeFacts({ text: fixture('dien-bien-phongsaly.txt') }, { known: knownEntities(seedGraph()) });
    const byId = new Map(proposal.entities.map((e) => [e.id, e]));
    // written "Điện Biên Provincial Police Department" in one sentence, plain in another
    expect(byId.get('police-agency:dien-bien-provincial-police-department')?.resolution).toBe('MERGED');
    expect(byId.get('person:vu-tien-dung')?.resolution).toBe('MERGED');
    expect(byId.get('country:vn')?.resolution).toBe('MERGED');
    expect(byId.get('police-agency:phongsaly-provincial-police-headquarters')?.resolution).toBe('NEW');
    expect(proposal.entities.filter((e) => /dien-bien-provincial/.test(e.id))).toHaveLength(1);
  });

  it('matches names written with diacritics to the plain spelling', () => {
    const text = seed.replace('Senior Colonel Vu Tien Dung', 'Senior Colonel Vũ Tiến Dũng');
    const proposal = proposeFacts({ text, title: 'Another report', publishedOn: '2019-05-26' }, { known: knownEntities(seedGraph()) });
    const dung = proposal.entities.find((e) => e.name === 'Vũ Tiến Dũng');
    expect(dung).toMatchObject({ id: 'person:vu-tien-dung', resolution: 'MERGED' });
  });

  it('keeps unplaceable police names as unresolved mentions, not entities', () => {
    const text = readFileSync(new URL('../../graph/sources/000_901959fb75d3e43f.txt', import.meta.url), 'utf8');
    const proposal = proposeFacts({ text });
    // the article has a no-break space after "I"
    expect(proposal.unresolved.map((u) => u.text)).toContain('Police Department of the I\u00a0Zhuang Representative');
    expect(proposal.entities.some((e) => /I Zhuang Representative/.test(e.name))).toBe(false);
  });

  it('keeps counts the article gives two ways as a conflict', () => {
    const text = readFileSync(new URL('../../graph/sources/000_901959fb75d3e43f.txt', import.meta.url), 'utf8');
    const [conflict, ...others] = proposeFacts({ text }).conflicts;
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ property: 'number of Vietnamese provinces', about: ['event:3rd-law-enforcement-cooperation-conference'] });
    expect(conflict!.claims.map((c) => [c.value, c.evidence.map((e) => e.quote)])).toEqual([
      ['4', ['four Vietnamese border provinces', 'four Vietnamese provinces']],
      ['5', ['five Vietnamese provinces']],
    ]);
  });

  it('makes readable article ids from date and title', () => {
    expect(articleId('Dien Bien police and Phongsaly police of Laos review cooperation in 2019', '2019-12-18')).toBe(
      'article:2019-12-18-dien-bien-police-and-phongsaly-police-of-laos',
    );
  });
});
