// internStrings shares string copies and changes nothing else. (Whether two
// equal strings are one copy cannot be seen from JavaScript: the heap it saves
// is measured by the benchmark's B6, "files to served graph".)

import { describe, expect, it } from 'vitest';
import { internStrings } from '../../src/load/intern-strings.js';
import { loadGraph } from '../../src/load/load-graph.js';
import { GRAPH_DIR } from '../seed-graph.js';

describe('internStrings', () => {
  it('leaves the loaded seed graph equal to a copy of it, in place', () => {
    const data = loadGraph(GRAPH_DIR);
    const copy = structuredClone(data);
    expect(internStrings(data)).toBe(data);
    expect(data).toEqual(copy);
  });

  it('walks nested objects and arrays and leaves numbers, booleans and nulls alone', () => {
    const value = { a: ['x', 'x', { b: 'x', n: 1, t: true, z: null }], c: [[['x']]], u: undefined };
    expect(internStrings(value)).toEqual({ a: ['x', 'x', { b: 'x', n: 1, t: true, z: null }], c: [[['x']]], u: undefined });
  });
});
