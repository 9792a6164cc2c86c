// FollowTheMoney entities, one JSON object a line (followthemoney.tech), the
// model OCCRP Aleph and the OpenSanctions tools read. Every entity becomes
// one FtM entity, each piece of its evidence a Documentation linking it to the
// Article; every relation becomes one link entity, its quotes in `description`
// and its articles' addresses in `sourceUrl` (FtM documents only Things, and a
// link is not one). FtM has no schema for a crime category or a
// reported result: they become Notes, and places become Addresses.

import { createHash } from 'node:crypto';
import type { EntityRecord, Evidence, Kind, RelationRecord, RelationType } from '../ontology/index.js';
import type { GraphRecords } from './records.js';

type Properties = Record<string, string[]>;

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Properties;
}

/** The FtM schema each kind becomes. */
export const FTM_SCHEMA: Record<Kind, string> = {
  Country: 'Address',
  Area: 'Address',
  PoliceAgency: 'PublicBody',
  Person: 'Person',
  Agreement: 'Contract',
  Event: 'Event',
  CrimeCategory: 'Note',
  Outcome: 'Note',
  Article: 'Article',
};

/** The FtM link each relation type becomes, with its two ends' properties; the rest are UnknownLinks. */
const LINKS: Partial<Record<RelationType, { schema: string; from: string; to: string }>> = {
  HOLDS_POSITION: { schema: 'Employment', from: 'employee', to: 'employer' },
  SUBORDINATE_TO: { schema: 'Membership', from: 'member', to: 'organization' },
};

/**
 * An FtM id for one of ours. FollowTheMoney accepts only letters, digits,
 * dots and dashes (`person:x` and `TYPE:a->b` would be dropped by Aleph), so
 * the id is our id's slug with a hash of the whole id, stable across exports.
 */
export function ftmId(id: string): string {
  const slug = id.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug}-${createHash('sha1').update(id).digest('hex').slice(0, 12)}`;
}

const text = (value: unknown): string[] => (value === undefined || value === null || value === '' ? [] : [typeof value === 'object' ? JSON.stringify(value) : String(value)]);

function compact(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, values]) => values.length > 0));
}

function entityProperties(e: EntityRecord): Properties {
  const a = e.attributes;
  const notes = [...text(e.inference ? `inferred: ${e.inference}` : undefined), ...text(e.assertedBy ? `entered by ${e.assertedBy.by} at ${e.assertedBy.at}` : undefined)];
  const common = { name: [e.name], alias: e.aliases, notes };
  switch (e.kind) {
    case 'Country':
      return { ...common, full: [e.name], country: text(a.code).map((c) => c.toLowerCase()) };
    case 'Area':
      return { ...common, full: [e.name], remarks: text(a.level) };
    case 'PoliceAgency':
      return { ...common, legalForm: text(a.level) };
    case 'Person':
      return { ...common, nationality: text(a.nationality).map((c) => c.toLowerCase()), position: text(a.rank) };
    case 'Agreement':
      return { ...common, title: [e.name], type: text(a.agreementType), contractDate: text(a.signedOn) };
    case 'Event':
      return { ...common, startDate: text(a.startDate), endDate: text(a.endDate), summary: text(a.eventType) };
    case 'CrimeCategory':
      return { ...common, description: [`crime category: ${e.name}`] };
    case 'Outcome':
      return { ...common, description: [[a.action, ...(Array.isArray(a.quantities) ? a.quantities.map((q: { value: unknown; unit: unknown }) => `${q.value} ${q.unit}`) : [])].filter(Boolean).join('; ')], summary: text(a.period) };
    case 'Article':
      return { ...common, title: text(a.title), publishedAt: text(a.publishedOn), sourceUrl: text(a.url), publisher: text(a.publisher), author: text(a.author), bodyText: text(a.text) };
  }
}

function linkEntity(g: GraphRecords, r: RelationRecord): FtmEntity {
  const link = LINKS[r.type];
  const status = [...text(r.inference ? `inferred: ${r.inference}` : undefined)];
  const props = r.properties;
  const role = [r.type.toLowerCase().replace(/_/g, ' '), ...text(props.title), ...text(props.role), ...text(props.side)].join(', ');
  const sources = {
    description: r.evidence.map((e) => e.quote),
    sourceUrl: [...new Set(r.evidence.flatMap((e) => text(g.articleUrls.get(e.article))))],
  };
  const [from, to] = [ftmId(r.from), ftmId(r.to)];
  const properties: Properties = link
    ? { [link.from]: [from], [link.to]: [to], role: [role], summary: status, ...sources }
    : { subject: [from], object: [to], role: [role], summary: status, ...sources };
  return { id: ftmId(r.id), schema: link?.schema ?? 'UnknownLink', properties: compact(properties) };
}

/** One Documentation per quote, its id made of what it documents and where the quote is (not its place in a list). */
function documentation(about: string, evidence: Evidence[]): FtmEntity[] {
  return evidence.map((e) => ({
    id: ftmId(`documentation:${about}:${e.article}:${e.start}-${e.end}`),
    schema: 'Documentation',
    properties: { document: [ftmId(e.article)], entity: [ftmId(about)], role: ['evidence'], summary: [e.quote] },
  }));
}

export function* writeFtm(g: GraphRecords): Generator<string> {
  const line = (entity: FtmEntity) => `${JSON.stringify(entity)}\n`;
  for (const e of g.entities) {
    yield line({ id: ftmId(e.id), schema: FTM_SCHEMA[e.kind], properties: compact(entityProperties(e)) });
    for (const d of documentation(e.id, e.evidence)) yield line(d);
  }
  for (const r of g.relations) {
    yield line(linkEntity(g, r));
  }
}
