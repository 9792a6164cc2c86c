import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors.js';
import { findPaths } from '../../../src/store/queries/simple-paths.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();
const all = (paths: { nodes: { id: string }[] }[]) => paths.map((p) => p.nodes.map((n) => n.id).join(' > '));

describe('findPaths', () => {
  it('lists every path without repeated entities up to maxLength, shortest first', () => {
    expect(all(findPaths(kg, 'person:p', 'police-agency:b'))).toEqual([
      'person:p > agreement:m > police-agency:b',
      'person:p > police-agency:a > agreement:m > police-agency:b',
    ]);
    expect(all(findPaths(kg, 'person:p', 'police-agency:b', { maxLength: 2 }))).toEqual(['person:p > agreement:m > police-agency:b']);
  });

  it('returns at most first paths', () => {
    expect(findPaths(kg, 'person:p', 'police-agency:b', { first: 1 })).toHaveLength(1);
  });

  it('returns no path between unconnected entities', () => {
    expect(findPaths(kg, 'person:p', 'person:q')).toEqual([]);
  });

  it('rejects maxLength and first out of range', () => {
    expect(() => findPaths(kg, 'person:p', 'person:q', { maxLength: 7 })).toThrow(InvalidArgumentError);
    expect(() => findPaths(kg, 'person:p', 'person:q', { first: 0 })).toThrow('paths: first 0 is out of range 1..100');
  });
});
