// The walks' adjacency: every entity's relations as typed arrays, listed as
// graphology lists them, and kept true to the graph through writes.

import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/generate/generate-graph.js';
import { RELATION_TYPE_NAMES, type RelationType } from '../../src/ontology/index.js';
import { Adjacency, adjacencyOf, typeMask, type Side } from '../../src/store/adjacency.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { readData } from '../../src/write/open-data.js';
import { entity, relation } from '../helpers.js';
import { tempDir } from '../temp-dir.js';

const NO_ROOM = { used_heap_size: 0, heap_size_limit: 1 };

const generatedDirs = new Map<number, string>();

/** A fresh store of a generated graph (the files made once per size). */
function generated(entities = 2_000): KnowledgeGraph {
  let dir = generatedDirs.get(entities);
  if (!dir) {
    dir = tempDir('adjacency');
    generateGraph(dir, { entities, seed: 5 });
    generatedDirs.set(entities, dir);
  }
  return readData(dir).kg;
}

/** What graphology itself lists: each neighbour once per side, in its order, along the allowed types. */
function listedByGraph(kg: KnowledgeGraph, side: Side, node: string, types?: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const add = (type: string, neighbour: string) => (!types || types.has(type)) && !found.includes(neighbour) && found.push(neighbour);
  if (side === 'out') kg.graph.forEachOutEdge(node, (_, r, __, target) => add(r.type, target));
  else kg.graph.forEachInEdge(node, (_, r, source) => add(r.type, source));
  return found;
}

function expectSameAsGraph(kg: KnowledgeGraph, adjacency: Adjacency, nodes = kg.graph.nodes()): void {
  const typeSets: (readonly RelationType[] | undefined)[] = [undefined, ['PARTY_TO', 'SIGNED'], ['HOLDS_POSITION']];
  for (const types of typeSets) {
    const mask = types ? typeMask(types) : null;
    const allowed = types && new Set<string>(types);
    for (const node of nodes) {
      for (const side of ['out', 'in'] as const) {
        expect(adjacency.neighbours(side, node, mask), `${side} of ${node}, ${types ?? 'all'}`).toEqual(listedByGraph(kg, side, node, allowed));
      }
    }
  }
}

