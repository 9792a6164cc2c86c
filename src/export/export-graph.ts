// The whole graph in the export format of CONTRACT.md, produced as a stream
// of text chunks so a large graph never has to sit in memory as one string.

import type { EntityRecord, RelationRecord } from '../ontology/index.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';

export const EXPORT_FORMATS = ['json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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

/** Entities, relations and conflicts, each sorted by id, as chunks of `format`. */
export function* exportGraph(kg: KnowledgeGraph, format: ExportFormat): Generator<string> {
  const sections = [
    ['entities', 'entity', kg.entities().map(entityRecord)],
    ['relations', 'relation', kg.relations().map(relationRecord)],
    ['conflicts', 'conflict', kg.conflicts()],
  ] as const;
  if (format === 'ndjson') {
    for (const [, record, items] of sections) {
      for (const item of items) yield `${JSON.stringify({ record, ...item })}\n`;
    }
    return;
  }
  yield '{\n';
  for (const [s, [key, , items]] of sections.entries()) {
    yield `  "${key}": [`;
    for (const [i, item] of items.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(item)}`;
    yield `${items.length ? '\n  ' : ''}]${s < sections.length - 1 ? ',' : ''}\n`;
  }
  yield '}\n';
}
