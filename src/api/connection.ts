// GitHub-style connections over lists sorted by id. A cursor is the id of the
// entry it follows, so paging stays correct when entries come and go.

import { InvalidArgumentError } from '../errors.js';
import { assertInRange, LIMITS } from '../store/limits.js';

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function decode(operation: string, cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || encode(id) !== cursor) {
    throw new InvalidArgumentError(`${operation}: "${cursor}" is not a cursor from this API`);
  }
  return id;
}

/** One page of `items` (sorted by id) after the `after` cursor. */
export function toConnection<T extends { id: string }>(operation: string, items: readonly T[], args: PageArgs): Connection<T> {
  const first = args.first ?? LIMITS.page.default;
  assertInRange(operation, 'first', first, LIMITS.page);
  let start = 0;
  if (args.after != null) {
    const after = decode(operation, args.after);
    // first entry whose id sorts after the cursor's (binary search)
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid]!.id <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const nodes = items.slice(start, start + first);
  const edges = nodes.map((node) => ({ cursor: encode(node.id), node }));
  return {
    totalCount: items.length,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
