// Stage 3: a sentence → the mentions in it: places, countries, agencies
// (single and listed), people with rank and title, events, agreements, crime
// categories and reported outcomes. Patterns are built from the gazetteer.

import type { AgencyLevel, AgreementType, EventType } from '../ontology/index.js';
import type { Span } from './document.js';
import { alternation, gazetteer, type Gazetteer, type Match, type Place } from './gazetteer.js';
import { ORDINAL, parseNumber, parseOrdinal, QUANTITY } from './numbers.js';

export interface AgencyMention extends Span {
  /** canonical name: "Pu’er Municipal Police Department" */
  name: string;
  level: AgencyLevel;
  place?: Place;
  /** the place as written, when it is not in the gazetteer */
  unknownPlace?: string;
  /** where the place's name stands inside the mention */
  placeSpan?: Span;
  /** named only by its place (in a list, "the Guangxi side"): prefer an agency of that place already read */
  byPlace?: boolean;
  country?: string;
  confidence: number;
}

export interface PersonMention extends Span {
  name: string;
  nameSpan: Span;
  rank?: string;
  title?: string;
  agency?: AgencyMention;
  /** "Public Security" of ", Deputy Minister of Public Security" when no ministry is named beside it */
  ministryField?: string;
  confidence: number;
}

export interface EventMention extends Span {
  eventType: EventType;
  ordinal?: number;
  /** the event's own name when capitalised: "Law Enforcement Cooperation Conference" */
  named?: string;
  /** the phrase without its determiner: "regular meeting" */
  phrase: string;
  determiner?: string;
}

export interface AgreementMention extends Span {
  agreementType: AgreementType;
  ordinal?: number;
  plural: boolean;
  determiner?: string;
  /** the phrase without its determiner: "8th Memorandum of Understanding on cooperation" */
  phrase: string;
  /** "1 + 5" in “1 + 5” */
  quotedName?: string;
  /** what the mechanism or agreement is about: "law enforcement cooperation" */
  topic?: string;
  /** ordinal of the event it was signed at ("signed in the 2nd Conference") */
  signedAtOrdinal?: number;
  /** year it was signed, when the text says so ("signed in 2019") */
  signedIn?: string;
}

export interface OutcomeMention extends Span {
  action: string;
  quantities: { value: number; unit: string }[];
}

const CAP_WORD = "\\p{Lu}[\\p{L}’'-]*";
/** A capitalised name of one to three words, for places the gazetteer lacks. */
const CAP_NAME = `(?!(?:The|A|An|This|That|Its|Their)\\s)${CAP_WORD}(?:\\s+${CAP_WORD}){0,2}`;
const NOT_A_PLACE = /^(The|This|That|Vietnamese|Chinese|Lao|Cambodian|Provincial|Municipal|Police|Public|Security|Ministry|Department|Bureau|City|Province|District|Border|National|General)\b/;
const PLACE_PREFIX = '(?:(?:the\\s+)?(?:[A-Z][a-z]+\\s+)?(?:border\\s+)?(?:province|city|prefecture|autonomous\\s+region|region|district|town)\\s+(?:of\\s+)?)?';

