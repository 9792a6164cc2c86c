// A copy of the project's graph/ in a temporary folder, to write into.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { GRAPH_DIR } from '../seed-graph.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of graph/ (facts and sources, no change log), removed after the test file. */
export function copyOfGraph(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coopgraph-data-'));
  made.push(dir);
  cpSync(join(GRAPH_DIR, 'facts'), join(dir, 'facts'), { recursive: true });
  cpSync(join(GRAPH_DIR, 'sources'), join(dir, 'sources'), { recursive: true });
  return dir;
}

/** Everything a reader can see of a graph, as JSON. */
export function snapshot(kg: KnowledgeGraph): string {
  return JSON.stringify({
    entities: kg.entities(),
    relations: kg.relations(),
    conflicts: kg.conflicts(),
    redirects: [...kg.allRedirects()].sort(),
  });
}
