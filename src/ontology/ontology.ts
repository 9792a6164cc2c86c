// The ontology as data: entity kinds, relation types with their allowed
// endpoints, attributes and crime categories. The loader, the schema checks,
// the extractor and the exports all read this one module (see ONTOLOGY.md).

export const AREA_LEVELS = ['PROVINCE', 'REGION', 'CITY', 'DISTRICT'] as const;
export const AGENCY_LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT'] as const;
export const AGREEMENT_TYPES = ['MOU', 'MECHANISM', 'OTHER'] as const;
export const EVENT_TYPES = ['CONFERENCE', 'MEETING', 'VISIT', 'OTHER'] as const;
export const PARTICIPATION_ROLES = ['HOST', 'GUEST', 'PARTICIPANT'] as const;

/** How an attribute's or a relation property's value is checked. */
export type ValueType =
  | { type: 'string' }
  | { type: 'int'; min?: number }
  | { type: 'partialDate' }
  | { type: 'countryCode' }
  | { type: 'url' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'crimeSlug' }
  | { type: 'quantities' }
  /** the id of an entity of the given kind */
  | { type: 'ref'; kind: Kind };

export interface FieldSpec {
  value: ValueType;
  required?: boolean;
  description: string;
}

export const KIND_NAMES = [
  'Country',
  'Area',
  'PoliceAgency',
  'Person',
  'Agreement',
  'Event',
  'CrimeCategory',
  'Outcome',
  'Article',
] as const;
export type Kind = (typeof KIND_NAMES)[number];

export interface KindSpec {
  /** first part of every id of this kind: `police-agency:…` */
  idPrefix: string;
  description: string;
  attributes: Record<string, FieldSpec>;
}

const str = (description: string, required = false): FieldSpec => ({ value: { type: 'string' }, required, description });
const date = (description: string): FieldSpec => ({ value: { type: 'partialDate' }, description });
const ordinal: FieldSpec = { value: { type: 'int', min: 1 }, description: 'the 9 of "9th MoU"' };

export const KINDS: Record<Kind, KindSpec> = {
  Country: {
    idPrefix: 'country',
    description: 'A state',
    attributes: { code: { value: { type: 'countryCode' }, required: true, description: 'ISO 3166-1 alpha-2 code' } },
  },
  Area: {
    idPrefix: 'area',
    description: 'An administrative area: province, autonomous region, city, district',
    attributes: { level: { value: { type: 'enum', values: AREA_LEVELS }, description: 'administrative level' } },
  },
  PoliceAgency: {
    idPrefix: 'police-agency',
    description: 'A police department, public-security bureau or force, a ministry, a district station',
    attributes: { level: { value: { type: 'enum', values: AGENCY_LEVELS }, description: 'level of government' } },
  },
  Person: {
    idPrefix: 'person',
    description: "An official, or an article's author",
    attributes: {
      rank: str('police rank as written, e.g. "Senior Colonel"'),
      nationality: { value: { type: 'countryCode' }, description: 'ISO 3166-1 alpha-2 code' },
    },
  },
  Agreement: {
    idPrefix: 'agreement',
    description: 'An MoU, a cooperation mechanism, any signed or agreed instrument',
    attributes: {
      agreementType: { value: { type: 'enum', values: AGREEMENT_TYPES }, required: true, description: 'kind of instrument' },
      ordinal,
      signedOn: date('when it was signed'),
      count: { value: { type: 'int', min: 2 }, description: 'how many unnamed agreements this one node stands for' },
    },
  },
  Event: {
    idPrefix: 'event',
    description: 'A conference, meeting, talk or visit',
    attributes: {
      eventType: { value: { type: 'enum', values: EVENT_TYPES }, required: true, description: 'kind of event' },
      ordinal,
      startDate: date('first day'),
      endDate: date('last day'),
    },
  },
  CrimeCategory: {
    idPrefix: 'crime-category',
    description: 'A kind of crime or violation that cooperation addresses',
    attributes: {
      slug: { value: { type: 'crimeSlug' }, required: true, description: 'stable slug, e.g. drug-trafficking' },
      broader: { value: { type: 'crimeSlug' }, description: 'slug of the broader category' },
    },
  },
  Outcome: {
    idPrefix: 'outcome',
    description: 'A reported result: cases handled, people arrested, rescued, returned',
    attributes: {
      action: str('verb phrase', true),
      quantities: { value: { type: 'quantities' }, description: '[{ value, unit }]' },
      period: str('the period the result covers'),
    },
  },
  Article: {
    idPrefix: 'article',
    description: 'A source document',
    attributes: {
      title: str('headline', true),
      publishedOn: { value: { type: 'partialDate' }, required: true, description: 'publication date' },
      url: { value: { type: 'url' }, description: 'original address' },
      publisher: str('who published it'),
      author: str('byline'),
      text: str('the full text that evidence quotes are taken from', true),
    },
  },
};

