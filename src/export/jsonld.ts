// JSON-LD: the graph as linked data. schema.org where a type or property fits
// (GovernmentOrganization, Person, Event, NewsArticle, name, startDate, …),
// our own vocabulary for the rest. Each relation is both a plain link
// (`agency PARTY_TO agreement`) and a statement node carrying its evidence, the
// way Wikidata keeps references on statements. The context is written into
// the export (it expands offline) and served at GET /context.jsonld.

import { KINDS, RELATION_TYPE_NAMES, RELATION_TYPES, type EntityRecord, type Evidence, type Kind, type RelationRecord } from '../ontology/index.js';
import type { GraphRecords } from './records.js';

export const VOCABULARY = 'https://w3id.org/coopgraph/ns#';
export const ID_BASE = 'https://w3id.org/coopgraph/id/';

const TYPES: Record<Kind, string> = {
  Country: 'schema:Country',
  Area: 'schema:AdministrativeArea',
  PoliceAgency: 'schema:GovernmentOrganization',
  Person: 'schema:Person',
  Agreement: 'cg:Agreement',
  Event: 'schema:Event',
  CrimeCategory: 'cg:CrimeCategory',
  Outcome: 'cg:Outcome',
  Article: 'schema:NewsArticle',
};

/** Attributes and properties with a schema.org meaning; the rest are `cg:`. */
const SCHEMA_ORG: Record<string, string> = {
  publishedOn: 'schema:datePublished',
  publisher: 'schema:publisher',
  author: 'schema:author',
  text: 'schema:text',
  startDate: 'schema:startDate',
  endDate: 'schema:endDate',
  nationality: 'schema:nationality',
};

type TermDefinition = string | Record<string, string>;

function fieldTerms(): Record<string, TermDefinition> {
  const terms: Record<string, TermDefinition> = {};
  const specs = [...Object.values(KINDS).map((k) => k.attributes), ...Object.values(RELATION_TYPES).map((t) => t.properties)];
  for (const fields of specs) {
    for (const [name, spec] of Object.entries(fields)) {
      const id = SCHEMA_ORG[name] ?? `cg:${name}`;
      if (spec.value.type === 'ref') terms[name] = { '@id': id, '@type': '@id' };
      else if (spec.value.type === 'url') terms[name] = { '@id': 'schema:url', '@type': '@id' };
      else if (spec.value.type === 'int') terms[name] = { '@id': id, '@type': 'xsd:integer' };
      else if (spec.value.type === 'quantities') terms[name] = { '@id': id, '@type': '@json' };
      else terms[name] = id;
    }
  }
  return terms;
}

/** The JSON-LD context of every export (and of GET /context.jsonld). */
export const JSONLD_CONTEXT = {
  '@version': 1.1,
  schema: 'https://schema.org/',
  cg: VOCABULARY,
  cgid: ID_BASE,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  id: '@id',
  type: '@type',
  name: 'schema:name',
  aliases: { '@id': 'schema:alternateName', '@container': '@set' },
  kind: 'cg:kind',
  stated: { '@id': 'cg:stated', '@type': 'xsd:boolean' },
  inference: 'cg:inference',
  confidence: { '@id': 'cg:confidence', '@type': 'xsd:double' },
  evidence: { '@id': 'cg:evidence', '@container': '@set' },
  article: { '@id': 'cg:article', '@type': '@id' },
  quote: 'cg:quote',
  start: { '@id': 'cg:start', '@type': 'xsd:integer' },
  end: { '@id': 'cg:end', '@type': 'xsd:integer' },
  assertedBy: 'cg:assertedBy',
  assertedAt: { '@id': 'cg:assertedAt', '@type': 'xsd:dateTime' },
  relationType: 'cg:relationType',
  from: { '@id': 'cg:from', '@type': '@id' },
  to: { '@id': 'cg:to', '@type': '@id' },
  about: { '@id': 'cg:about', '@type': '@id', '@container': '@set' },
  property: 'cg:property',
  note: 'cg:note',
  claims: { '@id': 'cg:claim', '@container': '@set' },
  value: 'cg:value',
  ...fieldTerms(),
  ...Object.fromEntries(RELATION_TYPE_NAMES.map((type) => [type, { '@id': `cg:${type}`, '@type': '@id' }])),
};

/** `person:ma-shuliang` → `cgid:person:ma-shuliang`; a relation id's `>` is escaped. */
export function iri(id: string): string {
  return `cgid:${id.replace(/[^A-Za-z0-9:._~!$&'()*+,;=@/-]/g, encodeURIComponent)}`;
}

function evidence(list: Evidence[]) {
  return list.map((e) => ({ article: iri(e.article), quote: e.quote, start: e.start, end: e.end }));
}

function fact(r: EntityRecord | RelationRecord) {
  return {
    stated: r.stated,
    ...(r.inference ? { inference: r.inference } : {}),
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
    evidence: evidence(r.evidence),
    ...(r.assertedBy ? { assertedBy: r.assertedBy.by, assertedAt: r.assertedBy.at } : {}),
  };
}

/** Attribute values with references written as IRIs. */
function fields(values: Record<string, unknown>, refs: (name: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, refs(k) && typeof v === 'string' ? iri(v) : v]));
}

const isRef = (specs: Record<string, { value: { type: string } }>) => (name: string) => specs[name]?.value.type === 'ref';

export function* writeJsonld(g: GraphRecords): Generator<string> {
  yield `{\n  "@context": ${JSON.stringify(JSONLD_CONTEXT)},\n  "@graph": [`;
  let first = true;
  const item = (node: unknown) => {
    const line = `${first ? '' : ','}\n    ${JSON.stringify(node)}`;
    first = false;
    return line;
  };
  for (const e of g.entities) {
    yield item({
      id: iri(e.id),
      type: TYPES[e.kind],
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      ...fields(e.attributes, isRef(KINDS[e.kind].attributes)),
      ...fact(e),
    });
  }
  for (const r of g.relations) {
    yield item({ id: iri(r.from), [r.type]: iri(r.to) });
    yield item({
      id: iri(r.id),
      type: 'cg:Relation',
      relationType: r.type,
      from: iri(r.from),
      to: iri(r.to),
      ...fields(r.properties, isRef(RELATION_TYPES[r.type].properties)),
      ...fact(r),
    });
  }
  for (const c of g.conflicts) {
    yield item({
      id: iri(c.id),
      type: 'cg:Conflict',
      about: c.about.map(iri),
      property: c.property,
      ...(c.note ? { note: c.note } : {}),
      claims: c.claims.map((claim) => ({ value: claim.value, evidence: evidence(claim.evidence) })),
    });
  }
  yield '\n  ]\n}\n';
}
