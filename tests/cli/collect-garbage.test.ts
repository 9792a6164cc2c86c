import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what is no longer reachable, without --expose-gc', () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    let garbage: { i: number; s: string }[] | null = Array.from({ length: 500_000 }, (_, i) => ({ i, s: `value ${i}` }));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(500_000);
    garbage = null;
    collectGarbage();
    // 500,000 objects and strings take at least 20 MB
    expect(held - process.memoryUsage().heapUsed).toBeGreaterThan(20e6);
  });
});
