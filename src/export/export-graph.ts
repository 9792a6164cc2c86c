// The whole graph in every export format, each produced as a stream of text
// chunks so a large graph never has to sit in memory as one string: json and
// ndjson (CONTRACT.md's format, which `coopgraph import` reads back), GraphML,
// GEXF, Cypher, JSON-LD and FollowTheMoney.

import type { EntityRecord, RelationRecord } from '../ontology/index.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import { snapshot, type GraphRecords } from './records.js';
import { writeCypher } from './cypher.js';
import { writeFtm } from './ftm.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { writeJsonld } from './jsonld.js';

interface FormatSpec {
  /** the HTTP content type of GET /export/<format> */
  mediaType: string;
  /** the file name's extension */
  extension: string;
  description: string;
  write(g: GraphRecords): Generator<string>;
}

export const FORMATS = {
  json: { mediaType: 'application/json', extension: 'json', description: "CONTRACT.md's export format (coopgraph import reads it)", write: (g) => writeContract(g, 'json') },
  ndjson: { mediaType: 'application/x-ndjson', extension: 'ndjson', description: 'the same records, one a line', write: (g) => writeContract(g, 'ndjson') },
  graphml: { mediaType: 'application/graphml+xml', extension: 'graphml', description: 'GraphML for Gephi, Cytoscape, yEd, networkx', write: writeGraphml },
  gexf: { mediaType: 'application/gexf+xml', extension: 'gexf', description: 'GEXF 1.3 for Gephi', write: writeGexf },
  cypher: { mediaType: 'text/plain; charset=utf-8', extension: 'cypher', description: 'a Cypher script that loads Neo4j (idempotent)', write: writeCypher },
  jsonld: { mediaType: 'application/ld+json', extension: 'jsonld', description: 'JSON-LD with schema.org types', write: writeJsonld },
  ftm: { mediaType: 'application/x-ndjson', extension: 'ftm.json', description: 'FollowTheMoney entities for Aleph and OpenSanctions', write: writeFtm },
} satisfies Record<string, FormatSpec>;

export type ExportFormat = keyof typeof FORMATS;
export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];

export function isExportFormat(format: string): format is ExportFormat {
  return Object.hasOwn(FORMATS, format);
}

/** The whole graph in `format`, as chunks of text, as it is now (later writes do not show). */
export function exportGraph(kg: KnowledgeGraph, format: ExportFormat): Generator<string> {
  return FORMATS[format].write(snapshot(kg));
}

/** Field order of the contract, optional fields only when set. */
function entityRecord(e: EntityRecord) {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    attributes: e.attributes,
    stated: e.stated,
    ...(e.inference ? { inference: e.inference } : {}),
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
    evidence: e.evidence,
    ...(e.assertedBy ? { assertedBy: e.assertedBy } : {}),
  };
}

function relationRecord(r: RelationRecord) {
  return {
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    properties: r.properties,
    stated: r.stated,
    ...(r.inference ? { inference: r.inference } : {}),
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
    evidence: r.evidence,
    ...(r.assertedBy ? { assertedBy: r.assertedBy } : {}),
  };
}

function* map<T, U>(items: Iterable<T>, shape: (item: T) => U): Generator<U> {
  for (const item of items) yield shape(item);
}

/** Entities, relations and conflicts, each sorted by id, as chunks of `format`; each record is shaped as it is written. */
function* writeContract(g: GraphRecords, format: 'json' | 'ndjson'): Generator<string> {
  const sections: [key: string, record: string, count: number, records: Iterable<object>][] = [
    ['entities', 'entity', g.entities.length, map(g.entities, entityRecord)],
    ['relations', 'relation', g.relations.length, map(g.relations, relationRecord)],
    ['conflicts', 'conflict', g.conflicts.length, g.conflicts],
  ];
  if (format === 'ndjson') {
    for (const [, record, , records] of sections) {
      for (const item of records) yield `${JSON.stringify({ record, ...item })}\n`;
    }
    return;
  }
  yield '{\n';
  for (const [s, [key, , count, records]] of sections.entries()) {
    yield `  "${key}": [`;
    let i = 0;
    for (const item of records) yield `${i++ ? ',' : ''}\n    ${JSON.stringify(item)}`;
    yield `${count ? '\n  ' : ''}]${s < sections.length - 1 ? ',' : ''}\n`;
  }
  yield '}\n';
}