/** "Provincial Police" → "[Pp]rovincial\s+[Pp]olice": fixed words in either case. */
function flexible(template: string): string {
  return template
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^([A-Za-z])/, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`))
    .join('\\s+');
}

// Patterns compiled once (V8 compiles a RegExp on first use, per object).
const NAMED_EVENT = new RegExp(
  `(?<![\\p{L}])(?:(?<det>[Tt]he|[Aa]|[Tt]heir)\\s+)?(?:(?<ord>${ORDINAL})\\s+)?(?<name>(?:\\p{Lu}[\\p{L}-]*\\s+){0,6}(?<head>Conference|Meeting|Talks|Forum|Dialogue|Workshop|Summit|Visit))(?![\\p{L}])`,
  'gu',
);
const COMMON_EVENT = new RegExp(
  `(?<![\\p{L}])(?:(?<det>a|an|the|their|this|its)|(?<verb>held|hold|holds|holding|organized|organised|attended|had))\\s+(?:(?<ord>${ORDINAL})\\s+)?(?<mods>(?:(?:regular|annual|bilateral|working|ministerial|joint|border|friendly|official|high-level|cooperation|police|periodic|biannual|quarterly|preliminary|review)\\s+){0,3})(?<head>conference|meeting|talks|talk|visit|forum|dialogue|workshop|summit|reception|working\\s+session|courtesy\\s+call|ceremony)(?![\\p{L}])(?<topic>\\s+on\\s+[a-z][a-z -]*?(?=\\s+(?:in|at|from|on|between|with)\\s|[,.;]|$))?`,
  'giu',
);
const AGREEMENT_HEAD = '(?<head>Memorandum\\s+of\\s+Understanding(?:\\s*\\(MoU\\))?|memorand(?:um|a)\\s+of\\s+understanding|MoUs?|MOUs?|cooperation\\s+agreements?|agreements?|cooperation\\s+documents?|cooperation\\s+plans?|cooperation\\s+programmes?|plans?|protocols?|minutes(?:\\s+of\\s+the\\s+(?:talks|meeting|conference|working\\s+session))?)';
const AGREEMENT = new RegExp(
  `(?<![\\p{L}])(?:(?<det>a|an|the|their|its|this|two|three|new|\\w+)\\s+)?(?:(?<ord>${ORDINAL})\\s+)?${AGREEMENT_HEAD}(?<topic>\\s+for\\s+\\d{4}(?:-\\d{4})?(?=\\s|[,.;]|$)|\\s+on\\s+(?:the\\s+)?[a-z][a-z0-9 -]*?(?:\\s+(?:in|for)\\s+\\d{4}(?:-\\d{4})?)?(?=\\s+between|\\s+signed|\\s+for\\s+the|\\s+at|\\s+in\\s+(?=\\p{Lu})|\\s+and\\s+(?:agreed|signed|decided|pledged|committed|rolled|discussed|exchanged|reviewed|will|would|to)\\b|,|\\.|;|$))?(?<signedIn>\\s+signed\\s+in\\s+(?<year>\\d{4}))?(?<signedAt>\\s+signed\\s+(?:at|in)\\s+the\\s+(?<atOrd>${ORDINAL})\\s+\\p{Lu}\\p{L}+)?`,
  'gu',
);
const MECHANISM = /(?:the\s+)?mechanism\s+of\s+(?<topic>[a-z][a-z -]+?)\s+(?:called|named|known\s+as)\s+[“"](?<name>[^”"]+)[”"]|(?:the\s+)?[“"](?<name2>[^”"]+)[”"]\s+(?<topic2>[a-z ]*?)mechanism/gu;
/** base forms after "to" ("coordinated to arrest 57 fugitives and to rescue 112 victims") */
const BASE_VERB = '(?:arrest|rescue|seize|hand\\s+over|return|detect|dismantle|investigate|handle|solve|bust|catch|deport|repatriate|extradite|confiscate|prosecute|discover|transfer)';
const VERB = `(?:(?:coordinated|cooperated|worked\\s+together|joined\\s+hands)\\s+to\\s+[a-z]+|to\\s+${BASE_VERB}|exchanged\\s+information\\s+(?:on|about)|[a-z]+ed|seized|caught|took|brought|broke|made|found|held|stamping\\s+out|[a-z]+ing\\s+out|handed\\s+over|busted|cracked\\s+down\\s+on|${BASE_VERB})`;
/** "more than 60": a number with the words that make it approximate */
const ABOUT = '(?:(?:more\\s+than|over|about|nearly|almost|around|some|at\\s+least|approximately|up\\s+to)\\s+)?';
/** "arrested and handed over": verbs joined by "and" or commas, with a particle */
const ACTION = `${VERB}(?:\\s+(?:and|,)\\s+${VERB})*(?:\\s+(?:over|out|up|down))?`;
// a clause runs from its action to the next clause mark or the next action with a number
const OUTCOME_CLAUSE = new RegExp(
  `(?<![\\p{L}])(?<action>${ACTION})\\s+(?<rest>${ABOUT}(?:${QUANTITY})\\s+(?:[^;.]|\\.(?=\\d))*?)(?=;|\\.\\s|\\.$|$|,?\\s+(?:and\\s+)?(?:[a-z]+ly\\s+)?${ACTION}\\s+${ABOUT}(?:${QUANTITY})\\s)`,
  'gu',
);

export class MentionFinder {
  /** each pattern with the fixed words a sentence must hold for it to be tried */
  private readonly agencyRegexes: { regex: RegExp; canonical: string; level: AgencyLevel; needs: string[] }[];
  private readonly listRegex: RegExp;
  private readonly rankSource: string;
  private readonly titleSource: string;
  private readonly personAfter: RegExp;
  private readonly personBefore: RegExp;
  private readonly titleBefore: RegExp;
  private readonly personAlone: RegExp;
  private readonly titleNameOf: RegExp;
  private readonly ledByTitle: RegExp;
  private readonly titleOfThe: RegExp;
  private readonly titleOfField: RegExp;
  private readonly sideRegex: RegExp;

  constructor(readonly gz: Gazetteer) {
    const places = alternation(gz.places.flatMap((p) => [p.name, ...p.aliases]));
    const place = `${PLACE_PREFIX}(?<place>${places}|${CAP_NAME})`;
    this.agencyRegexes = gz.agencyPatterns.map((p) => {
      const [before = '', after = ''] = p.pattern.split('{place}');
      const source = `${before ? flexible(before.trim()) + '\\s+' : ''}${place}${after ? '\\s+' + flexible(after.trim()) : ''}`;
      const needs = [before, after].map((part) => part.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean);
      return { regex: new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, 'gdu'), canonical: p.canonical, level: p.level, needs };
    });
    const known = `(?:${places})`;
    this.listRegex = new RegExp(
      `(?<lead>(?:provincial\\s+)?police(?:\\s+departments|\\s+forces|\\s+force)?\\s+of\\s+(?:the\\s+)?(?:provinces\\s+of\\s+)?)(?<list>${known}(?:\\s*,\\s*${known})*\\s*,?\\s+and\\s+${known})(?:\\s+provinces)?`,
      'gu',
    );
    this.rankSource = alternation(gz.ranks);
    this.titleSource = alternation(gz.titles);
    // "Mr. Huang Jun": an honorific may stand where a rank would
    const name = '(?:(?:Mr|Mrs|Ms|Madam|Dr)\\.?\\s+)?(?<name>\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,3})';
    const rank = `(?:(?<rank>${this.rankSource})\\s+)?`;
    // "Senior Colonel Vu Tien Dung, Vice Director of the " + agency
    this.personBefore = new RegExp(`${rank}${name}\\s*,\\s*(?<title>${this.titleSource})\\s+of\\s+(?:the\\s+)?$`, 'u');
    // "Vice Director of the " + agency + " Ma Shuliang"
    this.titleBefore = new RegExp(`(?<title>${this.titleSource})\\s+of\\s+(?:the\\s+)?$`, 'u');
    this.personAfter = new RegExp(`^\\s*,?\\s*${rank}${name}`, 'u');
    // "Vice Minister Du Hangwei of " + agency
    this.titleNameOf = new RegExp(`(?<title>${this.titleSource})\\s+${rank}${name}\\s+of\\s+(?:the\\s+)?$`, 'u');
    // <agency> ", headed by its Director, Major General Nguyen Van Hoa"
    this.ledByTitle = new RegExp(`\\b(?:led|headed|chaired)\\s+by\\s+(?:its|their)\\s+(?<title>${this.titleSource})\\s*,?\\s+${rank}${name}`, 'gu');
    this.titleOfThe = new RegExp(
      `(?<![\\p{L}])${rank}${name}\\s*,\\s*(?<title>${this.titleSource})\\s+of\\s+the\\s+(?<head>Headquarters|Department|Bureau|Commissariat|Ministry)(?![\\p{L}])`,
      'gu',
    );
    // ", Deputy Minister of Public Security": a post in a ministry named by its field
    this.titleOfField = new RegExp(
      `^\\s*,\\s*(?<title>${this.titleSource})\\s+of\\s+(?:the\\s+)?(?<field>\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?)(?:\\s+of\\s+(?<country>${alternation(gz.countries.flatMap((c) => [c.name, ...c.aliases]))}))?`,
      'u',
    );
    // "Deputy Minister Senior Lieutenant General Nguyen Van Son", "Major General Khamphan Sitthideth"
    this.personAlone = new RegExp(
      `(?<![\\p{L}])(?:(?<title>${this.titleSource})\\s+)?(?<rank>${this.rankSource})\\s+${name}|(?<![\\p{L}])(?<title2>${this.titleSource})\\s+(?<name2>\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,3})`,
      'gu',
    );
    this.sideRegex = new RegExp(`(?<![\\p{L}])(?:[Tt]he\\s+)?(?<place>${places})\\s+(?:side|police|police\\s+force|delegation)(?![\\p{L}])`, 'gu');
  }

  places(s: Span): Match<Place>[] {
    return this.gz.placeMatcher.find(s.text, s.start);
  }

  /** Countries named or implied by a demonym, outside place names ("Lao" in "Lao Cai" is not Laos). */
  countries(s: Span) {
    const places = this.places(s);
    return this.gz.countryMatcher.find(s.text, s.start).filter((c) => !places.some((p) => p.start <= c.start && c.end <= p.end));
  }

  crimes(s: Span): Match<string>[] {
    return this.gz.crimeMatcher.find(s.text, s.start);
  }

  /** Named agencies, national bodies and listed provincial police, without overlaps. */
  agencies(s: Span): AgencyMention[] {
    const found: AgencyMention[] = [];
    for (const m of this.gz.nationalMatcher.find(s.text, s.start)) {
      found.push({ start: m.start, end: m.end, text: m.text, name: m.value.name, level: m.value.level, ...(m.value.country ? { country: m.value.country } : {}), confidence: 0.9 });
    }
    const lower = s.text.toLowerCase().replace(/\s+/g, ' ');
    for (const { regex, canonical, level, needs } of this.agencyRegexes) {
      if (!needs.every((part) => lower.includes(part))) continue;
      for (const m of s.text.matchAll(regex)) {
        const raw = m.groups!.place!.trim();
        const place = this.gz.place(raw);
        if (!place && (NOT_A_PLACE.test(raw) || this.gz.countryMatcher.find(raw).length)) continue;
        const placeName = place?.name ?? raw;
        const [placeStart, placeEnd] = m.indices!.groups!.place!;
        found.push({
          placeSpan: { start: s.start + placeStart, end: s.start + placeEnd, text: m.groups!.place! },
          start: s.start + m.index!,
          end: s.start + m.index! + m[0].length,
          text: m[0],
          name: canonical.replace('{place}', placeName),
          level,
          ...(place ? { place, country: place.country } : { unknownPlace: raw }),
          confidence: place ? 0.9 : 0.6,
        });
      }
    }
    for (const m of s.text.matchAll(this.listRegex)) {
      const listStart = m.index! + m.groups!.lead!.length;
      for (const p of this.gz.placeMatcher.find(m.groups!.list!, s.start + listStart)) {
        const agency = this.defaultAgency(p.value, p);
        if (agency) found.push({ ...agency, confidence: 0.8, byPlace: true });
      }
    }
    // "X Bureau of Yunnan province": the agency is the leftmost reading, "of Yunnan" qualifies it
    return withoutOverlaps(found, 'leftmost');
  }

  /** "the Guangxi side", "Guangxi police": a place standing for its police. */
  sideReferences(s: Span): Match<Place>[] {
    return [...s.text.matchAll(this.sideRegex)].flatMap((m) => {
      const place = this.gz.place(m.groups!.place!);
      return place ? [{ start: s.start + m.index!, end: s.start + m.index! + m[0].length, text: m[0], value: place }] : [];
    });
  }

  /** The usual name of a place's police, from the gazetteer's defaults. */
  defaultAgency(place: Place, span: Span): AgencyMention | null {
    const rule = this.gz.agencyDefaults.find((d) => d.country === place.country && d.areaLevels.includes(place.level)) ??
      this.gz.agencyDefaults.find((d) => d.country === '*' && d.areaLevels.includes(place.level));
    if (!rule) return null;
    return {
      start: span.start,
      end: span.end,
      text: span.text,
      name: rule.canonical.replace('{place}', place.name),
      level: rule.level,
      place,
      placeSpan: span,
      country: place.country,
      confidence: 0.7,
      byPlace: true,
    };
  }

  /** People, with rank, title and agency when written beside the name. */
  people(s: Span, agencies: AgencyMention[]): PersonMention[] {
    const found: PersonMention[] = [];
    const local = (at: number) => at - s.start;
    for (const agency of agencies) {
      const before = s.text.slice(0, local(agency.start));
      const after = s.text.slice(local(agency.end));
      const full = this.personBefore.exec(before);
      if (full) {
        const start = s.start + full.index;
        const nameStart = start + full[0].indexOf(full.groups!.name!, full.groups!.rank?.length ?? 0);
        found.push(this.person(full.groups!.name!, nameStart, start, agency.end, s, full.groups!.rank, full.groups!.title, agency, 0.9));
        continue;
      }
      const titled = this.titleNameOf.exec(before);
      if (titled) {
        const start = s.start + titled.index;
        const nameStart = start + titled[0].indexOf(titled.groups!.name!, titled.groups!.title!.length);
        found.push(this.person(titled.groups!.name!, nameStart, start, agency.end, s, titled.groups!.rank, titled.groups!.title, agency, 0.85));
        continue;
      }
      const title = this.titleBefore.exec(before);
      const name = title ? this.personAfter.exec(after) : null;
      if (title && name) {
        const start = s.start + title.index;
        const nameStart = agency.end + name[0].lastIndexOf(name.groups!.name!);
        found.push(this.person(name.groups!.name!, nameStart, start, agency.end + name[0].length, s, name.groups!.rank, title.groups!.title, agency, 0.85));
      }
    }
    // "Police Colonel Khamla Sisouk, Director of the Headquarters": the agency just named
    for (const m of s.text.matchAll(this.titleOfThe)) {
      const start = s.start + m.index!;
      const head = m.groups!.head!;
      const agency = agencies.filter((a) => a.end <= start && new RegExp(`\\b${head}\\b`, 'i').test(a.name)).at(-1);
      const nameStart = start + m[0].indexOf(m.groups!.name!, m.groups!.rank?.length ?? 0);
      if (agency && !found.some((p) => p.nameSpan.start === nameStart)) {
        found.push(this.person(m.groups!.name!, nameStart, start, start + m[0].length, s, m.groups!.rank, m.groups!.title, agency, 0.75));
      }
    }
    for (const m of s.text.matchAll(this.ledByTitle)) {
      const agency = agencies.filter((a) => a.end <= s.start + m.index!).at(-1);
      const nameStart = s.start + m.index! + m[0].lastIndexOf(m.groups!.name!);
      const start = s.start + m.index! + m[0].search(/(?:its|their)\s/) + m[0].match(/(?:its|their)\s+/)![0].length;
      if (agency) found.push(this.person(m.groups!.name!, nameStart, start, nameStart + m.groups!.name!.length, s, m.groups!.rank, m.groups!.title, agency, 0.8));
    }
    for (const m of s.text.matchAll(this.personAlone)) {
      const nameText = m.groups!.name ?? m.groups!.name2!;
      const nameStart = s.start + m.index! + m[0].lastIndexOf(nameText);
      if (found.some((p) => p.nameSpan.start === nameStart) || this.isNotAName(nameText)) continue;
      let title = m.groups!.title ?? m.groups!.title2;
      let end = s.start + m.index! + m[0].length;
      const post = this.titleOfField.exec(s.text.slice(end - s.start));
      const ministry = post
        ? (this.ministryOfCountry(post, end) ??
          agencies.filter((a) => a.level === 'NATIONAL' && a.end <= nameStart && a.name.includes(`of ${post.groups!.field}`)).at(-1))
        : undefined;
      if (post) {
        title = post.groups!.title;
        end += post[0].length;
      }
      const person = this.person(nameText, nameStart, s.start + m.index!, end, s, m.groups!.rank, title, ministry, ministry ? 0.8 : 0.7);
      found.push(post && !ministry ? { ...person, ministryField: post.groups!.field! } : person);
    }
    return found.filter((p) => !this.isNotAName(p.name));
  }

  /** ", Deputy Minister of Public Security of Laos": the ministry the gazetteer knows for that field and country */
  private ministryOfCountry(post: RegExpExecArray, offset: number): AgencyMention | undefined {
    const { field, country } = post.groups!;
    if (!country) return undefined;
    const code = this.gz.countryMatcher.find(country)[0]?.value.country.code;
    const national = this.gz.nationalAgencies.find((n) => n.country === code && new RegExp(`\\bof ${field}\\b`).test(n.name));
    if (!national) return undefined;
    const start = offset + post[0].indexOf(field!);
    const text = post[0].slice(post[0].indexOf(field!));
    return { start, end: start + text.length, text, name: national.name, level: national.level, ...(code ? { country: code } : {}), confidence: 0.8 };
  }

  private person(name: string, nameStart: number, start: number, end: number, s: Span, rank?: string, title?: string, agency?: AgencyMention, confidence = 0.8): PersonMention {
    return {
      start,
      end,
      text: s.text.slice(start - s.start, end - s.start),
      name,
      nameSpan: { start: nameStart, end: nameStart + name.length, text: name },
      ...(rank ? { rank } : {}),
      ...(title ? { title } : {}),
      ...(agency ? { agency } : {}),
      confidence,
    };
  }

  private isNotAName(name: string): boolean {
    const words = name.split(/[ -]/);
    return words.some((w) => /^(Police|Department|Province|Provincial|Municipal|Ministry|Public|Security|Bureau|City|The|Vietnam|China|Laos|Cambodia|MoU|Conference|Meeting|Forum)$/.test(w) || this.gz.titleWords.has(w)) ||
      // a whole name that is a place or a country is not a person; a word of one may be ("Thai Hong Cong")
      this.gz.place(name) !== undefined || this.gz.countryMatcher.find(name).some((c) => c.text.length === name.length);
  }

  events(s: Span): EventMention[] {
    const found: EventMention[] = [];
    for (const m of s.text.matchAll(NAMED_EVENT)) {
      const name = m.groups!.name!;
      if (/^(The|A)\s/.test(name)) continue;
      const phrase = m[0].replace(/^(the|a|their)\s+/i, '');
      const ordinal = m.groups!.ord ? parseOrdinal(m.groups!.ord) : undefined;
      found.push({
        start: s.start + m.index!,
        end: s.start + m.index! + m[0].length,
        text: m[0],
        eventType: eventType(m.groups!.head!),
        ...(ordinal ? { ordinal } : {}),
        ...(name.split(/\s+/).length > 1 ? { named: name } : {}),
        phrase,
        ...(m.groups!.det ? { determiner: m.groups!.det.toLowerCase() } : {}),
      });
    }
    for (const m of s.text.matchAll(COMMON_EVENT)) {
      const lead = m.groups!.verb ? m.groups!.verb.length + 1 : 0;
      const start = s.start + m.index! + lead;
      if (found.some((f) => f.start <= start && start < f.end)) continue;
      const ordinal = m.groups!.ord ? parseOrdinal(m.groups!.ord) : undefined;
      const text = m[0].slice(lead);
      found.push({
        start,
        end: start + text.length,
        text,
        eventType: eventType(m.groups!.head!),
        ...(ordinal ? { ordinal } : {}),
        phrase: m.groups!.det ? text.slice(m.groups!.det.length).trim() : text.replace(/^\s*(?:held|hold|holds|holding|organi[sz]ed|attended|had)\s+/i, '').trim(),
        ...(m.groups!.det ? { determiner: m.groups!.det.toLowerCase() } : {}),
      });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  agreements(s: Span): AgreementMention[] {
    const found: AgreementMention[] = [];
    const signing = /\bsign(?:ed|ing|s)?\b|\bink(?:ed)?\b/i.test(s.text);
    for (const m of s.text.matchAll(AGREEMENT)) {
      const headText = m.groups!.head!;
      const isMou = /memorand|mou/i.test(headText);
      const generic = !isMou && !/cooperation/i.test(headText);
      if (generic && !signing) continue;
      if (/^minutes$/i.test(headText) && !signing) continue;
      let det = m.groups!.det;
      let start = s.start + m.index!;
      // a determiner word that is not one (e.g. "signed a MoU": "signed" was taken as det)
      if (det && !/^(a|an|the|their|its|this|two|three|new)$/i.test(det) && !parseNumber(det)) {
        start += det.length + 1;
        det = undefined;
      }
      const text = s.text.slice(start - s.start, m.index! + m[0].length);
      const ordinal = m.groups!.ord ? parseOrdinal(m.groups!.ord) : undefined;
      const atOrd = m.groups!.atOrd ? parseOrdinal(m.groups!.atOrd) : undefined;
      const topic = m.groups!.topic?.replace(/^\s+(?:on|for)\s+(the\s+)?/, '').trim();
      const year = m.groups!.year;
      found.push({
        start,
        end: start + text.length,
        text,
        agreementType: isMou ? 'MOU' : 'OTHER',
        ...(ordinal ? { ordinal } : {}),
        plural: /s$/i.test(headText.replace(/\s*\(MoU\)$/, '')) && !/minutes/i.test(headText),
        ...(det ? { determiner: det.toLowerCase() } : {}),
        phrase: det ? text.slice(det.length).trim() : text,
        ...(topic ? { topic } : {}),
        ...(atOrd ? { signedAtOrdinal: atOrd } : {}),
        ...(year ? { signedIn: year } : {}),
      });
    }
    // mechanisms: "the mechanism of law enforcement cooperation called “1 + 5”", "the “1 + 5” mechanism"
    for (const m of s.text.matchAll(MECHANISM)) {
      const start = s.start + m.index!;
      const quotedName = (m.groups!.name ?? m.groups!.name2)!;
      const topic = (m.groups!.topic ?? m.groups!.topic2 ?? '').trim();
      found.push({
        start,
        end: start + m[0].length,
        text: m[0],
        agreementType: 'MECHANISM',
        plural: false,
        phrase: m[0].replace(/^the\s+/, ''),
        quotedName,
        ...(topic ? { topic } : {}),
      });
    }
    return withoutOverlaps(found);
  }

  /**
   * Reported results: clauses led by a verb in the past tense (or -ing) and
   * holding a quantity: "arrested and transferred 46 wanted fugitives to ...".
   */
  outcomes(s: Span): OutcomeMention[] {
    const found: OutcomeMention[] = [];
    for (const m of s.text.matchAll(OUTCOME_CLAUSE)) {
      const action = m.groups!.action!.replace(/\s+/g, ' ');
      if (/^(focused|aimed|agreed|continued|contributed|reviewed|discussed|expressed|emphasized|signed|attended|held|organized)$/.test(action)) continue;
      const quantities = quantitiesOf(m.groups!.rest!);
      // "received a delegation", "held a meeting": not results
      if (!quantities.length || quantities.every((q) => NOT_A_RESULT.test(q.unit))) continue;
      // "coordinated to handle 12 cases": the result is what was handled
      const lead = /^(?:(?:coordinated|cooperated|worked\s+together|joined\s+hands)\s+)?to\s+/.exec(m[0])?.[0].length ?? 0;
      const start = s.start + m.index! + lead;
      const text = m[0].slice(lead).replace(/[,\s]+$/, '');
      found.push({ start, end: start + text.length, text, action: normalizeAction(action.slice(lead)), quantities });
    }
    // "launched a cooperation hotline": "a" counts as one only among other results with numbers
    const counted = found.filter((o) => !/^(?:a|an)\s/i.test(o.text.slice(o.action.length).trimStart()));
    return counted.length ? found : [];
  }
}

function eventType(head: string): EventType {
  const h = head.toLowerCase();
  if (/ceremony/.test(h)) return 'OTHER';
  if (/conference|forum|dialogue|workshop|summit/.test(h)) return 'CONFERENCE';
  if (/visit|courtesy/.test(h)) return 'VISIT';
  return 'MEETING';
}

/** "stamping out" is reported as "stamped out". */
function normalizeAction(action: string): string {
  return action.replace(/\b([a-z]+?)(p?)ing out\b/, (_, stem: string, p: string) => `${stem}${p}ed out`);
}

const NOT_A_RESULT = /^(delegations?|visits?|meetings?|conferences?|receptions?|talks?|sessions?|ceremon(?:y|ies)|speech(?:es)?)$/i;
const PERSON_NOUNS = /^(citizens?|persons?|people|fugitives?|criminals?|suspects?|victims?|offenders?|individuals?|women|men|children|migrants?|workers?|nationals?|subjects?|traffickers?|defendants?)$/i;
const UNIT_STOP = /^(involving|illegally|to|for|of|in|at|on|from|with|who|which|that|and|violating|using|organized|across|into|by|while|after|before|as)$/i;

/** Each number in the clause with the noun it counts ("44 Chinese citizens" → 44 persons). */
export function quantitiesOf(text: string): { value: number; unit: string }[] {
  const result: { value: number; unit: string }[] = [];
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?<n>${QUANTITY})\\s+(?<words>(?:[\\p{L}-]+\\s*){1,5})`, 'gu');
  for (const m of text.matchAll(regex)) {
    const value = parseNumber(m.groups!.n!);
    if (value === null) continue;
    const words: string[] = [];
    for (const word of m.groups!.words!.trim().split(/\s+/)) {
      if (UNIT_STOP.test(word)) break;
      words.push(word);
    }
    const noun = words.at(-1);
    if (!noun || /^(year|years|month|months)$/i.test(noun)) continue;
    const unit = PERSON_NOUNS.test(noun) ? 'persons' : value === 1 && !noun.endsWith('s') ? `${noun}s` : noun;
    result.push({ value, unit: unit.toLowerCase() });
  }
  return result;
}

/** Keeps the longest of overlapping mentions (earliest first on ties), or the leftmost. */
export function withoutOverlaps<T extends Span>(mentions: T[], prefer: 'longest' | 'leftmost' = 'longest'): T[] {
  const longest = (a: T, b: T) => b.end - b.start - (a.end - a.start);
  const sorted = [...mentions].sort((a, b) => (prefer === 'leftmost' ? a.start - b.start || longest(a, b) : longest(a, b) || a.start - b.start));
  const kept: T[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

let shared: MentionFinder | undefined;

/** The finder over the shared gazetteer, built on first use. */
export function mentionFinder(): MentionFinder {
  shared ??= new MentionFinder(gazetteer());
  return shared;
}
