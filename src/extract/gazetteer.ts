// The extractor's domain knowledge, read from data/*.json (places, countries,
// ranks, titles, agency name patterns) and the ontology (crime synonyms),
// compiled once into matchers.

import { readFileSync } from 'node:fs';
import { CRIME_CATEGORIES, normalizeName, type AgencyLevel, type AreaLevel } from '../ontology/index.js';

export interface Place {
  name: string;
  aliases: string[];
  country: string;
  level: AreaLevel;
  /** canonical name of the province or region it lies in */
  within?: string;
}

export interface Country {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
}

export interface AgencyPattern {
  /** template with {place}: "{place} Provincial Police Department" */
  pattern: string;
  level: AgencyLevel;
  canonical: string;
}

/** The usual name of a place's police when the text only names the place ("the Guangxi side"). */
export interface AgencyDefault {
  /** ISO code, or "*" for any country */
  country: string;
  areaLevels: AreaLevel[];
  canonical: string;
  level: AgencyLevel;
}

export interface NationalAgency {
  name: string;
  aliases: string[];
  country?: string;
  level: AgencyLevel;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./data/${name}.json`, import.meta.url), 'utf8')) as T;

/** Regex source for a phrase: escaped, any apostrophe, flexible spaces. */
function phraseSource(phrase: string): string {
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/['’‘]/g, "['’‘]?")
    .replace(/\s+/g, '\\s+');
}

/** An alternation of phrases, longest first, so the longest wins at each position. */
export function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join('|');
}

export interface Match<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

/** Finds phrases in text: whole words, longest first, no overlaps. */
export class PhraseMatcher<T> {
  private readonly regex: RegExp;
  private readonly values = new Map<string, T>();

  constructor(entries: Iterable<[phrase: string, value: T]>, options: { ignoreCase?: boolean; openEnd?: boolean } = {}) {
    // every spelling goes into the pattern (it is case- and diacritic-sensitive);
    // spellings that match by the name rule share the first one's value
    const phrases: string[] = [];
    for (const [phrase, value] of entries) {
      const key = normalizeName(phrase);
      if (!key) continue;
      if (!this.values.has(key)) this.values.set(key, value);
      phrases.push(phrase);
    }
    // openEnd: a match may run into the next word ("crimeand" in a badly spaced text)
    const end = options.openEnd ? '' : '(?![\\p{L}\\p{N}])';
    this.regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(phrases) || '(?!)'})${end}`, `gu${options.ignoreCase ? 'i' : ''}`);
  }

  find(text: string, offset = 0): Match<T>[] {
    const found: Match<T>[] = [];
    for (const m of text.matchAll(this.regex)) {
      const value = this.values.get(normalizeName(m[0]));
      if (value !== undefined) found.push({ start: offset + m.index!, end: offset + m.index! + m[0].length, text: m[0], value });
    }
    return found;
  }

  get source(): string {
    return this.regex.source;
  }
}

export class Gazetteer {
  readonly places: Place[];
  readonly countries: Country[];
  readonly ranks: string[];
  readonly titles: string[];
  /** words that start a title ("Secretary", "Director"): never part of a person's name */
  readonly titleWords: Set<string>;
  readonly agencyPatterns: AgencyPattern[];
  readonly nationalAgencies: NationalAgency[];
  readonly agencyDefaults: AgencyDefault[];
  readonly placeMatcher: PhraseMatcher<Place>;
  readonly countryMatcher: PhraseMatcher<{ country: Country; demonym: boolean }>;
  readonly crimeMatcher: PhraseMatcher<string>;
  readonly nationalMatcher: PhraseMatcher<NationalAgency>;
  private readonly placesByName = new Map<string, Place>();

  constructor() {
    this.places = read<Place[]>('places');
    this.countries = read<Country[]>('countries');
    this.ranks = read<{ ranks: string[] }>('ranks').ranks;
    const titles = read<{ titles: string[]; headWords?: string[] }>('titles');
    this.titles = titles.titles;
    this.titleWords = new Set(titles.headWords ?? []);
    const agencies = read<{ patterns: AgencyPattern[]; national: NationalAgency[]; defaults?: AgencyDefault[] }>('agencies');
    this.agencyPatterns = agencies.patterns;
    this.nationalAgencies = agencies.national;
    this.agencyDefaults = agencies.defaults ?? [];
    for (const place of this.places) {
      for (const name of [place.name, ...place.aliases]) {
        if (!this.placesByName.has(normalizeName(name))) this.placesByName.set(normalizeName(name), place);
      }
    }
    this.placeMatcher = new PhraseMatcher(this.places.flatMap((p) => [p.name, ...p.aliases].map((n): [string, Place] => [n, p])));
    this.countryMatcher = new PhraseMatcher(
      this.countries.flatMap((country) => [
        ...[country.name, ...country.aliases].map((n): [string, { country: Country; demonym: boolean }] => [n, { country, demonym: false }]),
        ...country.demonyms.map((n): [string, { country: Country; demonym: boolean }] => [n, { country, demonym: true }]),
      ]),
    );
    this.crimeMatcher = new PhraseMatcher(
      Object.entries(CRIME_CATEGORIES).flatMap(([slug, spec]) => spec.synonyms.flatMap((s): [string, string][] => [[s, slug], [`${s}s`, slug]])),
      { ignoreCase: true, openEnd: true },
    );
    this.nationalMatcher = new PhraseMatcher(this.nationalAgencies.flatMap((a) => [a.name, ...a.aliases].map((n): [string, NationalAgency] => [n, a])));
  }

  place(name: string): Place | undefined {
    return this.placesByName.get(normalizeName(name));
  }

  country(code: string): Country | undefined {
    return this.countries.find((c) => c.code === code);
  }

  /** The chain of areas a place lies in, nearest first (not including itself). */
  parents(place: Place): Place[] {
    const chain: Place[] = [];
    let current = place.within ? this.place(place.within) : undefined;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = current.within ? this.place(current.within) : undefined;
    }
    return chain;
  }
}

let shared: Gazetteer | undefined;

/** The gazetteer, compiled on first use. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer();
  return shared;
}
