// What several commands need: the graph, and the operation limits from the environment.

import { limitsFromEnv, type OperationLimits } from '../api/limits.js';
import { loadGraph } from '../load/load-graph.js';
import { KnowledgeGraph } from '../store/knowledge-graph.js';
import { graphDir, UsageError, type ParsedArgs } from './usage.js';

export function loadStore(args: ParsedArgs): KnowledgeGraph {
  return KnowledgeGraph.fromData(loadGraph(graphDir(args)));
}

/** The operation limits, with those set in the environment; a bad value is a usage error. */
export function envLimits(): OperationLimits {
  try {
    return limitsFromEnv();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
