// Loading the graph for a command.

import { loadGraph } from '../load/load-graph.js';
import { KnowledgeGraph } from '../store/knowledge-graph.js';
import { graphDir, type ParsedArgs } from './usage.js';

export function loadStore(args: ParsedArgs): KnowledgeGraph {
  return KnowledgeGraph.fromData(loadGraph(graphDir(args)));
}
