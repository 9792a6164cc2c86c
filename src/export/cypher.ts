// A Cypher script that loads the graph into Neo4j (`cypher-shell -f`, or
// Neo4j Browser): every entity an `:Entity` with a label for its kind, every
// relation a relationship of its ONTOLOGY.md type. MERGE on ids makes it
// idempotent: run it twice, the graph is the same. Neo4j properties are
// scalars or lists of them, so evidence goes in as `quotes` and `articles`
// lists, with the whole of it as JSON in `evidence`.

import type { EntityRecord, RelationRecord } from '../ontology/index.js';
import type { GraphRecords } from './records.js';

/** rows per UNWIND statement: large enough to load fast, small enough for one transaction each */
export const CYPHER_BATCH = 500;

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
  return { id: e.id, props: { ...flat(e.attributes), id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, ...factProperties(e) } };
}

function relationRow(r: RelationRecord): CypherValue {
  return { id: r.id, from: r.from, to: r.to, props: { ...flat(r.properties), id: r.id, ...factProperties(r) } };
}

function* batches<T>(items: readonly T[], key: (item: T) => string): Generator<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? [];
    group.push(item);
    if (group.length === CYPHER_BATCH) {
      groups.delete(k);
      yield [k, group];
    } else groups.set(k, group);
  }
  yield* groups;
}

export function* writeCypher(g: GraphRecords): Generator<string> {
  yield `// coopgraph: ${g.entities.length} entities, ${g.relations.length} relations. Idempotent (MERGE on ids): run it again to update.\n`;
  yield '// cypher-shell -u neo4j -p PASSWORD -f coopgraph.cypher\n';
  yield 'CREATE CONSTRAINT coopgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n';
  for (const [kind, entities] of batches(g.entities, (e) => e.kind)) {
    yield `UNWIND ${cypherLiteral(entities.map(entityRow))} AS row MERGE (n:Entity {id: row.id}) SET n:${identifier(kind)}, n = row.props;\n`;
  }
  for (const [type, relations] of batches(g.relations, (r) => r.type)) {
    yield `UNWIND ${cypherLiteral(relations.map(relationRow))} AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to}) MERGE (a)-[r:${identifier(type)} {id: row.id}]->(b) SET r = row.props;\n`;
  }
}
