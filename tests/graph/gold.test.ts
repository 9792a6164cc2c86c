// The graph holds every fact of the gold files (tests/fixtures/gold, copies of
// ../shared/seeds/gold): each entity by kind and name or alias, each relation
// with its type, ends, properties, stated flag and verbatim quote.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export-graph.js';
import { normalizeName } from '../../src/ontology/index.js';
import { seedGraph } from '../seed-graph.js';

interface GoldEntity {
  key: string;
  kind: string;
  name: string;
  aliases: string[];
  attrs: Record<string, unknown>;
}
interface GoldRelation {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  stated: boolean;
  quote: string;
  inference?: string;
}
interface Gold {
  article: string;
  publishedOn: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}
interface Exported {
  entities: { id: string; kind: string; name: string; aliases: string[]; attributes: Record<string, unknown>; evidence: { article: string; quote: string; start: number; end: number }[] }[];
  relations: { id: string; type: string; from: string; to: string; properties: Record<string, unknown>; stated: boolean; inference?: string; evidence: { article: string; quote: string }[] }[];
}

const goldDir = new URL('../fixtures/gold/', import.meta.url);
const golds: Gold[] = readdirSync(goldDir).map((f) => JSON.parse(readFileSync(new URL(f, goldDir), 'utf8')));
const exported: Exported = JSON.parse([...exportGraph(seedGraph(), 'json')].join(''));

const names = (e: { name: string; aliases: string[] }) => new Set([e.name, ...e.aliases].map(normalizeName));

/** Gold keys → ids in the export, by kind and a shared name or alias. */
function matchEntities(gold: Gold): Map<string, string> {
  const ids = new Map<string, string>();
  for (const g of gold.entities) {
    const wanted = names(g);
    const found = exported.entities.filter((e) => e.kind === g.kind && [...names(e)].some((n) => wanted.has(n)));
    if (found.length === 1) ids.set(g.key, found[0]!.id);
  }
  return ids;
}

describe.each(golds.map((g) => [g.article, g] as const))('gold facts of %s', (_, gold) => {
  const ids = matchEntities(gold);
  const articleId = ids.get('article')!;

  it('holds every gold entity, matched to exactly one entity', () => {
    const missing = gold.entities.filter((g) => !ids.has(g.key)).map((g) => `${g.kind} ${g.name}`);
    expect(missing).toEqual([]);
  });

  it('gives each gold entity the gold attributes', () => {
    for (const g of gold.entities) {
      const entity = exported.entities.find((e) => e.id === ids.get(g.key))!;
      expect(entity.attributes, entity.id).toMatchObject(g.attrs);
    }
  });

  it('holds every gold relation with its properties, stated flag and quote', () => {
    const problems: string[] = [];
    for (const g of gold.relations) {
      const from = ids.get(g.from);
      const to = ids.get(g.to);
      const relation = exported.relations.find((r) => r.type === g.type && r.from === from && r.to === to);
      const label = `${g.type} ${g.from} → ${g.to}`;
      if (!relation) {
        problems.push(`missing ${label}`);
        continue;
      }
      const props = Object.fromEntries(Object.entries(g.props).map(([k, v]) => [k, k === 'onBehalfOf' ? ids.get(String(v)) : v]));
      if (JSON.stringify(relation.properties) !== JSON.stringify({ ...relation.properties, ...props })) problems.push(`properties of ${label}`);
      if (relation.stated !== g.stated) problems.push(`stated of ${label}`);
      if (!g.stated && !relation.inference) problems.push(`no inference line on ${label}`);
      if (!relation.evidence.some((ev) => ev.article === articleId && ev.quote === g.quote)) problems.push(`quote of ${label}`);
    }
    expect(problems).toEqual([]);
  });

  it('marks no relation stated that the gold infers', () => {
    const inferred = gold.relations.filter((g) => !g.stated);
    for (const g of inferred) {
      const relation = exported.relations.find((r) => r.type === g.type && r.from === ids.get(g.from) && r.to === ids.get(g.to));
      expect(relation?.stated, `${g.type} ${g.from} → ${g.to}`).toBe(false);
    }
  });

  it('dates the article as the gold does', () => {
    const article = exported.entities.find((e) => e.id === articleId)!;
    expect(article.attributes.publishedOn).toBe(gold.publishedOn);
  });
});

describe('evidence of the whole graph', () => {
  const texts = new Map(exported.entities.filter((e) => e.kind === 'Article').map((a) => [a.id, String(a.attributes.text)]));

  it('quotes every fact verbatim at its offsets in its article', () => {
    const facts = [...exported.entities, ...exported.relations] as { id: string; evidence: { article: string; quote: string; start: number; end: number }[] }[];
    for (const fact of facts) {
      expect(fact.evidence.length, fact.id).toBeGreaterThan(0);
      for (const ev of fact.evidence) expect(texts.get(ev.article)?.slice(ev.start, ev.end), fact.id).toBe(ev.quote);
    }
  });

  it('gives every inferred relation an inference line and no stated one an inference', () => {
    for (const r of exported.relations) expect(Boolean(r.inference), r.id).toBe(!r.stated);
  });
});