export const RELATION_TYPE_NAMES = [
  'LOCATED_IN',
  'HAS_JURISDICTION',
  'SUBORDINATE_TO',
  'HOLDS_POSITION',
  'LED_DELEGATION',
  'PARTICIPATED_IN',
  'PARTY_TO',
  'SIGNED',
  'SIGNED_AT',
  'REVIEWED',
  'FOLLOWS',
  'ADDRESSES',
  'REPORTED',
  'CONCERNS',
  'PROVIDED_EQUIPMENT',
  'AUTHORED',
  'PUBLISHED',
] as const;
export type RelationType = (typeof RELATION_TYPE_NAMES)[number];

export interface RelationSpec {
  /** allowed `from → to` kind pairs */
  endpoints: ReadonlyArray<{ from: readonly Kind[]; to: readonly Kind[] }>;
  description: string;
  properties: Record<string, FieldSpec>;
}

const one = (from: Kind | Kind[], to: Kind | Kind[]) => [{ from: ([] as Kind[]).concat(from), to: ([] as Kind[]).concat(to) }];

export const RELATION_TYPES: Record<RelationType, RelationSpec> = {
  LOCATED_IN: {
    endpoints: [
      { from: ['Area'], to: ['Area', 'Country'] },
      { from: ['Event'], to: ['Area'] },
    ],
    description: 'an area lies in a larger area or a country; an event took place in an area',
    properties: {},
  },
  HAS_JURISDICTION: {
    endpoints: one('PoliceAgency', ['Area', 'Country']),
    description: 'the agency polices the area or country',
    properties: {},
  },
  SUBORDINATE_TO: { endpoints: one('PoliceAgency', 'PoliceAgency'), description: 'reports to', properties: {} },
  HOLDS_POSITION: {
    endpoints: one('Person', 'PoliceAgency'),
    description: 'an official holds a post in the agency',
    properties: { title: str('post, e.g. "Vice Director"'), rank: str('rank when holding it') },
  },
  LED_DELEGATION: {
    endpoints: one('Person', 'Event'),
    description: 'led a delegation at the event',
    properties: { side: { value: { type: 'countryCode' }, description: 'country code of the delegation' } },
  },
  PARTICIPATED_IN: {
    endpoints: one('PoliceAgency', 'Event'),
    description: 'took part in the event',
    properties: { role: { value: { type: 'enum', values: PARTICIPATION_ROLES }, description: 'HOST, GUEST or PARTICIPANT' } },
  },
  PARTY_TO: { endpoints: one('PoliceAgency', 'Agreement'), description: 'is a party to the agreement', properties: {} },
  SIGNED: {
    endpoints: one('Person', 'Agreement'),
    description: 'signed the agreement',
    properties: {
      onBehalfOf: { value: { type: 'ref', kind: 'PoliceAgency' }, description: 'the agency the signature binds' },
    },
  },
  SIGNED_AT: { endpoints: one('Agreement', 'Event'), description: 'was signed at the event', properties: {} },
  REVIEWED: {
    endpoints: one('Event', 'Agreement'),
    description: 'the event reviewed how the agreement was carried out',
    properties: {},
  },
  FOLLOWS: { endpoints: one('Agreement', 'Agreement'), description: 'the 9th MoU follows the 8th', properties: {} },
  ADDRESSES: {
    endpoints: one(['Agreement', 'Event'], 'CrimeCategory'),
    description: 'the agreement or event addresses the crime category',
    properties: {},
  },
  REPORTED: { endpoints: one('PoliceAgency', 'Outcome'), description: 'the agency reported the result', properties: {} },
  CONCERNS: { endpoints: one('Outcome', 'CrimeCategory'), description: 'the result concerns the crime category', properties: {} },
  PROVIDED_EQUIPMENT: {
    endpoints: one('PoliceAgency', 'PoliceAgency'),
    description: 'gave equipment to the other agency',
    properties: {},
  },
  AUTHORED: { endpoints: one('Person', 'Article'), description: 'wrote the article', properties: {} },
  PUBLISHED: { endpoints: one('PoliceAgency', 'Article'), description: 'published the article', properties: {} },
};

