// What several commands need: the graph (facts and change log), and the
// operation limits from the environment.

import { limitsFromEnv, type OperationLimits } from '../api/limits.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import { readData } from '../write/open-data.js';
import { graphDir, UsageError, type Io, type ParsedArgs } from './usage.js';

/** The graph of the folder the arguments name; what was dropped on the way is said on stderr. */
export function loadStore(args: ParsedArgs, io: Io): KnowledgeGraph {
  const { kg, warnings } = readData(graphDir(args));
  for (const warning of warnings) io.stderr(`coopgraph: warning: ${warning}\n`);
  return kg;
}

/** The operation limits, with those set in the environment; a bad value is a usage error. */
export function envLimits(): OperationLimits {
  try {
    return limitsFromEnv();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