describe('Adjacency', () => {
  it("lists each entity's neighbours on either side as graphology does, with and without a type mask", () => {
    const kg = generated();
    const adjacency = new Adjacency(kg.graph);
    // without types it is graphology's own listing, order and all
    for (const node of kg.graph.nodes()) {
      expect(adjacency.neighbours('out', node, null)).toEqual(kg.graph.outNeighbors(node));
      expect(adjacency.neighbours('in', node, null)).toEqual(kg.graph.inNeighbors(node));
    }
    expectSameAsGraph(kg, adjacency);
    adjacency.dispose();
  });

  it('holds four bytes per entity and five per relation on each side, outside the heap', () => {
    const kg = generated(1_000);
    const adjacency = new Adjacency(kg.graph);
    expect(adjacency.externalBytes).toBe(2 * (4 * (kg.entityCount + 1) + 5 * kg.graph.size));
    expect(new Adjacency(kg.graph, false).externalBytes).toBe(0);
    adjacency.dispose();
  });

  it('reads the graph itself when not built, answering alike', () => {
    const kg = generated(1_000);
    expectSameAsGraph(kg, new Adjacency(kg.graph, false));
  });

  it('a mask keeps the types given', () => {
    const mask = typeMask(['SIGNED', 'PARTY_TO']);
    expect([...mask.keys()].filter((code) => mask[code]).map((code) => RELATION_TYPE_NAMES[code]).sort()).toEqual(['PARTY_TO', 'SIGNED']);
  });

  it('stays true to the graph through writes, without building again', () => {
    const kg = generated();
    const adjacency = adjacencyOf(kg);
    const [a, b, c] = kg.entities(['PoliceAgency']).map((e) => e.id);
    const person = kg.entities(['Person'])[0]!.id;
    // a relation added, one removed, one retyped, an entity added with relations, one removed with its own
    const added = relation('PROVIDED_EQUIPMENT', a!, b!);
    kg.setRelation(added.id, added);
    const some = kg.graph.edges().find((id) => kg.graph.getEdgeAttribute(id, 'type') === 'SIGNED')!;
    const signer = kg.graph.source(some);
    kg.setRelation(some, null);
    const held = kg.graph.edges().find((id) => kg.graph.getEdgeAttribute(id, 'type') === 'HOLDS_POSITION')!;
    kg.graph.setEdgeAttribute(held, 'type', 'LED_DELEGATION');
    const fresh = entity('person:new', 'Person', 'Nguyen Van New');
    kg.setEntity(fresh.id, fresh);
    const holds = relation('HOLDS_POSITION', fresh.id, c!);
    kg.setRelation(holds.id, holds);
    const neighboursOfGone = [...kg.graph.neighbors(person)];
    kg.setEntity(person, null);
    kg.reindex();

    expect(adjacencyOf(kg)).toBe(adjacency);
    const touched = [a!, b!, c!, signer, kg.graph.source(held), kg.graph.target(held), fresh.id, ...neighboursOfGone];
    expectSameAsGraph(kg, adjacency, touched);
    expect(adjacency.neighbours('out', fresh.id, null)).toEqual([c]);
    expect(adjacency.neighbours('out', a!, typeMask(['PROVIDED_EQUIPMENT']))).toContain(b);
    expectSameAsGraph(kg, adjacency);
  });

  it('is built again once a tenth of the entities changed, and the old one stops listening', () => {
    const kg = generated(1_000);
    const first = adjacencyOf(kg);
    const listeners = kg.graph.listenerCount('edgeAdded');
    const people = kg.entities(['Person']).map((e) => e.id);
    const agencies = kg.entities(['PoliceAgency']).map((e) => e.id);
    const touched = new Set<string>();
    for (const [i, person] of people.entries()) {
      const r = relation('HOLDS_POSITION', person, agencies[i % agencies.length]!);
      if (kg.graph.hasEdge(r.id)) continue;
      kg.setRelation(r.id, r);
      kg.reindex();
      touched.add(r.from).add(r.to);
      expect(first.stale).toBe(touched.size > kg.entityCount / 10);
      if (first.stale) break;
    }
    expect(first.stale).toBe(true);
    const second = adjacencyOf(kg);
    expect(second).not.toBe(first);
    expect(second.stale).toBe(false);
    expect(adjacencyOf(kg)).toBe(second);
    expect(kg.graph.listenerCount('edgeAdded')).toBe(listeners);
    expectSameAsGraph(kg, second);
  });

  it('reads every entity from the graph after a change to every relation at once, and is then built again', () => {
    const kg = generated(1_000);
    const adjacency = adjacencyOf(kg);
    kg.graph.updateEachEdgeAttributes((_, relation) => ({ ...relation, type: relation.type === 'SIGNED' ? 'PARTY_TO' : relation.type }));
    expect(adjacency.stale).toBe(true);
    expectSameAsGraph(kg, adjacency);
    const again = adjacencyOf(kg);
    expect(again).not.toBe(adjacency);
    expectSameAsGraph(kg, again);
    kg.graph.clearEdges();
    expect(again.stale).toBe(true);
    expect(again.neighbours('out', kg.graph.nodes()[0]!, null)).toEqual([]);
  });

  it('when its ids would not fit the heap left, reads the graph and keeps nothing', () => {
    const kg = generated(1_000);
    const tight = adjacencyOf(kg, NO_ROOM);
    expect(tight.externalBytes).toBe(0);
    expect(kg.graph.listenerCount('edgeAdded')).toBe(0);
    expectSameAsGraph(kg, tight);
    // with room, it is built
    expect(adjacencyOf(kg).externalBytes).toBeGreaterThan(0);
  });

  it('is one per graph', () => {
    const one = generated(1_000);
    const two = generated(1_000);
    expect(adjacencyOf(one)).not.toBe(adjacencyOf(two));
    expect(adjacencyOf(one)).toBe(adjacencyOf(one));
  });
});
