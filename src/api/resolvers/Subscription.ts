// The change feed, pushed: each committed change as it happens (SSE).

import type { LogRecord } from '../../write/change-log.js';
import type { Context } from '../context.js';

export const Subscription = {
  graphChanged: {
    subscribe: (_: unknown, __: unknown, { pubsub }: Context) => pubsub.subscribe('graphChanged'),
    resolve: (record: LogRecord) => record,
  },
};
