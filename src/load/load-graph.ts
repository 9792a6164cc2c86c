// graph/ folder → validated GraphData. Reads each facts file (YAML or JSON)
// and its article text and hands them to a FactsChecker, one file at a time,
// so a file's parse is garbage before the next is read; every problem found
// is thrown at once as an InvalidGraphDataError.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseDocument } from 'yaml';
import { GraphTooLargeError, InvalidGraphDataError, type DataProblem } from '../errors.js';
import type { GraphData } from '../ontology/index.js';
import { FactsChecker } from './check-facts.js';
import { parseFactsFile } from './file-schema.js';
import { SharedValues } from './shared-values.js';

const FACTS_FILE = /\.(ya?ml|json)$/;

/** Loads and validates the graph in `dir` (with `facts/` and `sources/` inside). */
export function loadGraph(dir: string): GraphData {
  const problems: DataProblem[] = [];
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const factsDir = join(dir, 'facts');
  if (!existsSync(factsDir) || !statSync(factsDir).isDirectory()) {
    throw new InvalidGraphDataError([{ file: shown(dir), path: '', message: 'no facts/ folder here: is this a coopgraph graph folder?' }]);
  }

  const names = readdirSync(factsDir).filter((n) => FACTS_FILE.test(n)).sort();
  assertFitsHeap(dir, names.reduce((bytes, name) => bytes + statSync(join(factsDir, name)).size, 0));
  const shared = new SharedValues();
  const checker = new FactsChecker(shared);
  for (const name of names) {
    const file = shown(join(factsDir, name));
    const problem = (path: string, message: string) => problems.push({ file, path, message });
    const raw = parseFile(readFileSync(join(factsDir, name), 'utf8'), name.endsWith('.json'), problem);
    if (raw === undefined) continue;
    const { file: data, problems: found } = parseFactsFile(raw);
    for (const { path, message } of found) problem(path, message);
    if (!data) continue;
    const source = join(dir, data.article.source);
    if (!existsSync(source)) {
      problem('article.source', `the article text ${shown(source)} does not exist`);
      continue;
    }
    checker.add({ file, data: shared.strings(data), text: readFileSync(source, 'utf8') });
  }

  const checked = checker.finish();
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length || !checked.ok) throw new InvalidGraphDataError(problems);
  return checked.data;
}

/**
 * Loading takes at most about this many bytes of heap per byte of facts files
 * (measured, BENCHMARKS.md: 163 MB of facts, 1e5 entities, load in a 300 MB
 * heap; 1.65 GB of facts, 1e6 entities, in a 3,300 MB heap).
 */
export const HEAP_PER_FACTS_BYTE = 2.2;

/** Refuses, before reading, a graph whose load would not fit this process's heap. */
export function assertFitsHeap(dir: string, factsBytes: number, limit = getHeapStatistics().heap_size_limit): void {
  const needed = factsBytes * HEAP_PER_FACTS_BYTE;
  if (needed <= limit) return;
  const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
  const mb = Math.ceil((needed * 1.2) / 2 ** 20);
  throw new GraphTooLargeError(
    `${dir} holds ${gb(factsBytes)} of facts, which need about ${gb(needed)} of memory to load; this process may use ${gb(limit)}. ` +
      `Start it with NODE_OPTIONS=--max-old-space-size=${mb}, or split the graph (README: "How big a graph one process serves").`,
  );
}

function parseFile(text: string, isJson: boolean, problem: (path: string, message: string) => void): unknown {
  if (isJson) {
    try {
      return JSON.parse(text);
    } catch (error) {
      problem('', `not valid JSON: ${(error as Error).message}`);
      return undefined;
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const at = error.linePos?.[0];
      problem(at ? `line ${at.line}, column ${at.col}` : '', `not valid YAML: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  return doc.toJS();
}
