// traversalView(): the graph as graphology's algorithms walk it (in place, or
// a copy of some relation types), and relationBetween(): the relation a path
// uses between two entities.

import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/generate-graph.js';
import { HEAP_COST, HEAP_RESERVE } from '../../../src/store/heap-room.js';
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

  it('is the store graph itself for OUT or IN without types', () => {
    const kg = build();
    expect(traversalView(kg, 'OUT')).toBe(kg.graph);
    expect(traversalView(kg, 'IN')).toBe(kg.graph);
    expect(traversalView(kg, 'OUT', [])).toBe(kg.graph);
  });

  it('for ANY without types walks the store graph both ways, each neighbour once, copying nothing', () => {
    const kg = build();
    const view = traversalView(kg, 'ANY');
    expect(Object.getPrototypeOf(view)).toBe(kg.graph);
    expect(traversalView(kg, 'ANY', [])).not.toBe(kg.graph);
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


  it('with repeats, lists an entity related both ways once per side, in place with or without types', () => {
    const kg = build();
    const any = traversalView(kg, 'ANY', undefined, { repeats: true });
    expect(sorted(any.outboundNeighbors(A))).toEqual(['agreement:m', 'police-agency:b', 'police-agency:b']);
    expect(sorted(any.neighbors('agreement:m'))).toEqual(['person:p', 'police-agency:a', 'police-agency:b']);
    const typed = traversalView(kg, 'ANY', ['PROVIDED_EQUIPMENT', 'SUBORDINATE_TO'], { repeats: true, heap: NO_ROOM });
    expect(Object.getPrototypeOf(typed)).toBe(kg.graph);
    expect(typed.outboundNeighbors(A)).toEqual(['police-agency:b', 'police-agency:b']);
    expect(traversalView(kg, 'ANY', ['PROVIDED_EQUIPMENT', 'SUBORDINATE_TO'], { heap: NO_ROOM }).outboundNeighbors(A)).toEqual(['police-agency:b']);
  });
  it('with types is a directed copy of every entity and those relations only, keyed by relation id', () => {
    const kg = build();
    const view = traversalView(kg, 'OUT', ['PARTY_TO']);
    expect(view).not.toBe(kg.graph);
    expect(view).toBeInstanceOf(MultiDirectedGraph);
    expect(Object.getPrototypeOf(view)).not.toBe(kg.graph);
    expect(view.order).toBe(4);
    expect(view.edges().sort()).toEqual(['PARTY_TO:police-agency:a->agreement:m', 'PARTY_TO:police-agency:b->agreement:m']);
    expect(view.source('PARTY_TO:police-agency:a->agreement:m')).toBe('police-agency:a');
    expect(view.target('PARTY_TO:police-agency:a->agreement:m')).toBe('agreement:m');
  });

  it('is cached: the same copy on a second call, for OUT and IN alike, whatever the order of the types', () => {
    const kg = build();
    const view = traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED']);
    expect(traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED'])).toBe(view);
    expect(traversalView(kg, 'IN', ['PARTY_TO', 'SIGNED'])).toBe(view);
    expect(traversalView(kg, 'OUT', ['SIGNED', 'PARTY_TO'])).toBe(view);
    expect(traversalView(kg, 'OUT', ['SIGNED', 'PARTY_TO', 'SIGNED'])).toBe(view);
    expect(view.size).toBe(3);
  });

  it('keeps one copy per direction and set of types', () => {
    const kg = build();
    const directed = traversalView(kg, 'OUT', ['PARTY_TO']);
    const undirected = traversalView(kg, 'ANY', ['PARTY_TO']);
    const other = traversalView(kg, 'OUT', ['SIGNED']);
    expect(undirected).not.toBe(directed);
    expect(undirected).toBeInstanceOf(MultiUndirectedGraph);
    expect(undirected.type).toBe('undirected');
    expect(undirected.size).toBe(2);
    expect(other).not.toBe(directed);
    expect(other.edges()).toEqual(['SIGNED:person:p->agreement:m']);
  });

  it('keeps copies per graph', () => {
    const one = build();
    const two = build();
    expect(traversalView(one, 'OUT', ['PARTY_TO'])).not.toBe(traversalView(two, 'OUT', ['PARTY_TO']));
  });

  it('builds its copies again once the graph changes revision', () => {
    const kg = build();
    const before = traversalView(kg, 'ANY', ['PARTY_TO']);
    kg.revision++;
    const after = traversalView(kg, 'ANY', ['PARTY_TO']);
    expect(after).not.toBe(before);
    expect(traversalView(kg, 'ANY', ['PARTY_TO'])).toBe(after);
  });

  it('walks the types in the store graph when their copy would not fit the heap left', () => {
    const kg = build();
    const directed = traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED'], { heap: NO_ROOM });
    expect(Object.getPrototypeOf(directed)).toBe(kg.graph);
    expect(directed.outboundNeighbors(A)).toEqual(['agreement:m']);
    expect(directed.inboundNeighbors(A)).toEqual([]);
    expect(sorted(directed.inboundNeighbors('agreement:m'))).toEqual(['person:p', 'police-agency:a', 'police-agency:b']);
    expect(sorted(directed.neighbors(A))).toEqual(['agreement:m']);
    // the breakable listings too: until the callback says stop
    const listed: string[] = [];
    expect(directed.someInNeighbor('agreement:m', (node) => listed.push(node) === 2)).toBe(true);
    expect(listed).toEqual(directed.inboundNeighbors('agreement:m').slice(0, 2));
    expect(directed.someOutNeighbor('person:p', () => false)).toBe(false);
    const undirected = traversalView(kg, 'ANY', ['SUBORDINATE_TO'], { heap: NO_ROOM });
    expect(undirected.outboundNeighbors(A)).toEqual(['police-agency:b']);
    expect(undirected.inboundNeighbors(A)).toEqual(['police-agency:b']);
    expect(undirected.outboundNeighbors('person:p')).toEqual([]);
    // nothing was cached: with room, the copy is built
    expect(Object.getPrototypeOf(traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED']))).not.toBe(kg.graph);
  });

  it('copies only what takes at most a quarter of the heap left, leaving the rest for search and requests', () => {
    // 4 entities and 2 PARTY_TO relations, at HEAP_COST.viewItem each
    const bytes = 6 * HEAP_COST.viewItem;
    const heapLeft = (spare: number) => ({ used_heap_size: 0, heap_size_limit: spare / (1 - HEAP_RESERVE) });
    const fitsButTooMuch = build();
    expect(Object.getPrototypeOf(traversalView(fitsButTooMuch, 'OUT', ['PARTY_TO'], { heap: heapLeft(bytes * 2) }))).toBe(fitsButTooMuch.graph);
    const room = build();
    const copy = traversalView(room, 'OUT', ['PARTY_TO'], { heap: heapLeft(bytes * 4) });
    expect(Object.getPrototypeOf(copy)).not.toBe(room.graph);
    expect(copy.size).toBe(2);
    expect(traversalView(room, 'OUT', ['PARTY_TO'])).toBe(copy);
  });

  it('answers alike in place and in a copy, on a generated graph', () => {
    const dir = tempDir('view');
    generateGraph(dir, { entities: 2_000, seed: 5 });
    const { kg } = readData(dir);
    const nodes = kg.graph.nodes().filter((_, i) => i % 7 === 0);
    const neighbours = (view: ReturnType<typeof traversalView>) =>
      nodes.map((node) => [sorted(view.outboundNeighbors(node)), sorted(view.inboundNeighbors(node)), sorted(view.neighbors(node))]);
    for (const types of [['PARTY_TO', 'SIGNED'], ['HOLDS_POSITION']] as const) {
      for (const direction of ['OUT', 'ANY'] as const) {
        const copied = neighbours(traversalView(kg, direction, types));
        expect(copied.flat(2).length).toBeGreaterThan(0);
        expect(neighbours(traversalView(kg, direction, types, { heap: NO_ROOM }))).toEqual(copied);
      }
    }
    // every relation both ways: in place, as an undirected copy would answer
    const undirected = new MultiUndirectedGraph();
    kg.graph.forEachNode((id) => undirected.addNode(id));
    kg.graph.forEachEdge((id, _, from, to) => undirected.addEdgeWithKey(id, from, to));
    expect(neighbours(traversalView(kg, 'ANY'))).toEqual(neighbours(undirected));
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
