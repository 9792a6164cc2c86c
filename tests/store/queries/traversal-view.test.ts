// traversalView(): the graph as graphology's algorithms walk it (along some
// relation types, one way or both), and relationBetween(): the relation a
// path uses between two entities.

import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/generate-graph.js';
import { readData } from '../../../src/write/open-data.js';
import { relationBetween, traversalView } from '../../../src/store/queries/traversal-view.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { tempDir } from '../../temp-dir.js';

//   police-agency:a --PROVIDED_EQUIPMENT--> police-agency:b --SUBORDINATE_TO--> police-agency:a
//   police-agency:a, police-agency:b --PARTY_TO--> agreement:m <--SIGNED-- person:p
const build = () =>
  graphOf(
    [
      entity('police-agency:a', 'PoliceAgency', 'Agency A'),
      entity('police-agency:b', 'PoliceAgency', 'Agency B'),
      entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' }),
      entity('person:p', 'Person', 'Vu Tien Dung'),
    ],
    [
      relation('PROVIDED_EQUIPMENT', 'police-agency:a', 'police-agency:b'),
      relation('SUBORDINATE_TO', 'police-agency:b', 'police-agency:a'),
      relation('PARTY_TO', 'police-agency:a', 'agreement:m'),
      relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
      relation('SIGNED', 'person:p', 'agreement:m'),
    ],
  );

describe('traversalView', () => {
  const sorted = (nodes: string[]) => [...nodes].sort();
  const A = 'police-agency:a';
  const NO_ROOM = { used_heap_size: 0, heap_size_limit: 1 };

  it("for OUT or IN without types lists the store graph's own neighbours, in its order", () => {
    const kg = build();
    for (const direction of ['OUT', 'IN'] as const) {
      for (const view of [traversalView(kg, direction), traversalView(kg, direction, [])]) {
        expect(Object.getPrototypeOf(view)).toBe(kg.graph);
        for (const node of kg.graph.nodes()) {
          expect(view.outboundNeighbors(node)).toEqual(kg.graph.outNeighbors(node));
          expect(view.inboundNeighbors(node)).toEqual(kg.graph.inNeighbors(node));
        }
      }
    }
  });

  it('for ANY without types walks the store graph both ways, each neighbour once', () => {
    const kg = build();
    const view = traversalView(kg, 'ANY');
    // a -> b and b -> a: b once
    expect(sorted(view.outboundNeighbors(A))).toEqual(['agreement:m', 'police-agency:b']);
    expect(sorted(view.inboundNeighbors(A))).toEqual(['agreement:m', 'police-agency:b']);
    expect(sorted(view.neighbors('agreement:m'))).toEqual(['person:p', 'police-agency:a', 'police-agency:b']);
    const seen: [string, string][] = [];
    view.forEachOutboundNeighbor('person:p', (node, attributes) => seen.push([node, attributes.name]));
    expect(seen).toEqual([['agreement:m', 'MoU']]);
    expect(view.hasNode('person:p')).toBe(true);
    expect(view.order).toBe(4);
  });

  it('with repeats, lists an entity related both ways once per side, with or without types', () => {
    const kg = build();
    const any = traversalView(kg, 'ANY', undefined, { repeats: true });
    expect(sorted(any.outboundNeighbors(A))).toEqual(['agreement:m', 'police-agency:b', 'police-agency:b']);
    expect(sorted(any.neighbors('agreement:m'))).toEqual(['person:p', 'police-agency:a', 'police-agency:b']);
    const typed = traversalView(kg, 'ANY', ['PROVIDED_EQUIPMENT', 'SUBORDINATE_TO'], { repeats: true });
    expect(typed.outboundNeighbors(A)).toEqual(['police-agency:b', 'police-agency:b']);
    expect(traversalView(kg, 'ANY', ['PROVIDED_EQUIPMENT', 'SUBORDINATE_TO']).outboundNeighbors(A)).toEqual(['police-agency:b']);
  });

  it('with types follows relations of those types only, in the direction asked', () => {
    const kg = build();
    const directed = traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED']);
    expect(directed.outboundNeighbors(A)).toEqual(['agreement:m']);
    expect(directed.inboundNeighbors(A)).toEqual([]);
    expect(sorted(directed.inboundNeighbors('agreement:m'))).toEqual(['person:p', 'police-agency:a', 'police-agency:b']);
    expect(sorted(directed.neighbors(A))).toEqual(['agreement:m']);
    // the breakable listings too: until the callback says stop
    const listed: string[] = [];
    expect(directed.someInNeighbor('agreement:m', (node) => listed.push(node) === 2)).toBe(true);
    expect(listed).toEqual(directed.inboundNeighbors('agreement:m').slice(0, 2));
    expect(directed.someOutNeighbor('person:p', () => false)).toBe(false);
    const undirected = traversalView(kg, 'ANY', ['SUBORDINATE_TO']);
    expect(undirected.outboundNeighbors(A)).toEqual(['police-agency:b']);
    expect(undirected.inboundNeighbors(A)).toEqual(['police-agency:b']);
    expect(undirected.outboundNeighbors('person:p')).toEqual([]);
  });

  it('answers alike from the adjacency and, with no heap room for it, from the graph, on a generated graph', () => {
    const dir = tempDir('view');
    generateGraph(dir, { entities: 2_000, seed: 5 });
    const { kg } = readData(dir);
    const nodes = kg.graph.nodes().filter((_, i) => i % 7 === 0);
    const neighbours = (view: ReturnType<typeof traversalView>) =>
      nodes.map((node) => [view.outboundNeighbors(node), view.inboundNeighbors(node), view.neighbors(node)]);
    for (const types of [undefined, ['PARTY_TO', 'SIGNED'], ['HOLDS_POSITION']] as const) {
      for (const direction of ['OUT', 'IN', 'ANY'] as const) {
        const fromArrays = neighbours(traversalView(kg, direction, types));
        expect(fromArrays.flat(2).length).toBeGreaterThan(0);
        expect(neighbours(traversalView(kg, direction, types, { heap: NO_ROOM }))).toEqual(fromArrays);
      }
    }
    // every relation both ways, as an undirected copy would answer
    const undirected = new MultiUndirectedGraph();
    kg.graph.forEachNode((id) => undirected.addNode(id));
    kg.graph.forEachEdge((id, _, from, to) => undirected.addEdgeWithKey(id, from, to));
    const sortedNeighbours = (view: ReturnType<typeof traversalView>) => neighbours(view).map((lists) => lists.map(sorted));
    expect(sortedNeighbours(traversalView(kg, 'ANY'))).toEqual(sortedNeighbours(undirected));
  });

  it('answers the graph as it is after a write', () => {
    const kg = build();
    expect(traversalView(kg, 'OUT', ['SIGNED']).inboundNeighbors('agreement:m')).toEqual(['person:p']);
    const signed = relation('SIGNED', 'person:p', 'agreement:m');
    kg.setRelation(signed.id, null);
    const other = relation('SIGNED', 'person:q', 'agreement:m');
    kg.setEntity('person:q', entity('person:q', 'Person', 'Tran Van Q'));
    kg.setRelation(other.id, other);
    kg.reindex();
    expect(traversalView(kg, 'OUT', ['SIGNED']).inboundNeighbors('agreement:m')).toEqual(['person:q']);
    expect(traversalView(kg, 'ANY').neighbors('person:p')).toEqual([]);
  });

  it('leaves the store graph untouched', () => {
    const kg = build();
    traversalView(kg, 'ANY');
    traversalView(kg, 'OUT', ['SIGNED']);
    traversalView(kg, 'ANY', ['SIGNED'], { heap: NO_ROOM });
    expect(kg.graph.size).toBe(5);
    expect(kg.graph.order).toBe(4);
    expect(Object.keys(kg.graph)).not.toContain('outboundNeighbors');
  });
});

