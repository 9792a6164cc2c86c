// Stages 4 and 5: mentions → entities and relations, each with its evidence
// and the confidence of its rule; inferences (a delegation head as signatory,
// a place's country from the gazetteer) are stated: false with the reason.

import { normalizeName, slugify } from '../ontology/index.js';
import type { ArticleDocument, Span } from './document.js';
import { Draft } from './draft.js';
import { gazetteer, type Place } from './gazetteer.js';
import { mentionFinder, type MentionFinder, type AgencyMention, type AgreementMention, type EventMention, type OutcomeMention, type PersonMention } from './mentions.js';
import { ordinalSuffix, parseNumber } from './numbers.js';
import type { Sentence } from './sentences.js';
import * as chrono from 'chrono-node';

/** Where the article contradicts itself (the seed counts four provinces, then five). */
export interface DraftConflict {
  id: string;
  property: string;
  about: string[];
  note: string;
  claims: { value: string; evidence: Span[] }[];
}

export interface ArticleFacts {
  draft: Draft;
  conflicts: DraftConflict[];
  /** mentions that name something the extractor could not place */
  unresolved: (Span & { reason: string })[];
  warnings: string[];
}

interface Reading {
  s: Sentence;
  agencies: (AgencyMention & { id: string })[];
  people: (PersonMention & { id: string; agencyId?: string })[];
  events: EventMention[];
  agreements: AgreementMention[];
  crimes: { start: number; end: number; text: string; id: string }[];
  outcomes: (OutcomeMention & { id: string })[];
  sides: { start: number; end: number; text: string; id: string }[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SIGNING_WORD = /\b(sign(?:ed|s|ing)?|inked)\b/i;
/** A sentence about a signing, not one that names an agreement by where it was once signed. */
const signs = (text: string) => SIGNING_WORD.test(text.replace(/\bsigned\s+(?:at|in|on)\s+(?:the\s+)?(?:\d{4}\b|\S+\s+\p{Lu}\p{L}+)/gu, ''));
/** "agreed a mechanism", "agreed on a plan": an instrument set up without a signature */
const AGREES_ON = /\bagreed\s+(?:on\s+|upon\s+)?(?:a|an|the)\s+(?:\w+\s+){0,2}(?:mechanism|agreement|plan|memorandum|MoU|programme|program)/i;
/** the signing took place at the event the article is about */
const ON_THE_OCCASION = /\b(on this occasion|at the end of|on the sidelines|during the (?:visit|talks|meeting|conference))\b/i;
const FORWARD = /\b(would|will|agreed|agree|focus(?:ing|ed)?|continue to|in the time to come|coming time|directions|pledged|committed|plan(?:ned)?|discussed|measures to|solutions to)\b/i;
const REVIEW = /\b(review(?:ed)?|maintained|past time|past year|implement(?:ed|ation)?|carried out|results? of|outcomes? of|amend(?:ed)?|revis(?:e|ed)|assess(?:ed)?|evaluat(?:e|ed))\b/i;
const TWO_SIDES = /\b(both sides|each side|the sides|their|between the two|(?:the|both)\s+(?:two|three|four|five)\s+(?:\w+\s+)?(?:sides|ministries|forces|departments|provinces|countries|units|agencies|bureaus|police|localities|cities|areas))\b/i;
const LEADING = /\b(led|headed|leading|heading)\b/i;
const CHAIRING = /\b(co-chaired|chaired|co-chairing|chairing|presided over)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

export interface ArticleHeader {
  id: string;
  title: string;
  publishedOn: string;
  attributes: Record<string, unknown>;
}

export function extractFacts(doc: ArticleDocument, sentences: Sentence[], article: ArticleHeader): ArticleFacts {
  const { id: articleId, publishedOn } = article;
  const gz = gazetteer();
  const finder = mentionFinder();
  const draft = new Draft();
  /** agency → the place its name holds, filled as agencies are read */
  const agencyPlace = new Map<string, Place>();
  const unresolved: ArticleFacts['unresolved'] = [];
  const warnings: string[] = [];
  const span = (start: number, end: number): Span => ({ start, end, text: doc.text.slice(start, end) });
  const sentenceSpan = (s: Sentence): Span => span(s.start, s.end);

  // the article itself, its title as evidence (or its first line when the title is not in the text)
  const titleAt = doc.title && doc.title.text === article.title ? doc.title : doc.text.indexOf(article.title) >= 0 ? span(doc.text.indexOf(article.title), doc.text.indexOf(article.title) + article.title.length) : span(doc.body.start, doc.text.indexOf('\n', doc.body.start) > 0 ? doc.text.indexOf('\n', doc.body.start) : doc.body.end);
  draft.entity('Article', article.title, titleAt, 1, { id: articleId, attributes: { ...article.attributes, title: article.title, publishedOn } });

  // --- places, countries --------------------------------------------------
  const placeIds = new Map<Place, string>();
  const placeMentions: { place: Place; span: Span; id: string }[] = [];
  const areaOf = (place: Place, at: Span, confidence = 0.85) => {
    const id = draft.entity('Area', place.name, at, confidence, {
      attributes: { level: place.level },
      aliases: at.text !== place.name && !/\b(side|police)\b/i.test(at.text) ? [at.text] : [],
    });
    placeIds.set(place, id);
    placeMentions.push({ place, span: at, id });
    return id;
  };
  const countryIds = new Map<string, string>();
  const countryOf = (code: string, at: Span) => {
    const country = gz.country(code);
    if (!country) return undefined;
    const id = draft.entity('Country', country.name, at, 0.9, { id: `country:${code.toLowerCase()}`, attributes: { code } });
    countryIds.set(code, id);
    return id;
  };

  // --- the dateline's publisher ("MPS - ...") -----------------------------
  let dateline: Span | null = null;
  let publisherAgency: (AgencyMention & { id: string }) | undefined;
  const datelineMatch = /^([A-Z][A-Za-z]{1,6})\s+[-–]\s+/.exec(doc.body.text);
  if (datelineMatch) {
    const national = gz.nationalMatcher.find(datelineMatch[1]!)[0];
    const words = doc.body.text.slice(datelineMatch[0].length).split(/\s+/).slice(0, 4).join(' ');
    dateline = span(doc.body.start, doc.body.start + datelineMatch[0].length + words.length);
    if (national) {
      const id = draft.entity('PoliceAgency', national.value.name, dateline, 0.9, {
        attributes: { level: national.value.level },
        aliases: [datelineMatch[1]!],
      });
      draft.relation('PUBLISHED', id, articleId, dateline, 0.9);
      publisherAgency = { ...dateline, name: national.value.name, level: national.value.level, ...(national.value.country ? { country: national.value.country } : {}), confidence: 0.8, id };
    }
  }

  /** A ministry named only inside a person's title ("Deputy Minister of Public Security of Laos"). */
  function namedInTitle(a: AgencyMention): AgencyMention & { id: string } {
    const id = draft.entity('PoliceAgency', a.name, span(a.start, a.end), a.confidence, { attributes: { level: a.level } });
    return { ...a, id };
  }

  /** ", Deputy Minister of Public Security" with no ministry named nearby: the publisher's, when it is that ministry */
  function ministryOf(field: string | undefined): (AgencyMention & { id: string }) | undefined {
    if (!field || !publisherAgency || !publisherAgency.name.includes(`of ${field}`)) return undefined;
    return publisherAgency;
  }

  // --- read every sentence ------------------------------------------------
  const readings: Reading[] = sentences.map((s) => {
    // "Thai" in "Colonel Thai Hong Cong" is a name, not Thailand
    const found = finder.agencies(s);
    const names = finder.people(s, found).map((p) => p.nameSpan);
    for (const m of finder.countries(s)) {
      if (!names.some((n) => n.start <= m.start && m.end <= n.end)) countryOf(m.value.country.code, span(m.start, m.end));
    }
    const agencies = found
      .filter((a) => !(dateline && a.start < dateline.end && a.end <= dateline.end + 1 && a.level === 'NATIONAL' && a.text.length <= 6))
      .flatMap((a) => {
        if (!a.place && a.unknownPlace) {
          unresolved.push({ start: a.start, end: a.end, text: a.text, reason: `police agency of a place the gazetteer does not know ("${a.unknownPlace}")` });
          return [];
        }
        // one article's police of one place at one level is one agency, however its name is written
        const samePlace = [...agencyPlace.entries()].find(
          ([id, place]) => place === a.place && (a.byPlace || draft.entities.get(id)?.attributes.level === a.level),
        )?.[0];
        if (samePlace) {
          if (!a.byPlace) draft.alias(samePlace, a.text.replace(/^the\s+/i, ''));
          return [{ ...a, id: samePlace }];
        }
        const aliases = !a.byPlace && a.text.replace(/^the\s+/i, '') !== a.name ? [a.text.replace(/^the\s+/i, '')] : [];
        const id = draft.entity('PoliceAgency', a.name, span(a.start, a.end), a.confidence, { attributes: { level: a.level }, aliases });
        if (a.place) {
          agencyPlace.set(id, a.place);
          const area = areaOf(a.place, a.placeSpan ?? span(a.start, a.end));
          draft.relation('HAS_JURISDICTION', id, area, span(a.start, a.end), a.confidence);
        }
        return [{ ...a, id }];
      });
    const covered = (start: number, end: number) => agencies.some((a) => a.start <= start && end <= a.end);
    for (const m of finder.places(s)) if (!covered(m.start, m.end)) areaOf(m.value, span(m.start, m.end));
    const sides = finder.sideReferences(s).flatMap((m) => {
      const existing = [...draft.entities.values()].find((e) => e.kind === 'PoliceAgency' && agencyPlace.get(e.id) === m.value);
      const agency = existing ? null : finder.defaultAgency(m.value, span(m.start, m.end));
      const id = existing?.id ?? (agency ? draft.entity('PoliceAgency', agency.name, span(m.start, m.end), 0.6, { attributes: { level: agency.level } }) : null);
      if (!id) return [];
      draft.alias(id, m.text.replace(/^the\s+/i, ''));
      return [{ start: m.start, end: m.end, text: m.text, id }];
    });
    const people = finder.people(s, agencies).map((p) => {
      const agency = p.agency ? (agencies.find((a) => a.start === p.agency!.start) ?? namedInTitle(p.agency)) : ministryOf(p.ministryField);
      const nationality = agency?.country;
      const id = draft.entity('Person', p.name, span(p.start, p.end), p.confidence, {
        attributes: { ...(p.rank ? { rank: p.rank } : {}), ...(nationality ? { nationality } : {}) },
      });
      if (agency) {
        draft.relation('HOLDS_POSITION', id, agency.id, span(p.start, p.end), p.confidence, {
          properties: { ...(p.title ? { title: p.title } : {}), ...(p.rank ? { rank: p.rank } : {}) },
        });
      }
      return { ...p, id, ...(agency ? { agencyId: agency.id } : {}) };
    });
    const crimes = finder.crimes(s).map((m) => {
      const slug = m.value;
      const id = draft.entity('CrimeCategory', labelOf(slug), span(m.start, m.end), 0.85, {
        id: `crime-category:${slug}`,
        attributes: { slug },
        aliases: [m.text.toLowerCase()],
      });
      return { start: m.start, end: m.end, text: m.text, id };
    });
    return { s, agencies, people, events: finder.events(s), agreements: finder.agreements(s), crimes, outcomes: [], sides };
  });

  // --- the event the article is about -------------------------------------
  const firstEvent = readings.flatMap((r) => r.events.map((e) => ({ e, r })))[0];
  let mainEventId: string | null = null;
  let mainEvent: { id: string; name: string; ordinal?: number; start?: string; reading: Reading } | null = null;
  const participants: string[] = [];
  const otherEvents = new Map<number, string>();
  if (firstEvent) {
    const { e, r } = firstEvent;
    // the parties, date and place are in the sentence that names the event and in the lead
    const lead = readings[0]!;
    // agencies named, standing in for their side, or served by a person named there ("the Deputy Minister received")
    const partiesOf = (x: Reading) => [
      ...new Set([...x.agencies.map((a) => a.id), ...x.sides.map((side) => side.id), ...x.people.flatMap((p) => (p.agencyId ? [p.agencyId] : []))]),
    ];
    participants.push(...new Set(r === lead ? partiesOf(r) : [...partiesOf(lead), ...partiesOf(r)]));
    const dates = eventDates(r.s.text, publishedOn) ?? (r === lead ? null : eventDates(lead.s.text, publishedOn));
    const month = (dates?.start ?? publishedOn).slice(0, 7);
    const monthLabel = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
    const label = sidesLabel(participants);
    const name = e.named
      ? `${e.ordinal ? `${ordinalSuffix(e.ordinal)} ` : ''}${e.named}`
      : `${label ? `${label} ` : ''}${e.phrase} (${monthLabel})`;
    mainEventId = draft.entity('Event', name, span(e.start, e.end), 0.8, {
      attributes: {
        eventType: e.eventType,
        ...(e.ordinal ? { ordinal: e.ordinal } : {}),
        startDate: dates?.start ?? month,
        ...(dates?.end ? { endDate: dates.end } : {}),
      },
      aliases: e.named ? [] : [e.phrase],
    });
    mainEvent = { id: mainEventId, name, ...(e.ordinal ? { ordinal: e.ordinal } : {}), ...(dates ? { start: dates.start } : {}), reading: r };
    for (const id of participants) {
      const hostPlace = eventPlaceMention(r, finder)?.place;
      const agencyArea = agencyPlace.get(id);
      const role = hostPlace && agencyArea ? (hostPlace === agencyArea || gz.parents(hostPlace).includes(agencyArea) ? 'HOST' : 'GUEST') : 'PARTICIPANT';
      draft.relation('PARTICIPATED_IN', id, mainEventId, sentenceSpan(r.s), 0.8, { properties: { role } });
    }
    // every later mention of an event without another ordinal is the same event
    for (const reading of readings) {
      for (const ev of reading.events) {
        if (ev.ordinal && mainEvent.ordinal && ev.ordinal !== mainEvent.ordinal) {
          const otherName = e.named ? `${ordinalSuffix(ev.ordinal)} ${e.named}` : `${ordinalSuffix(ev.ordinal)} ${ev.phrase.replace(/^\d+(st|nd|rd|th)\s+/, '')}`;
          const id = draft.entity('Event', otherName, span(ev.start, ev.end), 0.7, {
            attributes: { eventType: ev.eventType, ordinal: ev.ordinal },
            aliases: [ev.phrase],
          });
          otherEvents.set(ev.ordinal, id);
        } else if (ev !== e && !ev.named && (ev.determiner === 'the' || ev.determiner === 'this' || ev.determiner === 'its')) {
          draft.alias(mainEventId, ev.text);
        } else if (ev !== e) {
          draft.alias(mainEventId, ev.phrase);
        }
      }
      // where it was held: "in Dien Bien Phu city"
      const held = reading.events.length || (reading === lead && r !== lead) ? eventPlaceMention(reading, finder) : null;
      if (held) {
        const area = areaOf(held.place, held.span);
        // "talks ... in Beijing" during a visit: a part of the event was held there
        const nearest = reading.events.filter((ev) => ev.start < held.span.start).at(-1) ?? reading.events[0] ?? e;
        const ownMention = nearest.eventType === e.eventType;
        // "in Ha Giang city" where the gazetteer knows only the province: the city lies in it
        const cityOfProvince = /\b(?:city|town)$/.test(held.span.text) && held.place.level !== 'CITY';
        // "at the Lao Cai international border gate": a landmark named after the place
        const landmark = /^\s+(?:international\s+)?(?:border\s+gate|border\s+crossing|port|checkpoint)\b/i.exec(doc.text.slice(held.span.end, held.span.end + 40));
        const inference = !ownMention
          ? `the ${nearest.phrase} of the event were held in ${held.place.name}`
          : cityOfProvince
            ? `held in ${held.span.text.replace(/^(?:in|at)\s+(?:the\s+)?/, '')}, which lies in ${held.place.name} ${held.place.level.toLowerCase()}`
            : landmark
              ? `held at the ${held.place.name}${landmark[0].trimEnd()}, in ${held.place.name}`
              : undefined;
        draft.relation('LOCATED_IN', mainEventId, area, held.span, inference ? 0.6 : 0.75, inference ? { inference } : {});
      }
    }
  }
  const sideCountries = [...new Set(participants.flatMap((id) => agencyCountry(id)))];

  /** "Dien Bien – Pu’er": the places of the parties, or their countries for national bodies. */
  function sidesLabel(ids: string[]): string {
    const places = [...new Set(ids.flatMap((id) => (agencyPlace.get(id) ? [agencyPlace.get(id)!.name] : [])))];
    if (places.length) return places.slice(0, 3).join(' – ');
    return [...new Set(ids.flatMap(agencyCountry))].map((code) => gz.country(code)?.name ?? code).join(' – ');
  }

  function agencyCountry(id: string): string[] {
    const place = agencyPlace.get(id);
    if (place) return [place.country];
    const national = gz.nationalAgencies.find((n) => draft.entities.get(id)?.name === n.name);
    return national?.country ? [national.country] : [];
  }

  // --- collective references: "the police force of the four Vietnamese provinces"
  const collective = (text: string): string[] => {
    const m = /(?:the\s+)?(?:(\w+)\s+)?(\p{Lu}\p{L}+)\s+(?:border\s+)?provinces|(?:the\s+)?(\p{Lu}\p{L}+)\s+police/u.exec(text);
    if (!m) return [];
    const word = m[2] ?? m[3]!;
    const country = gz.countries.find((c) => c.demonyms.includes(word) || c.name === word.replace(/’s$/, ''));
    if (!country) return [];
    return [...draft.entities.values()]
      .filter((e) => e.kind === 'PoliceAgency' && e.attributes.level === 'PROVINCIAL' && agencyPlace.get(e.id)?.country === country.code)
      .map((e) => e.id);
  };
  const sidesIn = (r: Reading, before = Infinity): string[] => {
    const text = doc.text.slice(r.s.start, Math.min(r.s.end, before));
    const mentioned = [...r.agencies, ...r.sides].filter((a) => a.start < before);
    const named = mentioned.map((a) => a.id);
    // "X, Director of <agency> said that the police of the two provinces had ...": the
    // subject nearest the verb wins over an agency named earlier in the sentence
    const lastEnd = Math.max(r.s.start, ...mentioned.map((a) => a.end));
    if (mentioned.length && TWO_SIDES.test(doc.text.slice(lastEnd, Math.min(r.s.end, before)))) return participants;
    const listed = collective(text);
    if (listed.length) return [...new Set([...listed, ...named.filter((id) => !listed.includes(id))])];
    if (named.length) return [...new Set(named)];
    if (TWO_SIDES.test(text)) return participants;
    return [];
  };

  // --- agreements ---------------------------------------------------------
  const agreementIds = new Map<string, string>();
  let lastAgreement: string | null = null;
  const signedAtMain = new Set<string>();
  const ordinalAgreements = new Map<number, string>();
  const pairLabel = sidesLabel(participants);
  for (const r of readings) {
    const signing = signs(r.s.text);
    for (const a of r.agreements) {
      const at = span(a.start, a.end);
      const typeWord = a.agreementType === 'MOU' ? 'MoU' : a.agreementType === 'MECHANISM' ? 'mechanism' : 'agreement';
      let key: string;
      let name: string;
      const attributes: Record<string, unknown> = { agreementType: a.agreementType === 'MOU' || a.agreementType === 'MECHANISM' ? a.agreementType : 'OTHER' };
      if (a.quotedName) {
        key = `named:${a.quotedName}`;
        name = `“${a.quotedName}” ${a.topic ? `${a.topic} ` : ''}mechanism`;
      } else if (a.ordinal) {
        key = `ord:${a.ordinal}`;
        name = `${ordinalSuffix(a.ordinal)} ${pairLabel ? `${pairLabel} ` : ''}${typeWord}`;
        attributes.ordinal = a.ordinal;
      } else if (a.signedAtOrdinal) {
        key = `at:${a.signedAtOrdinal}`;
        const eventName = otherEvents.has(a.signedAtOrdinal) ? draft.entities.get(otherEvents.get(a.signedAtOrdinal)!)!.name : `${ordinalSuffix(a.signedAtOrdinal)} event`;
        name = `${typeWord} signed at the ${eventName}`;
      } else if (a.plural && signing) {
        const count = countBefore(r.s.text.slice(0, a.start - r.s.start));
        key = `collective:${a.start}`;
        const before = r.s.text.slice(0, a.start - r.s.start);
        const pairs = /\b(\w+\s+(?:pairs?|sets?)\s+of\s+)/i.exec(before)?.[1] ?? '';
        const head = subjectBefore(before)?.replace(/\s+of\s+the\s+.*$/, '');
        name = `${typeWord}s between ${head ? `${pairs}${head}` : 'the parties'}`;
        if (count && count > 1) attributes.count = count;
      } else if (signing && (a.determiner === 'a' || a.determiner === 'an' || !lastAgreement)) {
        key = 'at:main';
        const phrase = a.phrase.replace(/^(their|its|the|a|an)\s+/i, '');
        name = a.topic ? `${pairLabel ? `${pairLabel} ` : ''}${phrase}` : `${typeWord} signed at the ${mainEvent?.name ?? 'meeting'}`;
      } else if (!signing && (a.topic || a.signedIn || /cooperation/i.test(a.phrase) || !lastAgreement)) {
        // an agreement the text refers to without signing it: named by its own words
        const phrase = a.phrase.replace(/^(their|its|the|a|an)\s+/i, '');
        key = `ref:${phrase.toLowerCase()}`;
        const words = a.signedIn ? `${phrase.replace(/\s+signed\s+in\s+\d{4}$/, '')} of ${a.signedIn}` : phrase;
        name = `${pairLabel ? `${pairLabel} ` : ''}${words}`;
        if (a.signedIn) attributes.signedOn = a.signedIn;
      } else {
        key = [...agreementIds.entries()].find(([, id]) => id === lastAgreement)![0];
        name = draft.entities.get(lastAgreement!)!.name;
      }
      const phrase = a.phrase.replace(/^(their|its|the|a|an)\s+/i, '');
      const generic = /^(MoUs?|memorandum|agreements?|mechanism)$/i.test(phrase);
      const id = agreementIds.get(key) ?? draft.entity('Agreement', name, at, a.ordinal || a.quotedName ? 0.85 : 0.7, { attributes, aliases: generic ? [] : [phrase] });
      if (agreementIds.get(key)) draft.alias(id, ...(generic ? [] : [phrase]));
      if (a.quotedName) draft.alias(id, a.quotedName, a.quotedName.replace(/\s+/g, ''));
      agreementIds.set(key, id);
      lastAgreement = id;
      if (a.ordinal) ordinalAgreements.set(a.ordinal, id);

      // parties
      const parties = key.startsWith('collective:')
        ? collectiveParties(r, a)
        : sidesIn(r).length >= 2
          ? sidesIn(r)
          : TWO_SIDES.test(r.s.text) || /between the two sides/.test(a.text)
            ? participants
            : [];
      for (const party of parties) draft.relation('PARTY_TO', party, id, key.startsWith('collective:') ? sentenceSpan(r.s) : clause(r.s, a), 0.75);

      // where it was signed
      const mentionsEvent = r.events.length > 0 || ON_THE_OCCASION.test(r.s.text);
      if (a.signedAtOrdinal && otherEvents.has(a.signedAtOrdinal)) {
        draft.relation('SIGNED_AT', id, otherEvents.get(a.signedAtOrdinal)!, at, 0.85);
      } else if (mainEventId && signing && (key === 'at:main' || a.ordinal) && mentionsEvent && !key.startsWith('collective:')) {
        draft.relation('SIGNED_AT', id, mainEventId, clause(r.s, a), 0.8);
        signedAtMain.add(id);
      } else if (mainEventId && signing && key.startsWith('collective:')) {
        draft.relation('SIGNED_AT', id, mainEventId, sentenceSpan(r.s), 0.5, {
          inference: 'reported among the event’s results; the place of signing is not stated outright',
        });
      }
      // "X, Director of ..., and Y, Director of ..., signed the MoU": the people before the verb signed it
      if (signing) {
        const verb = /\b(?:signed|inked)\b/i.exec(r.s.text.slice(0, a.start - r.s.start));
        const signers = verb ? r.people.filter((p) => p.end <= r.s.start + verb.index) : [];
        const between = signers.length ? r.s.text.slice(signers.at(-1)!.end - r.s.start, verb!.index) : '';
        if (signers.length && /^[\s,]*$/.test(between)) {
          for (const p of signers) {
            draft.relation('SIGNED', p.id, id, span(signers[0]!.start, a.end), 0.85, { properties: p.agencyId ? { onBehalfOf: p.agencyId } : {} });
          }
        }
      }
      // reviewed at the event
      if (mainEventId && !signing && REVIEW.test(r.s.text)) draft.relation('REVIEWED', mainEventId, id, clause(r.s, a), 0.7);
      const date = mainEvent?.start ?? (mainEventId ? String(draft.entities.get(mainEventId)!.attributes.startDate) : undefined);
      if (signedAtMain.has(id) && date) {
        const entity = draft.entities.get(id)!;
        entity.attributes.signedOn ??= date.slice(0, 7);
      }
    }
  }
  for (const [n, id] of ordinalAgreements) {
    const previous = ordinalAgreements.get(n - 1);
    if (previous) draft.relation('FOLLOWS', id, previous, draft.entities.get(id)!.evidence[0]!, 0.8);
  }
  const atMain = agreementIds.get('at:main');
  if (atMain && mainEvent?.ordinal) {
    const previous = agreementIds.get(`at:${mainEvent.ordinal - 1}`);
    if (previous) {
      draft.relation('FOLLOWS', atMain, previous, draft.entities.get(atMain)!.evidence[0]!, 0.6, {
        inference: `signed at the ${ordinalSuffix(mainEvent.ordinal)} event by the same parties after the one of the ${ordinalSuffix(mainEvent.ordinal - 1)}`,
      });
    }
  }

  function collectiveParties(r: Reading, a: AgreementMention): string[] {
    const subject = subjectBefore(r.s.text.slice(0, a.start - r.s.start));
    if (!subject) return [];
    const start = r.s.text.indexOf(subject);
    const at = span(r.s.start + start, r.s.start + start + subject.length);
    const id = draft.entity('PoliceAgency', subject.charAt(0).toUpperCase() + subject.slice(1), at, 0.5, { attributes: { level: 'DISTRICT' } });
    return [id];
  }

  // --- delegations and signatures -----------------------------------------
  const leaders: { person: string; agency?: string; side?: string }[] = [];
  for (const r of readings) {
    const leads = /\b(delegations?|sides?)\b/i.test(r.s.text) && LEADING.test(r.s.text);
    const chairs = CHAIRING.test(r.s.text) && r.events.length > 0;
    if (!mainEventId || (!leads && !chairs)) continue;
    const text = r.s.text;
    const sentenceEnd = r.s.end - (text.endsWith('.') ? 1 : 0);
    for (const p of r.people) {
      const agency = p.agency ? r.agencies.find((a) => a.start === p.agency!.start) : undefined;
      const local = p.start - r.s.start;
      // "the Chinese delegation was headed by <person>", "a delegation of <agency> led by <person>"
      // "...and the Cambodian side by <person>": the verb may be left out of the second half
      const ledBy = leads ? /[^.;,]*?\b(?:delegation|side)\b(?:[^.;]*?\b(?:led|headed))?\s+by\s+(?:(?:its|their)\s+)?$/i.exec(text.slice(0, local)) : null;
      // "<person> ... led the Vietnamese delegation"
      const rest = text.slice(local);
      const end = rest.search(/delegation/i);
      let quote: Span | null = null;
      let sideText = '';
      if (ledBy) {
        const start = r.s.start + ledBy.index + (ledBy[0].length - ledBy[0].trimStart().length);
        quote = span(start, p.end);
        sideText = ledBy[0];
      } else if (leads && end >= 0 && LEADING.test(rest.slice(0, end))) {
        quote = span(p.start, p.start + end + 'delegation'.length);
        sideText = rest.slice(0, end + 10);
      } else if (chairs) {
        quote = span(p.start, sentenceEnd);
      }
      if (!quote) continue;
      const national = r.agencies.filter((a) => a.level === 'NATIONAL' && ledBy && a.start >= r.s.start + ledBy.index && a.end <= p.start);
      const side = agency?.country ?? (p.agencyId ? agencyCountry(p.agencyId)[0] : undefined) ?? national.at(-1)?.country ?? lastCountry(sideText);
      draft.relation('LED_DELEGATION', p.id, mainEventId, quote, chairs && !leads ? 0.7 : 0.85, { properties: side ? { side } : {} });
      const leaderAgency = p.agencyId ?? national.at(-1)?.id;
      leaders.push({ person: p.id, ...(leaderAgency ? { agency: leaderAgency } : {}), ...(side ? { side } : {}) });
    }
  }
  for (const agreement of signedAtMain) {
    // "the two deputy ministers signed": the signers named by the post both leaders hold
    const signing = draft.relations.get(`SIGNED_AT:${agreement}->${mainEventId}`)?.evidence[0];
    const byPost = signing ? /\bthe\s+two\s+([a-z][a-z -]*?)s\s+(?:signed|inked)\b/i.exec(signing.text) : null;
    for (const leader of leaders) {
      const demonym = leader.side ? gz.country(leader.side)?.demonyms[0] : undefined;
      const evidence = draft.relations.get(`LED_DELEGATION:${leader.person}->${mainEventId}`)!.evidence[0]!;
      const post = leader.agency ? draft.relations.get(`HOLDS_POSITION:${leader.person}->${leader.agency}`)?.properties.title : undefined;
      const named = byPost && typeof post === 'string' && normalizeName(post) === normalizeName(byPost[1]!);
      const properties = leader.agency ? { onBehalfOf: leader.agency } : {};
      if (named) {
        const start = signing!.start + byPost!.index;
        draft.relation('SIGNED', leader.person, agreement, span(start, signing!.end), 0.8, { properties });
      } else {
        draft.relation('SIGNED', leader.person, agreement, evidence, 0.6, {
          properties,
          inference: `led the ${demonym ? `${demonym} ` : ''}delegation at the event where the agreement was signed`,
        });
      }
    }
  }

  // --- crimes the cooperation addresses -----------------------------------
  const reviewed = [...draft.relations.values()].filter((rel) => rel.type === 'REVIEWED').map((rel) => rel.to);
  for (const r of readings) {
    const outcomes = finder.outcomes(r.s);
    const inOutcome = (c: { start: number; end: number }) => outcomes.some((o) => o.start <= c.start && c.end <= o.end);
    const crimes = r.crimes.filter((c) => !inOutcome(c));
    if (!crimes.length) continue;
    const establishing = signs(r.s.text) || AGREES_ON.test(r.s.text);
    const signedHere = r.agreements.filter(() => establishing).map((a) => agreementOfMention(a)).filter((x): x is string => !!x);
    for (const crime of crimes) {
      const quote = crimeClause(r.s, crimes);
      if (signedHere.length) {
        for (const a of signedHere) draft.relation('ADDRESSES', a, crime.id, quote, 0.75);
      } else if (mainEventId && FORWARD.test(r.s.text)) {
        draft.relation('ADDRESSES', mainEventId, crime.id, quote, 0.7);
        for (const a of signedAtMain) draft.relation('ADDRESSES', a, crime.id, quote, 0.5, { inference: 'agreed at the event where the agreement was signed' });
      } else if (REVIEW.test(r.s.text) || /\bespecially\b/.test(r.s.text)) {
        for (const a of reviewed) {
          draft.relation('ADDRESSES', a, crime.id, quote, 0.5, { inference: 'cooperation under the agreement, reviewed at the event, covered these crimes' });
        }
      }
    }
  }
  function agreementOfMention(a: AgreementMention): string | undefined {
    const at = [...draft.entities.values()].find((e) => e.kind === 'Agreement' && e.evidence.some((ev) => ev.start === a.start));
    return at?.id ?? (lastAgreement ?? undefined);
  }

  // --- reported results ---------------------------------------------------
  const pastYear = readings.findIndex((r) => /\b(past|last) year\b/i.test(r.s.text));
  let subject: string[] = [];
  for (const [i, r] of readings.entries()) {
    const outcomes = finder.outcomes(r.s);
    if (!outcomes.length) continue;
    const here = sidesIn(r, outcomes[0]!.start);
    if (here.length) subject = here;
    const eventMonth = mainEvent?.start ?? (mainEventId ? String(draft.entities.get(mainEventId)!.attributes.startDate) : publishedOn);
    const period = pastYear >= 0 && pastYear <= i ? `the year before ${MONTHS[Number(eventMonth.slice(5, 7)) - 1]} ${eventMonth.slice(0, 4)}` : undefined;
    for (const o of outcomes) {
      const at = span(o.start, o.end);
      const name = o.text.replace(/\s+/g, ' ');
      const id = draft.entity('Outcome', name, at, 0.75, {
        id: `outcome:${slugify(name).split('-').slice(0, 7).join('-')}`,
        attributes: { action: o.action, quantities: o.quantities, ...(period ? { period } : {}) },
      });
      for (const agency of subject) draft.relation('REPORTED', agency, id, at, 0.7);
      for (const crime of r.crimes.filter((c) => o.start <= c.start && c.end <= o.end)) draft.relation('CONCERNS', id, crime.id, at, 0.75);
    }
  }

  // --- equipment given ----------------------------------------------------
  for (const r of readings) {
    const verb = /\b(presented|provided|handed over|gave|donated|granted|offered)\b/i.exec(r.s.text);
    if (!verb || !/\b(equipment|gears?|vehicles?|devices?|supplies|means)\b/i.test(r.s.text)) continue;
    const verbAt = r.s.start + verb.index;
    const recipients = collective(doc.text.slice(verbAt, r.s.end));
    const namedRecipients = r.agencies.filter((a) => a.start > verbAt).map((a) => a.id);
    const to = recipients.length ? recipients : namedRecipients;
    let givers = [...r.agencies, ...r.sides].filter((a) => a.end <= verbAt).map((a) => a.id);
    if (!givers.length && to.length) {
      // a giver the text names unclearly: the other side of a two-sided event
      const toCountries = new Set(to.flatMap(agencyCountry));
      givers = participants.filter((p) => agencyCountry(p).some((c) => !toCountries.has(c)));
    }
    const quote = span(verbAt, r.s.end - (r.s.text.endsWith('.') ? 1 : 0));
    for (const g of givers) for (const t of to) draft.relation('PROVIDED_EQUIPMENT', g, t, quote, 0.6);
  }

  // --- places and their countries -----------------------------------------
  // stated when the text puts them together: "Pu’er city (Yunnan, China)", "Savannakhet
  // province of Laos", "X Bureau of Yunnan province", "Vietnamese province Dien Bien"
  const namesOf = (names: string[]) => names.map(escape).join('|');
  const statedTogether = (child: string[], parent: string[], demonyms: string[] = []): Span | null => {
    // the stretch between them may not lead elsewhere ("X Headquarters in Sam Neua, Laos" says where the HQ is)
    const after = new RegExp(`(?:${namesOf(child)})(?:(?!\\b(?:in|at)\\s)[^.;]){0,45}?(?:\\bof|,|\\()\\s*(?:the\\s+)?(?:${namesOf(parent)})\\b\\)?`, 'u');
    const before = demonyms.length ? new RegExp(`(?:${namesOf(demonyms)})\\s+(?:[a-z]+\\s+){0,3}(?:of\\s+)?(?:${namesOf(child)})`, 'u') : null;
    for (const s of sentences) {
      const m = after.exec(s.text) ?? before?.exec(s.text);
      if (m) return span(s.start + m.index, s.start + m.index + m[0].length);
    }
    return null;
  };
  const RANK_OF_LEVEL: Record<string, number> = { DISTRICT: 0, CITY: 1, PROVINCE: 2, REGION: 2 };
  for (const [place, id] of placeIds) {
    const firstMention = placeMentions.find((m) => m.place === place)!.span;
    // the text may name a nearer parent than the gazetteer's ("Maguan county, Wenshan prefecture")
    const nearer = [...placeIds.keys()].find(
      (other) =>
        other !== place &&
        other.country === place.country &&
        RANK_OF_LEVEL[other.level]! > RANK_OF_LEVEL[place.level]! &&
        other.within !== undefined &&
        other.within === place.within &&
        statedTogether([place.name, ...place.aliases], [other.name, ...other.aliases]) !== null,
    );
    if (nearer) {
      draft.relation('LOCATED_IN', id, placeIds.get(nearer)!, statedTogether([place.name, ...place.aliases], [nearer.name, ...nearer.aliases])!, 0.8);
      continue;
    }
    const parent = place.within ? gz.place(place.within) : undefined;
    const parentId = parent ? placeIds.get(parent) : undefined;
    if (parent && parentId) {
      // "in Sam Neua, Laos": the text may also say the country outright
      const countryId = countryIds.get(place.country);
      const country = gz.country(place.country);
      const inCountry = countryId && country ? statedTogether([place.name, ...place.aliases], [country.name, ...country.aliases]) : null;
      // only when the stretch skips the parent ("Pu’er city (Yunnan, China)" goes through Yunnan)
      const viaParent = inCountry && new RegExp(namesOf([parent.name, ...parent.aliases])).test(inCountry.text);
      if (inCountry && !viaParent) draft.relation('LOCATED_IN', id, countryId!, inCountry, 0.8);
      const shown = statedTogether([place.name, ...place.aliases], [parent.name, ...parent.aliases]);
      if (shown) draft.relation('LOCATED_IN', id, parentId, shown, 0.8);
      else draft.relation('LOCATED_IN', id, parentId, firstMention, 0.7, { inference: `${place.name} lies in ${parent.name} (gazetteer, background knowledge)` });
      continue;
    }
    const countryId = countryIds.get(place.country);
    if (!countryId) continue;
    const country = gz.country(place.country)!;
    const shown = statedTogether([place.name, ...place.aliases], [country.name, ...country.aliases], country.demonyms);
    const names = namesOf([country.name, ...country.aliases, ...country.demonyms]);
    const collective = new RegExp(`(?:the\\s+)?(?:police\\s+(?:force\\s+)?of\\s+the\\s+)?(?:\\w+\\s+)?(?:${names})\\s+(?:border\\s+)?provinces`);
    const collectiveMention = sentences.find((s) => collective.test(s.text));
    if (shown) {
      draft.relation('LOCATED_IN', id, countryId, shown, 0.8);
    } else if (collectiveMention && place.level === 'PROVINCE') {
      const m = collective.exec(collectiveMention.text)!;
      draft.relation('LOCATED_IN', id, countryId, span(collectiveMention.start + m.index, collectiveMention.start + m.index + m[0].length), 0.7);
    } else {
      draft.relation('LOCATED_IN', id, countryId, firstMention, 0.6, { inference: `${place.name} is in ${country.name} (gazetteer, background knowledge)` });
    }
  }

  // --- national bodies ----------------------------------------------------
  for (const national of gz.nationalAgencies) {
    const id = [...draft.entities.values()].find((e) => e.kind === 'PoliceAgency' && e.name === national.name)?.id;
    if (!id || !national.country) continue;
    const evidence = draft.entities.get(id)!.evidence[0]!;
    const countryId = countryIds.get(national.country);
    const country = gz.country(national.country)!;
    const naming = draft.entities.get(id)!.evidence.find((e) => new RegExp(`\\b(?:${namesOf([country.name, ...country.aliases, ...country.demonyms])})`).test(e.text));
    if (countryId && naming) draft.relation('HAS_JURISDICTION', id, countryId, naming, 0.85);
    else if (countryId) {
      draft.relation('HAS_JURISDICTION', id, countryId, evidence, 0.7, {
        inference: `the ${national.name} is ${country.name}'s national police body (background knowledge)`,
      });
    }
    for (const e of draft.entities.values()) {
      if (e.kind !== 'PoliceAgency' || e.id === id || e.attributes.level !== 'PROVINCIAL' || agencyPlace.get(e.id)?.country !== national.country) continue;
      draft.relation('SUBORDINATE_TO', e.id, id, evidence, 0.6, {
        inference: `${country.demonyms[0] ?? country.name} provincial police departments report to the ${national.name} (background knowledge)`,
      });
    }
  }

  // --- agency-like names nothing above explained ---------------------------
  for (const r of readings) {
    for (const m of r.s.text.matchAll(/(?:\p{Lu}[\p{L}’'-]*\s+){0,4}(?:Police|Public Security|Commissariat|Headquarters|Bureau)(?:\s+(?:Department|Bureau|Force|Office))?(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*\s*)+)?/gu)) {
      const start = r.s.start + m.index!;
      const end = start + m[0].trimEnd().length;
      const known = [...r.agencies, ...r.sides].some((a) => a.start < end && start < a.end) || (dateline && start < dateline.end);
      if (!known && !unresolved.some((u) => u.start === start)) unresolved.push({ start, end, text: doc.text.slice(start, end), reason: 'looks like a police body but matches no agency pattern' });
    }
  }
  const conflicts = countConflicts(sentences, mainEventId, articleId);
  if (!firstEvent) warnings.push('no event (conference, meeting, talks, visit) found: delegations, participants and signings were not read');
  if (sideCountries.length > 2) warnings.push(`the event's participants come from ${sideCountries.length} countries; "the two sides" was read as all of them`);
  return { draft, conflicts, unresolved, warnings };
}

/** Where the sentence says something was held: "in Dien Bien Phu city", outside agency names. */
function eventPlaceMention(r: Reading, f: MentionFinder): { place: Place; span: Span } | null {
  const local = (at: number) => at - r.s.start;
  for (const m of f.places(r.s)) {
    const before = r.s.text.slice(Math.max(0, local(m.start) - 12), local(m.start));
    const prefix = /\b(?:in|at)\s+(?:the\s+)?$/.exec(before);
    if (!prefix || r.agencies.some((a) => a.start <= m.start && m.end <= a.end)) continue;
    const tail = /^\s+(?:city|province|town|district)\b/.exec(r.s.text.slice(local(m.end), local(m.end) + 12));
    // "held simultaneously in Lang Son city and Nanning city": no single place
    if (/^(?:\s+(?:city|province|town|district))?\s+and\s+\p{Lu}/u.test(r.s.text.slice(local(m.end), local(m.end) + 30))) return null;
    const start = m.start - (before.length - prefix.index);
    const end = m.end + (tail ? tail[0].length : 0);
    return { place: m.value, span: { start, end, text: r.s.text.slice(local(start), local(end)) } };
  }
  return null;
}

function labelOf(slug: string): string {
  return slug.replace(/-/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The date or date range written in a sentence, in the year of the article unless written. */
function eventDates(text: string, publishedOn: string): { start: string; end?: string } | null {
  const reference = new Date(`${publishedOn.length === 4 ? `${publishedOn}-12-31` : publishedOn.length === 7 ? `${publishedOn}-28` : publishedOn}T12:00:00Z`);
  const [result] = chrono.parse(text, reference, { forwardDate: false });
  if (!result || !result.start.isCertain('month')) return null;
  const iso = (c: chrono.ParsedComponents) =>
    c.isCertain('day') ? `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : `${c.get('year')}-${pad(c.get('month')!)}`;
  return { start: iso(result.start), ...(result.end ? { end: iso(result.end) } : {}) };
}

/**
 * Collective counts that disagree within the article ("the four Vietnamese
 * provinces" here, "the five Vietnamese provinces" there): kept, not resolved.
 */
function countConflicts(sentences: Sentence[], eventId: string | null, articleId: string): DraftConflict[] {
  const counts = new Map<string, Map<number, Span[]>>();
  const regex = new RegExp(`\\b(\\w+)\\s+(\\p{Lu}\\p{L}+)(?:\\s+border)?\\s+provinces\\b`, 'gu');
  for (const s of sentences) {
    for (const m of s.text.matchAll(regex)) {
      const n = parseNumber(m[1]!);
      const country = gazetteer().countries.find((c) => c.demonyms.includes(m[2]!));
      if (n === null || n < 2 || !country) continue;
      const byCount = counts.get(m[2]!) ?? new Map<number, Span[]>();
      counts.set(m[2]!, byCount);
      const start = s.start + m.index!;
      byCount.set(n, [...(byCount.get(n) ?? []), { start, end: start + m[0].length, text: m[0] }]);
    }
  }
  return [...counts.entries()]
    .filter(([, byCount]) => byCount.size > 1)
    .map(([demonym, byCount]) => ({
      id: `conflict:${articleId.replace(/^article:/, '')}-number-of-${demonym.toLowerCase()}-provinces`,
      property: `number of ${demonym} provinces`,
      about: eventId ? [eventId] : [articleId],
      note: `the article gives ${[...byCount.keys()].join(' and ')} as the number of ${demonym} provinces`,
      claims: [...byCount.entries()].map(([n, spans]) => ({ value: String(n), evidence: spans })),
    }));
}

/** "eight pairs of district police stations ..." → 8 */
function countBefore(text: string): number | null {
  const m = /\b(\w+)\s+(?:pairs?|sets?)\s+of\b/i.exec(text) ?? /\b(\w+)\s+[a-z]+\s+(?:police\s+)?(?:stations|departments|units)\b/i.exec(text);
  return m ? parseNumber(m[1]!) : null;
}

/** The noun phrase that signs: "eight pairs of district police stations of ..." → "district police stations of ..." */
function subjectBefore(text: string): string | null {
  const m = /(?:\w+\s+(?:pairs?|sets?)\s+of\s+)?((?:[a-z-]+\s+){0,3}(?:police\s+)?(?:stations|departments|units|forces)(?:\s+of\s+the\s+[^,]*?)?)\s+(?:also\s+)?(?:have\s+)?(?:signed|inked)\s*$/i.exec(text);
  return m ? m[1]!.trim() : null;
}

/** The part of a sentence around a mention, up to the sentence's clause marks. */
function clause(s: Sentence, m: Span): Span {
  const text = s.text;
  const local = m.start - s.start;
  const before = text.slice(0, local);
  const start = Math.max(before.lastIndexOf(';') + 1, 0);
  const afterText = text.slice(local);
  const stop = afterText.search(/;|\.\s|\.$/);
  const end = local + (stop < 0 ? afterText.length : stop);
  const trimmed = text.slice(start, end).trim();
  const offset = text.indexOf(trimmed, start);
  return { start: s.start + offset, end: s.start + offset + trimmed.length, text: trimmed };
}

/** The stretch of a sentence listing crimes, from the first listed to the last. */
function crimeClause(s: Sentence, crimes: Span[]): Span {
  const first = Math.min(...crimes.map((c) => c.start));
  const last = Math.max(...crimes.map((c) => c.end));
  const text = s.text;
  const lead = text.slice(0, first - s.start);
  const from = Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), -1) + 1;
  const startLocal = lead.slice(from).search(/\S/) + from;
  return { start: s.start + startLocal, end: last, text: text.slice(startLocal, last - s.start) };
}

/** The country named last in a phrase ("the Chinese delegation" → CN), the nearest to what follows. */
function lastCountry(text: string): string | undefined {
  const found = gazetteer().countryMatcher.find(text);
  return found.at(-1)?.value.country.code;
}

