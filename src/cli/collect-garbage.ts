// One full garbage collection, run by `coopgraph serve` once the graph is
// loaded and before it listens (BENCHMARKS.md, change 21).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collects what loading left behind (at 1e5 entities, 470 of 790 MB of heap)
 * before the first request. Left for the collector to find under load, it
 * slowed every scavenge and had each request's short-lived objects promoted
 * to the old generation, which filled until a major collection marked the
 * whole graph. V8 gives no collection on demand without `--expose-gc`; the
 * flag set now reaches only contexts made after it, so the `gc` comes from one.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
