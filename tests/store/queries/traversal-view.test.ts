// traversalView(): the graph as graphology's algorithms walk it, and
// relationBetween(): the relation a path uses between two entities.

import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { relationBetween, traversalView } from '../../../src/store/queries/traversal-view.js';
import { entity, graphOf, relation } from '../../helpers.js';

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
  it('is the store graph itself for OUT or IN without types', () => {
    const kg = build();
    expect(traversalView(kg, 'OUT')).toBe(kg.graph);
    expect(traversalView(kg, 'IN')).toBe(kg.graph);
    expect(traversalView(kg, 'OUT', [])).toBe(kg.graph);
  });

  it('for ANY is an undirected graph of every entity and relation, built once', () => {
    const kg = build();
    const view = traversalView(kg, 'ANY');
    expect(view).not.toBe(kg.graph);
    expect(view).toBeInstanceOf(MultiUndirectedGraph);
    expect(view.type).toBe('undirected');
    expect(view.order).toBe(4);
    expect(view.size).toBe(5);
    expect(view.edges().sort()).toEqual(kg.relations().map((r) => r.id));
    expect(traversalView(kg, 'ANY')).toBe(view);
    expect(traversalView(kg, 'ANY', [])).toBe(view);
  });

  it('with types is a directed graph of every entity and those relations only, keyed by relation id', () => {
    const kg = build();
    const view = traversalView(kg, 'OUT', ['PARTY_TO']);
    expect(view).not.toBe(kg.graph);
    expect(view).toBeInstanceOf(MultiDirectedGraph);
    expect(view.order).toBe(4);
    expect(view.edges().sort()).toEqual(['PARTY_TO:police-agency:a->agreement:m', 'PARTY_TO:police-agency:b->agreement:m']);
    expect(view.source('PARTY_TO:police-agency:a->agreement:m')).toBe('police-agency:a');
    expect(view.target('PARTY_TO:police-agency:a->agreement:m')).toBe('agreement:m');
  });

  it('is cached: the same object on a second call, for OUT and IN alike, whatever the order of the types', () => {
    const kg = build();
    const view = traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED']);
    expect(traversalView(kg, 'OUT', ['PARTY_TO', 'SIGNED'])).toBe(view);
    expect(traversalView(kg, 'IN', ['PARTY_TO', 'SIGNED'])).toBe(view);
    expect(traversalView(kg, 'OUT', ['SIGNED', 'PARTY_TO'])).toBe(view);
    expect(traversalView(kg, 'OUT', ['SIGNED', 'PARTY_TO', 'SIGNED'])).toBe(view);
    expect(view.size).toBe(3);
  });

  it('keeps one view per direction and set of types', () => {
    const kg = build();
    const directed = traversalView(kg, 'OUT', ['PARTY_TO']);
    const undirected = traversalView(kg, 'ANY', ['PARTY_TO']);
    const other = traversalView(kg, 'OUT', ['SIGNED']);
    expect(undirected).not.toBe(directed);
    expect(undirected.type).toBe('undirected');
    expect(undirected.size).toBe(2);
    expect(other).not.toBe(directed);
    expect(other.edges()).toEqual(['SIGNED:person:p->agreement:m']);
    expect(traversalView(kg, 'ANY')).not.toBe(undirected);
  });

  it('keeps views per graph', () => {
    const one = build();
    const two = build();
    expect(traversalView(one, 'ANY')).not.toBe(traversalView(two, 'ANY'));
    expect(traversalView(one, 'OUT', ['PARTY_TO'])).not.toBe(traversalView(two, 'OUT', ['PARTY_TO']));
  });

  it('rebuilds its views once the graph changes revision', () => {
    const kg = build();
    const before = traversalView(kg, 'ANY');
    kg.revision++;
    const after = traversalView(kg, 'ANY');
    expect(after).not.toBe(before);
    expect(traversalView(kg, 'ANY')).toBe(after);
  });

  it('leaves the store graph untouched', () => {
    const kg = build();
    traversalView(kg, 'ANY');
    traversalView(kg, 'OUT', ['SIGNED']);
    expect(kg.graph.size).toBe(5);
    expect(kg.graph.order).toBe(4);
  });
});

describe('relationBetween', () => {
  const kg = build();
  const A = 'police-agency:a';
  const B = 'police-agency:b';
  const between = (a: string, b: string, direction: 'OUT' | 'IN' | 'ANY', types?: Parameters<typeof traversalView>[2]) =>
    relationBetween(traversalView(kg, direction, types), a, b, direction);

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
