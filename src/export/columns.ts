// The graph as flat columns, for the formats whose attributes are scalars
// (GraphML, GEXF): one column per ontology attribute or property, plus the
// fact's status and its evidence as counts. The columns come from the
// ontology, so every file of a format declares the same ones.

import { KINDS, RELATION_TYPES, type EntityRecord, type FieldSpec, type RelationRecord } from '../ontology/index.js';

export type ColumnType = 'string' | 'boolean' | 'int' | 'double';

export interface Column<R> {
  name: string;
  type: ColumnType;
  /** undefined: no value for this record */
  value(record: R): string | number | boolean | undefined;
}

type FactRecord = EntityRecord | RelationRecord;

const FACT_COLUMNS: Column<FactRecord>[] = [
  { name: 'stated', type: 'boolean', value: (r) => r.stated },
  { name: 'inference', type: 'string', value: (r) => r.inference },
  { name: 'confidence', type: 'double', value: (r) => r.confidence },
  { name: 'evidenceCount', type: 'int', value: (r) => r.evidence.length },
  { name: 'articles', type: 'string', value: (r) => (r.evidence.length ? [...new Set(r.evidence.map((e) => e.article))].join(' ') : undefined) },
  { name: 'assertedBy', type: 'string', value: (r) => r.assertedBy?.by },
];

function fieldType(spec: FieldSpec): ColumnType {
  return spec.value.type === 'int' ? 'int' : 'string';
}

/** Scalars as they are; lists and objects (an outcome's quantities) as JSON. */
function scalar(value: unknown): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
}

/** One column per field name across `specs`, the first spec's type winning. */
function fieldColumns<R>(specs: Record<string, FieldSpec>[], skip: Set<string>, read: (record: R) => Record<string, unknown>): Column<R>[] {
  const columns = new Map<string, Column<R>>();
  for (const fields of specs) {
    for (const [name, spec] of Object.entries(fields)) {
      if (skip.has(name) || columns.has(name)) continue;
      columns.set(name, { name, type: fieldType(spec), value: (r) => scalar(read(r)[name]) });
    }
  }
  return [...columns.values()];
}

// an article's whole text stays in the json export: graph tools choke on megabytes in a cell
const LEFT_OUT = new Set(['text']);

export const NODE_COLUMNS: Column<EntityRecord>[] = [
  { name: 'kind', type: 'string', value: (e) => e.kind },
  { name: 'aliases', type: 'string', value: (e) => (e.aliases.length ? e.aliases.join('; ') : undefined) },
  ...FACT_COLUMNS,
  ...fieldColumns<EntityRecord>(
    Object.values(KINDS).map((k) => k.attributes),
    LEFT_OUT,
    (e) => e.attributes,
  ),
];

export const EDGE_COLUMNS: Column<RelationRecord>[] = [
  { name: 'type', type: 'string', value: (r) => r.type },
  ...FACT_COLUMNS,
  ...fieldColumns<RelationRecord>(
    Object.values(RELATION_TYPES).map((t) => t.properties),
    new Set(),
    (r) => r.properties,
  ),
];
