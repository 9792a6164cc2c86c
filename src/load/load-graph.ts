// graph/ folder → validated GraphData. Reads every facts file (YAML or JSON)
// and its article text, then hands them to checkFacts; every problem found is
// thrown at once as an InvalidGraphDataError.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { InvalidGraphDataError, type DataProblem } from '../errors.js';
import type { GraphData } from '../ontology/index.js';
import { checkFacts, type ParsedFile } from './check-facts.js';
import { parseFactsFile } from './file-schema.js';

const FACTS_FILE = /\.(ya?ml|json)$/;

/** Loads and validates the graph in `dir` (with `facts/` and `sources/` inside). */
export function loadGraph(dir: string): GraphData {
  const problems: DataProblem[] = [];
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const factsDir = join(dir, 'facts');
  if (!existsSync(factsDir) || !statSync(factsDir).isDirectory()) {
    throw new InvalidGraphDataError([{ file: shown(dir), path: '', message: 'no facts/ folder here: is this a coopgraph graph folder?' }]);
  }

  const parsed: ParsedFile[] = [];
  for (const name of readdirSync(factsDir).filter((n) => FACTS_FILE.test(n)).sort()) {
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
    parsed.push({ file, data, text: readFileSync(source, 'utf8') });
  }

  const checked = checkFacts(parsed);
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length || !checked.ok) throw new InvalidGraphDataError(problems);
  return checked.data;
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