describe('relationBetween', () => {
  const kg = build();
  const A = 'police-agency:a';
  const B = 'police-agency:b';
  const between = (a: string, b: string, direction: 'OUT' | 'IN' | 'ANY', types?: Parameters<typeof traversalView>[2]) =>
    relationBetween(kg, a, b, direction, types).id;

  it('takes the relation pointing the walked way', () => {
    expect(between(A, B, 'OUT')).toBe('PROVIDED_EQUIPMENT:police-agency:a->police-agency:b');
    expect(between(A, B, 'IN')).toBe('SUBORDINATE_TO:police-agency:b->police-agency:a');
    expect(between(B, A, 'OUT')).toBe('SUBORDINATE_TO:police-agency:b->police-agency:a');
    expect(between(B, A, 'IN')).toBe('PROVIDED_EQUIPMENT:police-agency:a->police-agency:b');
  });

  it('takes the smallest id where several qualify', () => {
    expect(between(A, B, 'ANY')).toBe('PROVIDED_EQUIPMENT:police-agency:a->police-agency:b');
    expect(between(B, A, 'ANY')).toBe('PROVIDED_EQUIPMENT:police-agency:a->police-agency:b');
  });

  it("keeps to the view's types", () => {
    expect(between(A, B, 'ANY', ['SUBORDINATE_TO'])).toBe('SUBORDINATE_TO:police-agency:b->police-agency:a');
    expect(between(A, B, 'IN', ['SUBORDINATE_TO'])).toBe('SUBORDINATE_TO:police-agency:b->police-agency:a');
    expect(between(A, B, 'ANY', [])).toBe('PROVIDED_EQUIPMENT:police-agency:a->police-agency:b');
  });

  it('throws where no relation qualifies', () => {
    expect(() => between(A, B, 'OUT', ['SUBORDINATE_TO'])).toThrow('no relation from police-agency:a to police-agency:b on a found path');
    expect(() => between('person:p', A, 'ANY')).toThrow('no relation from person:p to police-agency:a on a found path');
  });
});
