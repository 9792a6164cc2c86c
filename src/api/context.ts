// What every resolver receives: the store, the traversal budget of the
// request, the writer (when the server writes) and the change feed.

import type { PubSub } from 'graphql-yoga';
import type { User } from '../http/tokens.js';
import { Budget } from '../store/budget.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import type { LogRecord } from '../write/change-log.js';
import type { Writer } from '../write/writer.js';

export interface Context {
  kg: KnowledgeGraph;
  /** shared by every traversal of one request: 10,000 entities visited and 5 s in all */
  budget: Budget;
  /** null when the server serves the graph read-only */
  writer: Writer | null;
  /** every committed change, oldest first */
  history: readonly LogRecord[];
  /** each committed change, for `graphChanged` */
  pubsub: PubSub<{ graphChanged: [LogRecord] }>;
  /** who the request's bearer token names (set by the auth plugin) */
  user?: User | null;
}

/** The context a read runs again with after its compiled run failed: the rerun must not see what the first run spent. */
export const withFreshBudget = (context: Context): Context => ({ ...context, budget: new Budget() });
