import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

  it('gives back the pages that dropping three objects in four leaves sparse (compaction)', () => {
    // in a process of its own, so that the heap holds only what the check makes
    const module = fileURLToPath(new URL('../../src/cli/collect-garbage.ts', import.meta.url));
    const script = `
      import { getHeapSpaceStatistics } from 'node:v8';
      const { collectGarbage } = await import(${JSON.stringify(module)});
      const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
      const kept = [];
      for (let i = 0; i < 400_000; i++) kept.push({ i, s: 'value ' + i });
      collectGarbage(); // now in the old generation, page after page
      for (let i = 0; i < kept.length; i++) if (i % 4) kept[i] = null;
      const before = oldSpace().space_size;
      collectGarbage();
      const after = oldSpace();
      console.log(JSON.stringify({ before, size: after.space_size, used: after.space_used_size, kept: kept.filter(Boolean).length }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { before: number; size: number; used: number; kept: number };
    expect(out.kept).toBe(100_000);
    // without compaction the sparse pages stay: size stays near before, a quarter of it used
    expect(out.size).toBeLessThan(out.before * 0.6);
    expect(out.size - out.used).toBeLessThan(out.size * 0.25);
  });
});
