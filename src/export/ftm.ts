// FollowTheMoney entities, one JSON object a line (followthemoney.tech), the
// model OCCRP Aleph and the OpenSanctions tools read. Every entity becomes
// one FtM entity, each piece of its evidence a Documentation linking it to the
// Article; every relation becomes one link entity, its quotes in `description`
// and its articles' addresses in `sourceUrl` (FtM documents only Things, and a
// link is not one). FtM has no schema for a crime category or a
// reported result: they become Notes, and places become Addresses.

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
  const properties: Properties = link
    ? { [link.from]: [r.from], [link.to]: [r.to], role: [role], summary: status, ...sources }
    : { subject: [r.from], object: [r.to], role: [role], summary: status, ...sources };
  return { id: r.id, schema: link?.schema ?? 'UnknownLink', properties: compact(properties) };
}

function documentation(about: string, evidence: Evidence[]): FtmEntity[] {
  return evidence.map((e, i) => ({
    id: `documentation:${about}:${i}`,
    schema: 'Documentation',
    properties: { document: [e.article], entity: [about], role: ['evidence'], summary: [e.quote] },
  }));
}

export function* writeFtm(g: GraphRecords): Generator<string> {
  const line = (entity: FtmEntity) => `${JSON.stringify(entity)}\n`;
  for (const e of g.entities) {
    yield line({ id: e.id, schema: FTM_SCHEMA[e.kind], properties: compact(entityProperties(e)) });
    for (const d of documentation(e.id, e.evidence)) yield line(d);
  }
  for (const r of g.relations) {
    yield line(linkEntity(g, r));
  }
}
