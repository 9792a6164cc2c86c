// A synthetic graph in the graph/ folder's format, for benchmarks and scale
// tests: the ontology's kinds and relation types in proportions like the
// corpus, agencies' degrees heavy-tailed (a few are party to hundreds of
// agreements), evidence quotes shared by several facts as real articles share
// sentences. Deterministic for a seed (pure-rand's xoroshiro128+).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { InvalidArgumentError } from '../errors.js';
import { CRIME_SLUGS, CRIME_CATEGORIES, entityId, relationId, type Kind, type RelationType } from '../ontology/index.js';

export interface GenerateOptions {
  /** how many entities, 1,000 to 1,000,000 */
  entities: number;
  seed: number;
}

export interface GeneratedStats {
  entities: number;
  relations: number;
  articles: number;
  byKind: Partial<Record<Kind, number>>;
  /** relations of the most connected agency */
  maxAgencyDegree: number;
}

export const GENERATE_RANGE = { min: 1_000, max: 1_000_000 };

/** Shares of the entities each kind takes (the rest are outcomes). */
const SHARES: [Kind, number][] = [
  ['Article', 0.01],
  ['Area', 0.03],
  ['PoliceAgency', 0.1],
  ['Person', 0.36],
  ['Agreement', 0.16],
  ['Event', 0.2],
];
const COUNTRIES = [
  ['VN', 'Vietnam'],
  ['CN', 'China'],
  ['LA', 'Laos'],
  ['KH', 'Cambodia'],
] as const;
const SENTENCES_PER_ARTICLE = 40;

interface Fact {
  quote: string;
  start: number;
  end: number;
}

type Rng = ReturnType<typeof xoroshiro128plus>;

