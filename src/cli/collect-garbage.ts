// One full, compacting garbage collection, run by `coopgraph serve` once the
// graph is loaded and before it listens (BENCHMARKS.md, changes 21 and 28).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collects what loading left behind (at 1e5 entities, 470 of 790 MB of heap)
 * before the first request. Left for the collector to find under load, it
 * slowed every scavenge and had each request's short-lived objects promoted
 * to the old generation, which filled until a major collection marked the
 * whole graph. V8 gives no collection on demand without `--expose-gc`; the
 * flag set now reaches only contexts made after it, so the `gc` comes from one.
 *
 * The collection also compacts every fragmented page (V8 alone picks few):
 * at 1e5 the old generation goes from 424 to 231 MB of pages. Every scavenge
 * walks the list of old-generation pages, about 1 µs a page here, which at
 * 1e6 entities was most of each scavenge's 11 ms.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
