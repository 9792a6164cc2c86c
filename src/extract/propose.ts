// The pipeline: article text → checked input → document → sentences →
// mentions → facts → resolution against what the graph holds → a proposal in
// the export format, every fact with verbatim evidence and a confidence.

import { InvalidArgumentError, PayloadTooLargeError } from '../errors.js';
import { isPartialDate, normalizeName, slugify, type EntityRecord, type Evidence, type Kind, type RelationRecord } from '../ontology/index.js';
import { parseArticle, type Span } from './document.js';
import { extractFacts } from './extract-article.js';
import { splitSentences } from './sentences.js';

/** Longest article accepted (characters). */
export const MAX_ARTICLE_LENGTH = 500_000;

export interface ArticleInput {
  text: string;
  title?: string;
  url?: string;
  /** ISO date; read from the date line when not given */
  publishedOn?: string;
  publisher?: string;
}

/** What the graph already holds, as the extractor may ask it. */
export interface KnownEntities {
  /** ids of entities of `kind` whose name or an alias matches (ONTOLOGY.md's rule) */
  named(name: string, kind: Kind): string[];
  /** whether an entity with this id exists, and its kind */
  kindOf(id: string): Kind | null;
  /** an Article already in the graph with this title and date, or url */
  article(title: string, publishedOn: string, url?: string): string | null;
}

/** Proposed facts are graph records (evidence with offsets into the text) with a confidence. */
export type ProposedEvidence = Evidence;

export interface ProposedEntity extends EntityRecord {
  stated: true;
  confidence: number;
  /** NEW, or MERGED into an entity the graph already holds */
  resolution: 'NEW' | 'MERGED';
}

export interface ProposedRelation extends RelationRecord {
  confidence: number;
}

export interface ProposedConflict {
  id: string;
  property: string;
  about: string[];
  note: string;
  claims: { value: string; evidence: ProposedEvidence[] }[];
}

export interface Proposal {
  article: { id: string; title: string; publishedOn: string; url?: string; publisher?: string; author?: string };
  /** set when the graph already holds this article: nothing new is proposed */
  alreadyIngested?: string;
  text: string;
  entities: ProposedEntity[];
  relations: ProposedRelation[];
  /** where the article contradicts itself */
  conflicts: ProposedConflict[];
  unresolved: { text: string; start: number; end: number; reason: string }[];
  warnings: string[];
}

/** Relations to entities of these kinds resolve by name or alias; the others only by their full name. */
const ALIAS_RESOLVED: readonly Kind[] = ['Country', 'Area', 'PoliceAgency', 'Person', 'CrimeCategory'];

/** Rejects what is not an English news text, with a message that says why. */
export function checkArticleText(text: string): void {
  if (text.length === 0 || text.trim().length === 0) throw new InvalidArgumentError('ingest: the article is empty');
  if (text.length > MAX_ARTICLE_LENGTH) {
    throw new PayloadTooLargeError(`ingest: the article is ${text.length} characters long; at most ${MAX_ARTICLE_LENGTH} are accepted`);
  }
  // eslint-disable-next-line no-control-regex
  if (/\u0000|\uFFFD/.test(text) || (text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0) > 5) {
    throw new InvalidArgumentError('ingest: this is not text (binary content or an encoding other than UTF-8)');
  }
  if ((text.match(/<\/?(html|body|div|p|span|script|head|a|br|table)\b[^>]*>/gi)?.length ?? 0) >= 3) {
    throw new InvalidArgumentError("ingest: this looks like HTML; give the article's plain text");
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => /^(the|of|and|to|in|a|with|on|for|police|was|were|by|at|from|that|is)$/.test(w)).length;
  if (words.length < 20) throw new InvalidArgumentError(`ingest: the text has ${words.length} words; an article has at least 20`);
  if (english / words.length < 0.08) throw new InvalidArgumentError('ingest: the text does not look like English; only English articles are read');
}

