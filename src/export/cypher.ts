// A Cypher script that loads the graph into Neo4j (`cypher-shell -f`, or
// Neo4j Browser): every entity an `:Entity` with a label for its kind, every
// relation a relationship of its ONTOLOGY.md type. MERGE on ids makes it
// idempotent: run it twice, the graph is the same; run a newer export over
// an older load and records are added and updated, but what the graph has
// since removed stays in Neo4j. Neo4j properties are scalars or lists of
// them, so evidence goes in as `quotes` and `articles` lists, with the whole
// of it as JSON in `evidence`. An article's full text stays out (it is in the
// json export): a statement of 500 articles would be hundreds of megabytes.

import type { EntityRecord, RelationRecord } from '../ontology/index.js';
import type { GraphRecords } from './records.js';

/** rows per UNWIND statement at most: large enough to load fast, small enough for one transaction each */
export const CYPHER_BATCH = 500;
/** characters of literals per statement at most, whatever the rows (cypher-shell holds a statement whole) */
export const CYPHER_BATCH_CHARS = 1_000_000;

type CypherValue = string | number | boolean | null | CypherValue[] | { [key: string]: CypherValue };

/** A Cypher literal. Double-quoted strings take JSON's escapes; map keys are backquoted. */
export function cypherLiteral(value: CypherValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${identifier(k)}: ${cypherLiteral(v)}`)
    .join(', ')}}`;
}

function identifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** Neo4j keeps no nested maps: attribute values that are objects go in as JSON text. */
function flat(fields: Record<string, unknown>): Record<string, CypherValue> {
  const out: Record<string, CypherValue> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : (v as CypherValue);
  }
  return out;
}

function factProperties(r: EntityRecord | RelationRecord): Record<string, CypherValue> {
  return {
    stated: r.stated,
    ...(r.inference ? { inference: r.inference } : {}),
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
    evidenceCount: r.evidence.length,
    quotes: r.evidence.map((e) => e.quote),
    articles: r.evidence.map((e) => e.article),
    evidence: JSON.stringify(r.evidence),
    ...(r.assertedBy ? { assertedBy: r.assertedBy.by, assertedAt: r.assertedBy.at } : {}),
  };
}

function entityRow(e: EntityRecord): CypherValue {
  const { text: _text, ...attributes } = e.attributes;
  return { id: e.id, props: { ...flat(attributes), id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, ...factProperties(e) } };
}

function relationRow(r: RelationRecord): CypherValue {
  return { id: r.id, from: r.from, to: r.to, props: { ...flat(r.properties), id: r.id, ...factProperties(r) } };
}

/** Rows as Cypher list literals, grouped by `key`, each list at most CYPHER_BATCH rows and about CYPHER_BATCH_CHARS long. */
function* batches<T>(items: readonly T[], key: (item: T) => string, row: (item: T) => CypherValue): Generator<[string, string]> {
  const groups = new Map<string, { rows: string[]; chars: number }>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? { rows: [], chars: 0 };
    const literal = cypherLiteral(row(item));
    group.rows.push(literal);
    group.chars += literal.length;
    if (group.rows.length === CYPHER_BATCH || group.chars >= CYPHER_BATCH_CHARS) {
      groups.delete(k);
      yield [k, `[${group.rows.join(', ')}]`];
    } else groups.set(k, group);
  }
  for (const [k, group] of groups) yield [k, `[${group.rows.join(', ')}]`];
}

export function* writeCypher(g: GraphRecords): Generator<string> {
  yield `// coopgraph: ${g.entities.length} entities, ${g.relations.length} relations. Idempotent (MERGE on ids); a newer export adds and updates but deletes nothing.\n`;
  yield '// cypher-shell -u neo4j -p PASSWORD -f coopgraph.cypher\n';
  yield 'CREATE CONSTRAINT coopgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n';
  for (const [kind, rows] of batches(g.entities, (e) => e.kind, entityRow)) {
    yield `UNWIND ${rows} AS row MERGE (n:Entity {id: row.id}) SET n:${identifier(kind)}, n = row.props;\n`;
  }
  for (const [type, rows] of batches(g.relations, (r) => r.type, relationRow)) {
    yield `UNWIND ${rows} AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to}) MERGE (a)-[r:${identifier(type)} {id: row.id}]->(b) SET r = row.props;\n`;
  }
}
