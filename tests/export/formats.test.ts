// Every export format parses back with a real parser of that format, and
// holds what the graph holds: graphology's GraphML and GEXF parsers, the
// jsonld.js processor, the FollowTheMoney model, and for Cypher a recording
// double of Neo4j (tests/export/cypher-double.ts).

import { Model, defaultModel } from '@alephdata/followthemoney';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { exportGraph, type ExportFormat } from '../../src/export/export-graph.js';
import { FTM_SCHEMA, ftmId } from '../../src/export/ftm.js';
import { ID_BASE, JSONLD_CONTEXT } from '../../src/export/jsonld.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { entity, graphOf, relation } from '../helpers.js';
import { seedGraph } from '../seed-graph.js';
import { CypherDouble } from './cypher-double.js';

const text = (kg: KnowledgeGraph, format: ExportFormat) => [...exportGraph(kg, format)].join('');
const kg = seedGraph();
const evidenceCount = (records: readonly { evidence: unknown[] }[]) => records.reduce((n, r) => n + r.evidence.length, 0);

// names and quotes with everything XML, JSON and Cypher escape
const awkward = graphOf(
  [
    entity('person:a', 'Person', 'A <b> & "c" \'d\' `e` \\ f\nnew line ’ ü'),
    entity('police-agency:b', 'PoliceAgency', 'Bureau } { ] [ , :'),
  ],
  [relation('HOLDS_POSITION', 'person:a', 'police-agency:b', { title: 'Chief "of" <all>' }, false)],
);

describe.each([
  ['graphml', (source: string) => parseGraphml(MultiDirectedGraph, source)],
  ['gexf', (source: string) => parseGexf(MultiDirectedGraph, source)],
] as const)('%s', (format, parse) => {
  it('parses back with graphology\'s parser into the same nodes and edges, with kinds, attributes and evidence counts', () => {
    const graph = parse(text(kg, format));
    expect(graph.order).toBe(kg.entityCount);
    expect(graph.size).toBe(kg.relationCount);
    for (const e of kg.entities()) {
      const attributes = graph.getNodeAttributes(e.id);
      expect(attributes.label).toBe(e.name);
      expect(attributes.kind).toBe(e.kind);
      expect(attributes.stated).toBe(e.stated);
      expect(attributes.evidenceCount).toBe(e.evidence.length);
      for (const [name, value] of Object.entries(e.attributes)) {
        if (name !== 'text') expect(attributes[name]).toBe(typeof value === 'object' ? JSON.stringify(value) : value);
      }
    }
    for (const r of kg.relations()) {
      const attributes = graph.getEdgeAttributes(r.id);
      expect([graph.source(r.id), graph.target(r.id), attributes.type, attributes.stated, attributes.evidenceCount]).toEqual([r.from, r.to, r.type, r.stated, r.evidence.length]);
      if (r.inference) expect(attributes.inference).toBe(r.inference);
    }
  });

  it('escapes what the markup would misread', () => {
    const graph = parse(text(awkward, format));
    expect(graph.getNodeAttribute('person:a', 'label')).toBe('A <b> & "c" \'d\' `e` \\ f\nnew line ’ ü');
    expect(graph.getEdgeAttribute('HOLDS_POSITION:person:a->police-agency:b', 'title')).toBe('Chief "of" <all>');
  });
});

describe('cypher', () => {
  it('loads every entity with its kind as a label and every relation with its type, into a recording double of Neo4j', () => {
    const neo4j = new CypherDouble();
    neo4j.run(text(kg, 'cypher'));
    expect(neo4j.nodes.size).toBe(kg.entityCount);
    expect(neo4j.relationships.size).toBe(kg.relationCount);
    for (const e of kg.entities()) {
      const node = neo4j.nodes.get(e.id)!;
      expect([...node.labels].sort()).toEqual(['Entity', e.kind].sort());
      expect(node.props).toMatchObject({ name: e.name, stated: e.stated, evidenceCount: e.evidence.length, quotes: e.evidence.map((x) => x.quote) });
      expect(JSON.parse(node.props.evidence as string)).toEqual(e.evidence);
      // an article's text stays in the json export
      expect(node.props.text).toBeUndefined();
    }
    for (const r of kg.relations()) {
      expect(neo4j.relationships.get(r.id)).toMatchObject({ type: r.type, from: r.from, to: r.to, props: { stated: r.stated } });
    }
  });

  it('keeps each statement under about a megabyte, however long the records', () => {
    const long = 'x'.repeat(300_000);
    const big = graphOf(Array.from({ length: 12 }, (_, i) => entity(`person:p${i}`, 'Person', `P${i}`, { rank: long })));
    const statements = text(big, 'cypher').split('\n').filter((l) => l.startsWith('UNWIND'));
    expect(statements.length).toBeGreaterThan(1);
    expect(Math.max(...statements.map((s) => s.length))).toBeLessThan(1_000_000 + 310_000);
    const neo4j = new CypherDouble();
    neo4j.run(text(big, 'cypher'));
    expect(neo4j.nodes.size).toBe(12);
  });

  it('is idempotent: a second run leaves the same graph', () => {
    const neo4j = new CypherDouble();
    const script = text(kg, 'cypher');
    neo4j.run(script);
    const once = JSON.stringify([...neo4j.nodes].map(([id, n]) => [id, [...n.labels], n.props]));
    neo4j.run(script);
    expect(JSON.stringify([...neo4j.nodes].map(([id, n]) => [id, [...n.labels], n.props]))).toBe(once);
    expect(neo4j.relationships.size).toBe(kg.relationCount);
  });

  it('writes names with quotes and backslashes as literals that read back the same', () => {
    const neo4j = new CypherDouble();
    neo4j.run(text(awkward, 'cypher'));
    expect(neo4j.nodes.get('person:a')!.props.name).toBe('A <b> & "c" \'d\' `e` \\ f\nnew line ’ ü');
    expect(neo4j.relationships.get('HOLDS_POSITION:person:a->police-agency:b')!.props.title).toBe('Chief "of" <all>');
  });
});