/** `article:2019-05-25-dien-bien-provincial-police-police-of-puer` */
export function articleId(title: string, publishedOn: string): string {
  let slug = '';
  for (const word of slugify(title).split('-')) {
    if ((slug + word).length > 48) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return `article:${publishedOn}-${slug || 'untitled'}`;
}

export interface ProposeOptions {
  known?: KnownEntities;
  /** leave out facts whose confidence is below this */
  minConfidence?: number;
}

export function proposeFacts(input: ArticleInput, options: ProposeOptions = {}): Proposal {
  const { text } = input;
  checkArticleText(text);
  const doc = parseArticle(text);
  const publishedOn = input.publishedOn ?? doc.date;
  if (!publishedOn) throw new InvalidArgumentError('ingest: the text has no date line; give the publication date (--published-on 2019-05-25)');
  if (!isPartialDate(publishedOn)) throw new InvalidArgumentError(`ingest: "${publishedOn}" is not an ISO 8601 date`);
  const title = (input.title ?? doc.title?.text ?? firstWords(doc.body.text)).trim();
  const id = articleId(title, publishedOn);
  const article = {
    id,
    title,
    publishedOn,
    ...(input.url ? { url: input.url } : {}),
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(doc.author ? { author: doc.author.text } : {}),
  };
  const existing = options.known?.article(title, publishedOn, input.url);
  if (existing) {
    return { article: { ...article, id: existing }, alreadyIngested: existing, text, entities: [], relations: [], conflicts: [], unresolved: [], warnings: [] };
  }

  const { id: _id, title: _title, publishedOn: _date, ...attributes } = article;
  const { draft, conflicts: drafted, unresolved, warnings } = extractFacts(doc, splitSentences(doc), { id, title, publishedOn, attributes });
  if (doc.author && doc.byline) {
    const author = draft.entity('Person', doc.author.text, doc.byline, 0.9);
    draft.relation('AUTHORED', author, id, doc.byline, 0.9);
  }
  const publisher = [...draft.relations.values()].find((r) => r.type === 'PUBLISHED');
  if (!article.publisher && publisher) {
    Object.assign(article, { publisher: draft.entities.get(publisher.from)!.name });
    draft.entities.get(id)!.attributes.publisher = article.publisher;
  }

  const evidence = (s: Span): ProposedEvidence => ({ article: id, quote: s.text, start: s.start, end: s.end });
  let entities: ProposedEntity[] = [...draft.entities.values()].map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    attributes: e.attributes,
    stated: true,
    evidence: e.evidence.map(evidence),
    confidence: round(e.confidence),
    resolution: 'NEW',
  }));
  let relations: ProposedRelation[] = [...draft.relations.values()].map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      properties: r.properties,
      stated: r.stated,
      ...(r.inference ? { inference: r.inference } : {}),
      evidence: r.evidence.map(evidence),
      confidence: round(r.confidence),
  }));

  let rename = new Map<string, string>();
  if (options.known) ({ entities, relations, rename } = resolve(entities, relations, options.known));
  const min = options.minConfidence ?? 0;
  entities = entities.filter((e) => e.confidence >= min);
  const kept = new Set([...entities.map((e) => e.id), id]);
  relations = relations.filter((r) => r.confidence >= min && kept.has(r.from) && kept.has(r.to));
  const conflicts = drafted
    .map((c) => ({
      ...c,
      about: c.about.map((about) => rename.get(about) ?? about),
      claims: c.claims.map((claim) => ({ value: claim.value, evidence: claim.evidence.map(evidence) })),
    }))
    .filter((c) => c.about.every((about) => kept.has(about)));
  return { article, text, entities, relations, conflicts, unresolved, warnings };
}

/** Points proposed entities at the graph's own when they name the same thing. */
function resolve(
  entities: ProposedEntity[],
  relations: ProposedRelation[],
  known: KnownEntities,
): { entities: ProposedEntity[]; relations: ProposedRelation[]; rename: Map<string, string> } {
  const rename = new Map<string, string>();
  for (const e of entities) {
    const names = ALIAS_RESOLVED.includes(e.kind) ? [e.name, ...e.aliases] : [e.name];
    const byName = [...new Set(names.flatMap((n) => known.named(n, e.kind)))];
    const target = byName.length === 1 ? byName[0]! : known.kindOf(e.id) === e.kind ? e.id : null;
    if (!target) continue;
    e.resolution = 'MERGED';
    if (target !== e.id) rename.set(e.id, target);
  }
  const to = (id: string) => rename.get(id) ?? id;
  const merged = new Map<string, ProposedEntity>();
  for (const e of entities) {
    const id = to(e.id);
    const existing = merged.get(id);
    if (existing) {
      existing.evidence.push(...e.evidence);
      existing.aliases = [...new Set([...existing.aliases, e.name, ...e.aliases])].filter((a) => normalizeName(a) !== normalizeName(existing.name));
    } else merged.set(id, { ...e, id });
  }
  const rels = new Map<string, ProposedRelation>();
  for (const r of relations) {
    const from = to(r.from);
    const toId = to(r.to);
    if (from === toId) continue;
    const properties = Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [k, typeof v === 'string' ? to(v) : v]));
    const id = `${r.type}:${from}->${toId}`;
    if (!rels.has(id)) rels.set(id, { ...r, id, from, to: toId, properties });
  }
  return { entities: [...merged.values()], relations: [...rels.values()], rename };
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 12).join(' ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