/** Whether `from → to` kinds are allowed for the relation type. */
export function isAllowedEndpoint(type: RelationType, from: Kind, to: Kind): boolean {
  return RELATION_TYPES[type].endpoints.some((e) => e.from.includes(from) && e.to.includes(to));
}

/** Human-readable list of the allowed endpoints, for messages. */
export function describeEndpoints(type: RelationType): string {
  return RELATION_TYPES[type].endpoints.map((e) => `${e.from.join('|')} → ${e.to.join('|')}`).join('; ');
}

export interface CrimeCategorySpec {
  label: string;
  broader?: string;
  /** phrases in text that name this category (lower case, no diacritics) */
  synonyms: string[];
}

export const CRIME_CATEGORIES: Record<string, CrimeCategorySpec> = {
  'drug-trafficking': {
    label: 'drug trafficking',
    synonyms: [
      'drug trafficking',
      'drug-related crime',
      'drug related crime',
      'drug crime',
      'drug smuggling',
      'drug traffickers',
      'drug cases',
      'drug-related cases',
      'drug rings',
      'drug trafficking rings',
      'kilograms of drugs',
      'narcotics',
      'heroin',
      'methamphetamine',
      'synthetic drugs',
      'synthetic drug pills',
      'drug pills',
    ],
  },
  'human-trafficking': {
    label: 'human trafficking',
    synonyms: [
      'human trafficking',
      'human traffickers',
      'trafficking in persons',
      'people trafficking',
      'trafficking of women and children',
      'women trafficked',
      'trafficked women',
      'children trafficked',
      'trafficked children',
      'trafficked persons',
      'women and girls trafficked',
      'women and children trafficked',
    ],
  },
  'counterfeit-money': {
    label: 'counterfeit money',
    synonyms: ['counterfeit money', 'fake money', 'counterfeit currency', 'fake currency', 'counterfeit banknotes'],
  },
  'illegal-immigration': {
    label: 'illegal immigration',
    synonyms: [
      'illegal immigration',
      'illegal entry',
      'illegally entering',
      'illegal exit',
      'illegal migration',
      'laws on immigration',
      'immigration laws',
      'illegal border crossing',
      'illegally crossing the border',
      'illegally entered',
      'entered illegally',
      'illegally crossed the border',
      'crossed the border illegally',
      'illegal immigrants',
      'illegal migrants',
    ],
  },
  'border-violations': {
    label: 'border management violations',
    synonyms: ['violations of border management regulations', 'border management violations', 'border violations'],
  },
  'wanted-fugitives': {
    label: 'wanted fugitives',
    synonyms: ['wanted fugitives', 'wanted criminals', 'wanted persons', 'fugitives'],
  },
  'illegal-detention': {
    label: 'illegal detention',
    synonyms: ['illegal detention', 'illegally detained', 'unlawful detention'],
  },
  'high-tech-crime': {
    label: 'high-tech crime',
    synonyms: ['high-tech crime', 'hi-tech crime', 'high technology crime', 'using high technology'],
  },
  'cyber-crime': {
    label: 'cyber crime',
    broader: 'high-tech-crime',
    synonyms: ['cyber crime', 'cybercrime', 'cyber-crime', 'online fraud'],
  },
  'trans-border-fraud': {
    label: 'trans-border fraud',
    synonyms: ['trans-border fraud', 'cross-border fraud', 'transnational fraud'],
  },
  // not bare "gambling": "detained for their gambling debts" is not about gambling
  gambling: {
    label: 'gambling',
    synonyms: ['gambling hub', 'gambling den', 'gambling ring', 'illegal gambling', 'organizing gambling', 'online gambling', 'gambling activities'],
  },
  terrorism: { label: 'terrorism', synonyms: ['terrorism', 'terrorist'] },
  'national-security': {
    label: 'national security',
    synonyms: ['national security', 'political security', 'conspiracies against security'],
  },
  smuggling: { label: 'smuggling', synonyms: ['smuggling', 'contraband', 'trade fraud'] },
};

export const CRIME_SLUGS = Object.keys(CRIME_CATEGORIES);

export type AreaLevel = (typeof AREA_LEVELS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];
