// The project's own graph/ (the two seed articles), loaded once per test file.

import { fileURLToPath } from 'node:url';
import { loadGraph } from '../src/load/load-graph.js';
import { KnowledgeGraph } from '../src/store/knowledge-graph.js';

export const GRAPH_DIR = fileURLToPath(new URL('../graph/', import.meta.url));

let cached: KnowledgeGraph | undefined;

export function seedGraph(): KnowledgeGraph {
  cached ??= KnowledgeGraph.fromData(loadGraph(GRAPH_DIR));
  return cached;
}

/** The seed graph, but every entity lookup throws an unexpected error with `message` (for masking and logging tests). */
export function brokenSeedGraph(message: string): KnowledgeGraph {
  const broken = Object.create(seedGraph()) as KnowledgeGraph;
  broken.getEntity = () => {
    throw new Error(message);
  };
  return broken;
}
