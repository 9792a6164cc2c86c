// What every resolver receives: the store, and nothing else.

import type { KnowledgeGraph } from '../store/knowledge-graph.js';

export interface Context {
  kg: KnowledgeGraph;
}
