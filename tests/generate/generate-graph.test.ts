// The synthetic graph generator: deterministic for a seed, the ontology's
// shape, loadable, heavy-tailed, quotes shared across facts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { generateGraph } from '../../src/generate/generate-graph.js';
import { readData } from '../../src/write/open-data.js';
import { thrown } from '../store/thrown.js';
import { tempDir } from '../temp-dir.js';

const newDir = () => tempDir('generated');
/** Every file of a folder, name → content. */
const contents = (dir: string) =>
  Object.fromEntries(['facts', 'sources'].flatMap((sub) => readdirSync(join(dir, sub)).map((name) => [`${sub}/${name}`, readFileSync(join(dir, sub, name), 'utf8')])));

describe('generateGraph', () => {
  const dir = newDir();
  const stats = generateGraph(dir, { entities: 5_000, seed: 42 });
  const { kg } = readData(dir);

  it('writes a graph folder the loader accepts, with the counts it reports', () => {
    expect(kg.entityCount).toBe(stats.entities);
    expect(kg.relationCount).toBe(stats.relations);
    expect(Math.abs(stats.entities - 5_000)).toBeLessThan(5_000 * 0.01);
    expect(stats.articles).toBe(readdirSync(join(dir, 'facts')).length);
  });

  it('has about five relations an entity, of the ontology\'s kinds and types', () => {
    expect(stats.relations / stats.entities).toBeGreaterThan(4);
    expect(stats.relations / stats.entities).toBeLessThan(6);
    for (const kind of ['Country', 'Area', 'PoliceAgency', 'Person', 'Agreement', 'Event', 'CrimeCategory', 'Outcome', 'Article'] as const) {
      expect(kg.entities([kind]).length, kind).toBeGreaterThan(0);
    }
    for (const type of ['PARTY_TO', 'SIGNED', 'SIGNED_AT', 'HOLDS_POSITION', 'PARTICIPATED_IN', 'LED_DELEGATION', 'ADDRESSES', 'LOCATED_IN', 'REPORTED'] as const) {
      expect(kg.countRelations(type), type).toBeGreaterThan(0);
    }
  });

  it('gives agencies heavy-tailed degrees: a few party to hundreds of agreements', () => {
    const parties = kg
      .entities(['PoliceAgency'])
      .map((a) => kg.relationsOf(a.id, 'OUT', ['PARTY_TO']).length)
      .sort((a, b) => b - a);
    const median = parties[Math.floor(parties.length / 2)]!;
    expect(parties[0]).toBeGreaterThan(100);
    expect(parties[0]).toBeGreaterThan(20 * Math.max(1, median));
  });

  it('shares each quoted sentence among several facts', () => {
    const quotes = new Map<string, number>();
    for (const fact of [...kg.entities(), ...kg.relations()]) for (const e of fact.evidence) quotes.set(e.quote, (quotes.get(e.quote) ?? 0) + 1);
    const uses = [...quotes.values()];
    expect(uses.reduce((a, b) => a + b, 0) / uses.length).toBeGreaterThan(5);
  });

  it('writes the same files for the same seed, and others for another', () => {
    const again = newDir();
    generateGraph(again, { entities: 5_000, seed: 42 });
    expect(contents(again)).toEqual(contents(dir));
    const other = newDir();
    generateGraph(other, { entities: 5_000, seed: 43 });
    expect(contents(other)['facts/0000000.json']).not.toBe(contents(dir)['facts/0000000.json']);
  });

  it.each([
    [999, 1],
    [1_000_001, 1],
    [2_500.5, 1],
    [5_000, -1],
  ])('refuses %d entities or seed %d', (entities, seed) => {
    const error = thrown(() => generateGraph(newDir(), { entities, seed }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toMatch(/^generate: /);
  });
});
