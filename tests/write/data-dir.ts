// A copy of the project's graph/ in a temporary folder, to write into.

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { GRAPH_DIR } from '../seed-graph.js';
import { tempDir } from '../temp-dir.js';

/** A fresh copy of graph/ (facts and sources, no change log), removed after the test file. */
export function copyOfGraph(): string {
  const dir = tempDir('data');
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
