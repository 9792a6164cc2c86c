// Traversal budgets: a walk stops at its visits or its time, never hangs.

import { describe, expect, it } from 'vitest';
import { BudgetExceededError, InvalidArgumentError } from '../../src/errors.js';
import { Budget, TRAVERSAL_BUDGET } from '../../src/store/budget.js';
import { neighborhood } from '../../src/store/queries/neighborhood.js';
import { findPaths } from '../../src/store/queries/simple-paths.js';
import { entity, graphOf, relation } from '../helpers.js';
import { smallGraph } from './small-graph.js';

/** One agreement with `n` party agencies: a hub whose neighbourhood is large. */
function hub(n: number) {
  const agencies = Array.from({ length: n }, (_, i) => entity(`police-agency:a${i}`, 'PoliceAgency', `Agency ${i}`));
  return graphOf(
    [entity('agreement:hub', 'Agreement', 'Hub', { agreementType: 'MOU' }), ...agencies],
    agencies.map((a) => relation('PARTY_TO', a.id, 'agreement:hub')),
  );
}

describe('Budget', () => {
  it('allows its visits, then refuses', () => {
    const budget = new Budget({ visits: 2, milliseconds: 1000 });
    expect([budget.spend(), budget.spend(), budget.spend()]).toEqual([true, true, false]);
  });

  it('refuses once the time is spent, reading the clock every 256 steps', () => {
    const budget = new Budget({ visits: 1e9, milliseconds: -1 });
    const results = Array.from({ length: 256 }, () => budget.spend());
    expect(results.slice(0, 255).every(Boolean)).toBe(true);
    expect(results[255]).toBe(false);
  });
});

describe('traversal budgets', () => {
  it('truncate a neighborhood that visits too much', () => {
    const s = neighborhood(hub(50), 'agreement:hub', { limit: 1000, budget: new Budget({ visits: 10, milliseconds: 5000 }) });
    expect(s.truncated).toBe(true);
    expect(s.nodes.length).toBeLessThanOrEqual(10);
  });

  it('are shared by the walks of one request', () => {
    const budget = new Budget({ visits: 30, milliseconds: 5000 });
    expect(neighborhood(hub(20), 'agreement:hub', { limit: 1000, budget }).truncated).toBe(false);
    expect(neighborhood(hub(20), 'agreement:hub', { limit: 1000, budget }).truncated).toBe(true);
  });

  it('truncate a neighborhood past its deadline', () => {
    const s = neighborhood(hub(600), 'agreement:hub', { limit: 1000, budget: new Budget({ visits: 1e6, milliseconds: -1 }) });
    expect(s.truncated).toBe(true);
    expect(s.nodes.length).toBe(255);
  });

  it('serve depth 4 only with a small limit', () => {
    expect(() => neighborhood(smallGraph(), 'person:p', { depth: 4, limit: 101 })).toThrow(InvalidArgumentError);
    expect(() => neighborhood(smallGraph(), 'person:p', { depth: 4, limit: 101 })).toThrow('neighborhood: depth 4 needs a limit of at most 100 (got 101)');
    expect(neighborhood(smallGraph(), 'person:p', { depth: 4, limit: 100 }).truncated).toBe(false);
  });

  it('stop a path search that visits too much with a coded error', () => {
    const search = () => findPaths(hub(50), 'police-agency:a0', 'police-agency:a49', { budget: new Budget({ visits: 20, milliseconds: 5000 }) });
    expect(search).toThrow(BudgetExceededError);
    try {
      search();
    } catch (error) {
      expect((error as BudgetExceededError).code).toBe('BUDGET_EXCEEDED');
      expect((error as Error).message).toMatch(/^paths: the search visited 20 entities/);
    }
  });
});

describe('a large graph', () => {
  it('answers a depth-3 neighbourhood of its most connected entity within the deadline, truncated', async () => {
    // 100,000 agencies, each party to one of 1,000 agreements; every tenth also party to the hub, agreement:m0
    const n = 100_000;
    const agencies = Array.from({ length: n }, (_, i) => entity(`police-agency:a${i}`, 'PoliceAgency', `Agency ${i}`));
    const agreements = Array.from({ length: 1000 }, (_, i) => entity(`agreement:m${i}`, 'Agreement', `MoU ${i}`, { agreementType: 'MOU' }));
    const relations = agencies.flatMap((a, i) => [relation('PARTY_TO', a.id, `agreement:m${i % 1000}`), ...(i % 10 === 0 && i % 1000 !== 0 ? [relation('PARTY_TO', a.id, 'agreement:m0')] : [])]);
    const kg = graphOf([...agencies, ...agreements], relations);
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const s = neighborhood(kg, 'agreement:m0', { depth: 3, limit: 1000 });
    const elapsed = performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
    delay.disable();
    expect(s.truncated).toBe(true);
    expect(s.nodes).toHaveLength(1000);
    expect(elapsed).toBeLessThan(TRAVERSAL_BUDGET.milliseconds);
    expect(delay.max / 1e6).toBeLessThan(TRAVERSAL_BUDGET.milliseconds);
  });
});
