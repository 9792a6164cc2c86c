// The store refuses to build a structure that would not fit what is left of
// the heap, saying what it needs, what is left, and what to do instead.

import { describe, expect, it } from 'vitest';
import { GraphTooLargeError } from '../../src/errors.js';
import { assertHeapRoom, HEAP_RESERVE, hasHeapRoom } from '../../src/store/heap-room.js';
import { thrown } from './thrown.js';

const MB = 2 ** 20;

describe('assertHeapRoom', () => {
  it('lets through what fits beside the used heap and the reserve', () => {
    const stats = { used_heap_size: 1000 * MB, heap_size_limit: 4000 * MB };
    expect(() => assertHeapRoom('x', (4000 * (1 - HEAP_RESERVE) - 1000) * MB, 'narrow it', stats)).not.toThrow();
  });

  it('refuses what does not, naming the need, what is left, how to narrow it and the heap that would do', () => {
    const error = thrown(() => assertHeapRoom('following every relation both ways', 1400 * MB, 'narrow it with a direction', { used_heap_size: 2800 * MB, heap_size_limit: 4144 * MB }));
    expect(error).toBeInstanceOf(GraphTooLargeError);
    expect((error as GraphTooLargeError).code).toBe('GRAPH_TOO_LARGE');
    expect(error.message).toBe(
      'following every relation both ways needs about 1,400 MB of memory for this graph, and this process has 930 MB to spare; ' +
        'narrow it with a direction, or start coopgraph with NODE_OPTIONS=--max-old-space-size=4667 (README: "How big a graph one process serves")',
    );
  });

  it('says 0 MB to spare when the heap is already past its reserve', () => {
    expect(thrown(() => assertHeapRoom('x', MB, 'narrow it', { used_heap_size: 3990 * MB, heap_size_limit: 4000 * MB })).message).toMatch(/has 0 MB to spare/);
  });
});

describe('hasHeapRoom', () => {
  it('says whether a structure fits beside the used heap and the reserve', () => {
    const stats = { used_heap_size: 1000 * MB, heap_size_limit: 4000 * MB };
    const room = (4000 * (1 - HEAP_RESERVE) - 1000) * MB;
    expect(hasHeapRoom(room, stats)).toBe(true);
    expect(hasHeapRoom(room + MB, stats)).toBe(false);
    expect(hasHeapRoom(MB, { used_heap_size: 3990 * MB, heap_size_limit: 4000 * MB })).toBe(false);
  });
});
