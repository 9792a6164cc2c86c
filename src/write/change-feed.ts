// Reading the change feed: the committed changes after a revision, a page at a time.

import { InvalidArgumentError } from '../errors.js';
import type { LogRecord } from './change-log.js';

export const FEED_PAGE = { default: 100, max: 1000 };

export interface ChangePage {
  changes: LogRecord[];
  /** the latest revision */
  revision: number;
  hasMore: boolean;
}

/** Changes after revision `since`, oldest first, at most `first`. */
export function changesSince(history: readonly LogRecord[], since: number, first = FEED_PAGE.default): ChangePage {
  const revision = history.at(-1)?.revision ?? 0;
  if (!Number.isInteger(since) || since < 0) throw new InvalidArgumentError(`changes: since ${since} is not a revision (0 or more)`);
  if (since > revision) throw new InvalidArgumentError(`changes: since ${since} is past the latest revision, ${revision}`);
  if (!Number.isInteger(first) || first < 1 || first > FEED_PAGE.max) {
    throw new InvalidArgumentError(`changes: first ${first} is out of range 1..${FEED_PAGE.max}`);
  }
  // revisions are 1, 2, 3, ... in order: the change after `since` is at index `since`
  const changes = history.slice(since, since + first);
  return { changes, revision, hasMore: since + changes.length < revision };
}