describe('jsonld', () => {
  const nodes = async (source: string) => (await jsonld.flatten(JSON.parse(source))) as unknown as Record<string, unknown>[];
  const typed = (all: Record<string, unknown>[], type: string) => all.filter((n) => (n['@type'] as string[] | undefined)?.includes(type));

  it('expands with jsonld.js into schema.org types, one node per entity and per relation statement', async () => {
    const all = await nodes(text(kg, 'jsonld'));
    const count = (kind: string) => kg.entities().filter((e) => e.kind === kind).length;
    expect(typed(all, 'https://schema.org/Person')).toHaveLength(count('Person'));
    expect(typed(all, 'https://schema.org/GovernmentOrganization')).toHaveLength(count('PoliceAgency'));
    expect(typed(all, 'https://schema.org/Event')).toHaveLength(count('Event'));
    expect(typed(all, 'https://w3id.org/coopgraph/ns#Relation')).toHaveLength(kg.relationCount);
    expect(typed(all, 'https://w3id.org/coopgraph/ns#Evidence').length + all.filter((n) => n['https://w3id.org/coopgraph/ns#quote']).length).toBe(
      evidenceCount(kg.entities()) + evidenceCount(kg.relations()) + kg.conflicts().reduce((n, c) => n + c.claims.reduce((m, claim) => m + claim.evidence.length, 0), 0),
    );
  });

  it('keeps each relation as a plain link too, and each statement\'s evidence', async () => {
    const all = await nodes(text(kg, 'jsonld'));
    const byId = new Map(all.map((n) => [n['@id'], n]));
    const signed = kg.relations(['SIGNED']).find((r) => !r.stated)!;
    const person = byId.get(`${ID_BASE}${signed.from}`)!;
    expect(person['https://w3id.org/coopgraph/ns#SIGNED']).toContainEqual({ '@id': `${ID_BASE}${signed.to}` });
    const statement = byId.get(`${ID_BASE}${encodeURIComponent(signed.id).replace(/%3A/g, ':')}`)!;
    expect(statement['https://w3id.org/coopgraph/ns#inference']).toEqual([{ '@value': signed.inference }]);
    expect(statement['https://w3id.org/coopgraph/ns#stated']).toEqual([{ '@value': false, '@type': 'http://www.w3.org/2001/XMLSchema#boolean' }]);
  });

  it('serves its context as data that expands the same', async () => {
    const doc = JSON.parse(text(awkward, 'jsonld')) as { '@context': unknown };
    expect(doc['@context']).toEqual(JSONLD_CONTEXT);
    const all = await nodes(text(awkward, 'jsonld'));
    expect(all.find((n) => n['@id'] === `${ID_BASE}person:a`)!['https://schema.org/name']).toEqual([{ '@value': 'A <b> & "c" \'d\' `e` \\ f\nnew line ’ ü' }]);
  });
});

describe('ftm', () => {
  const model = new Model(defaultModel);
  const lines = (source: string) => source.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });

  it('gives FollowTheMoney entities the model accepts, each property its schema\'s and each reference resolved', () => {
    const entities = lines(text(kg, 'ftm'));
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.size).toBe(entities.length);
    // the ids Python's followthemoney (Aleph, nomenklatura) keeps: others it drops
    const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
    expect(entities.filter((e) => !FTM_ID.test(e.id)).map((e) => e.id)).toEqual([]);
    for (const raw of entities) {
      const entity = model.getEntity(raw);
      for (const [name, values] of Object.entries(raw.properties)) {
        expect(entity.schema.hasProperty(name), `${raw.schema}.${name}`).toBe(true);
        const property = entity.schema.getProperty(name);
        if (property.type.name !== 'entity') continue;
        for (const ref of values) {
          const target = byId.get(ref);
          expect(target, `${raw.id} ${name} → ${ref}`).toBeDefined();
          expect(model.getSchema(target!.schema).isA(property.getRange())).toBe(true);
        }
      }
      for (const required of entity.schema.required ?? []) expect(raw.properties[required], `${raw.schema} needs ${required}`).toBeDefined();
    }
  });

  it('has one entity per entity, one link per relation and one Documentation per piece of an entity\'s evidence', () => {
    const entities = lines(text(kg, 'ftm'));
    const schemaCount = (schema: string) => entities.filter((e) => e.schema === schema).length;
    expect(schemaCount('Documentation')).toBe(evidenceCount(kg.entities()));
    const relationIds = new Set(kg.relations().map((r) => ftmId(r.id)));
    const links = entities.filter((e) => relationIds.has(e.id));
    expect(links).toHaveLength(kg.relationCount);
    expect(links.reduce((n, l) => n + (l.properties.description?.length ?? 0), 0)).toBe(evidenceCount(kg.relations()));
    expect(entities.length).toBe(kg.entityCount + kg.relationCount + schemaCount('Documentation'));
    expect(schemaCount('Person')).toBe(kg.entities().filter((e) => FTM_SCHEMA[e.kind] === 'Person').length);
    expect(schemaCount('Employment')).toBe(kg.relations(['HOLDS_POSITION']).length);
  });

  it('gives each entity the same id in every export, and each quote its own Documentation', () => {
    expect(text(kg, 'ftm')).toBe(text(kg, 'ftm'));
    const ids = lines(text(kg, 'ftm')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(ftmId('person:ma-shuliang'));
  });
});