/** Writes `facts/NNNNNN.json` and `sources/NNNNNN.txt` per synthetic article into `out`. */
export function generateGraph(out: string, { entities: total, seed }: GenerateOptions): GeneratedStats {
  if (!Number.isInteger(total) || total < GENERATE_RANGE.min || total > GENERATE_RANGE.max) {
    throw new InvalidArgumentError(`generate: --entities ${total} is out of range ${GENERATE_RANGE.min}..${GENERATE_RANGE.max}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new InvalidArgumentError(`generate: --seed ${seed} is not a whole number from 0 to 4294967295`);
  const rng: Rng = xoroshiro128plus(seed);
  const int = (max: number) => uniformInt(rng, 0, max - 1);
  const float = () => uniformFloat64(rng);
  /** an index in 0..n-1 where low indices are far likelier: a heavy-tailed degree */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * float() ** 3));
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;

  const fixed = COUNTRIES.length + CRIME_SLUGS.length;
  const counts = new Map<Kind, number>(SHARES.map(([kind, share]) => [kind, Math.max(1, Math.round((total - fixed) * share))]));
  counts.set('Outcome', Math.max(1, total - fixed - [...counts.values()].reduce((a, b) => a + b, 0)));
  const articles = counts.get('Article')!;

  // each article: a text of numbered sentences; every fact quotes one sentence of its article
  const texts: string[] = [];
  const sentences: Fact[][] = [];
  for (let a = 0; a < articles; a++) {
    let text = `Synthetic cooperation report ${a}\n\n`;
    const spans: Fact[] = [];
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) {
      const quote = `Report ${a} sentence ${s}: the police of the border provinces agreed to step up cooperation against ${CRIME_CATEGORIES[pick(CRIME_SLUGS)]!.label}.`;
      spans.push({ quote, start: text.length, end: text.length + quote.length });
      text += `${quote} `;
    }
    texts.push(text);
    sentences.push(spans);
  }
  const files = Array.from({ length: articles }, () => ({ entities: [] as object[], relations: [] as object[] }));
  const articleId = (a: number) => `article:synthetic-${String(a).padStart(7, '0')}`;
  /** a sentence of a random article, the file the fact goes into */
  const cite = () => {
    const a = int(articles);
    const { quote, start, end } = pick(sentences[a]!);
    return { file: files[a]!, evidence: [{ quote, start, end }] };
  };
  const ids = new Map<Kind, string[]>();
  const entity = (kind: Kind, name: string, attributes: Record<string, unknown> = {}) => {
    const id = entityId(kind, name);
    const { file, evidence } = cite();
    file.entities.push({ id, kind, name, ...(Object.keys(attributes).length ? { attributes } : {}), evidence });
    (ids.get(kind) ?? ids.set(kind, []).get(kind)!).push(id);
    return id;
  };
  const seen = new Set<string>();
  const degree = new Map<string, number>();
  const relation = (type: RelationType, from: string, to: string, properties: Record<string, unknown> = {}) => {
    const id = relationId(type, from, to);
    if (from === to || seen.has(id)) return;
    seen.add(id);
    for (const end of [from, to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const { file, evidence } = cite();
    file.relations.push({ type, from, to, ...(Object.keys(properties).length ? { properties } : {}), evidence });
  };
  const of = (kind: Kind) => ids.get(kind) ?? [];

  const countries = COUNTRIES.map(([code, name]) => entity('Country', name, { code }));
  for (const slug of CRIME_SLUGS) entity('CrimeCategory', CRIME_CATEGORIES[slug]!.label, { slug });
  const crimes = of('CrimeCategory');
  for (let i = 0; i < counts.get('Area')!; i++) {
    const c = i % countries.length;
    relation('LOCATED_IN', entity('Area', `Province ${i}`, { level: 'PROVINCE' }), countries[c]!);
  }
  const areas = of('Area');
  const ministries = countries.map((country, c) => {
    const id = entity('PoliceAgency', `Ministry of Public Security ${COUNTRIES[c]![0]}`, { level: 'NATIONAL' });
    relation('HAS_JURISDICTION', id, country);
    return id;
  });
  for (let i = 0; i < counts.get('PoliceAgency')! - ministries.length; i++) {
    const a = int(areas.length);
    const id = entity('PoliceAgency', `Provincial Police Department ${i}`, { level: 'PROVINCIAL' });
    relation('HAS_JURISDICTION', id, areas[a]!);
    relation('SUBORDINATE_TO', id, ministries[a % ministries.length]!);
  }
  const agencies = of('PoliceAgency');
  for (const agency of agencies) for (let k = int(6); k > 0; k--) relation('PROVIDED_EQUIPMENT', agencies[skewed(agencies.length)]!, agency);
  for (let i = 0; i < counts.get('Person')!; i++) {
    const id = entity('Person', `Officer ${i}`, { rank: pick(['Colonel', 'Senior Colonel', 'Major General', 'Lieutenant Colonel']) });
    relation('HOLDS_POSITION', id, agencies[skewed(agencies.length)]!, { title: pick(['Director', 'Deputy Director', 'Head of Division']) });
    if (float() < 0.5) relation('HOLDS_POSITION', id, agencies[int(agencies.length)]!, { title: 'Deputy Director' });
  }
  const people = of('Person');
  for (let i = 0; i < counts.get('Event')!; i++) {
    const id = entity('Event', `Border cooperation meeting ${i}`, { eventType: pick(['CONFERENCE', 'MEETING', 'VISIT']), startDate: `20${10 + int(15)}` });
    relation('LOCATED_IN', id, areas[int(areas.length)]!);
    for (let k = 2 + int(5); k > 0; k--) relation('PARTICIPATED_IN', agencies[skewed(agencies.length)]!, id, { role: pick(['HOST', 'GUEST', 'PARTICIPANT']) });
    for (let k = 1 + int(4); k > 0; k--) relation('LED_DELEGATION', people[int(people.length)]!, id);
    for (let k = 1 + int(2); k > 0; k--) relation('ADDRESSES', id, pick(crimes));
  }
  const events = of('Event');
  for (let i = 0; i < counts.get('Agreement')!; i++) {
    const id = entity('Agreement', `Memorandum of understanding ${i}`, { agreementType: pick(['MOU', 'MOU', 'MECHANISM', 'OTHER']), signedOn: `20${10 + int(15)}` });
    const parties = Array.from({ length: 2 + int(4) }, () => agencies[skewed(agencies.length)]!);
    for (const party of parties) relation('PARTY_TO', party, id);
    for (let k = 1 + int(3); k > 0; k--) relation('SIGNED', people[int(people.length)]!, id, { onBehalfOf: pick(parties) });
    relation('SIGNED_AT', id, events[int(events.length)]!);
    for (let k = 1 + int(2); k > 0; k--) relation('ADDRESSES', id, pick(crimes));
    if (i > 0 && float() < 0.3) relation('FOLLOWS', id, of('Agreement')[int(i)]!);
    if (float() < 0.5) relation('REVIEWED', events[int(events.length)]!, id);
  }
  for (let i = 0; i < counts.get('Outcome')!; i++) {
    const id = entity('Outcome', `Result ${i}`, { action: pick(['arrested', 'seized', 'rescued']), quantities: [{ value: 1 + int(500), unit: pick(['suspects', 'kg of drugs', 'victims']) }] });
    for (let k = 1 + int(2); k > 0; k--) relation('REPORTED', agencies[skewed(agencies.length)]!, id);
    relation('CONCERNS', id, pick(crimes));
  }

  mkdirSync(join(out, 'facts'), { recursive: true });
  mkdirSync(join(out, 'sources'), { recursive: true });
  files.forEach((file, a) => {
    const name = String(a).padStart(7, '0');
    writeFileSync(join(out, 'sources', `${name}.txt`), texts[a]!);
    const article = { id: articleId(a), title: `Synthetic cooperation report ${a}`, publishedOn: `20${10 + (a % 15)}`, source: `sources/${name}.txt` };
    writeFileSync(join(out, 'facts', `${name}.json`), JSON.stringify({ article, entities: file.entities, relations: file.relations }));
  });
  const byKind = Object.fromEntries([...ids].map(([kind, list]) => [kind, list.length]));
  const entityCount = [...ids.values()].reduce((n, list) => n + list.length, 0) + articles;
  return {
    entities: entityCount,
    relations: seen.size,
    articles,
    byKind: { ...byKind, Article: articles },
    maxAgencyDegree: Math.max(...agencies.map((id) => degree.get(id) ?? 0)),
  };
}
