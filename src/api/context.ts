// What every resolver receives: the store, and the traversal budget of the request.

import type { Budget } from '../store/budget.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';

export interface Context {
  kg: KnowledgeGraph;
  /** shared by every traversal of one request: 10,000 entities visited and 5 s in all */
  budget: Budget;
}
