// Random corruptions of a valid facts file: the loader either loads it or
// reports problems as an InvalidGraphDataError, never anything else.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidGraphDataError } from '../../src/errors.js';
import { loadGraph } from '../../src/load/load-graph.js';
import { GRAPH_DIR } from '../seed-graph.js';
import { tempDir } from '../temp-dir.js';

const FILE = '001_5bf859b125cfd1d9.yaml';
const original = readFileSync(join(GRAPH_DIR, 'facts', FILE), 'utf8');
const dir = tempDir('fuzz');
cpSync(GRAPH_DIR, dir, { recursive: true });

type Edit = (text: string) => string;
const at = (text: string, f: number) => Math.floor(f * text.length);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 })).map(([f, n]) => (t: string) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 20 })).map(([f, s]) => (t: string) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (t: string) => t.slice(0, at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([f, bit]) => (t: string) => {
    const i = at(t, f);
    return t.slice(0, i) + String.fromCharCode((t.charCodeAt(i) || 32) ^ (1 << (bit % 7))) + t.slice(i + 1);
  }),
);

describe('fuzzing the loader', () => {
  it('loads a corrupted file or reports its problems, never crashing', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        writeFileSync(join(dir, 'facts', FILE), edits.reduce((text, apply) => apply(text), original));
        try {
          loadGraph(dir);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidGraphDataError);
          for (const problem of (error as InvalidGraphDataError).problems) expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});
