// How much of the graph one traversal may visit, and for how long. A loop in
// the store cannot be interrupted from outside, so it asks the budget at every
// step: past 10,000 entities visited or 5 seconds, it stops.

export interface BudgetLimits {
  visits: number;
  milliseconds: number;
}

export const TRAVERSAL_BUDGET: BudgetLimits = { visits: 10_000, milliseconds: 5_000 };

export class Budget {
  private visits = 0;
  private readonly deadline: number;

  constructor(readonly limits: BudgetLimits = TRAVERSAL_BUDGET) {
    this.deadline = Date.now() + limits.milliseconds;
  }

  /** Counts one step; false once the visits or the time are spent (the clock is read every 256 steps). */
  spend(): boolean {
    this.visits++;
    if (this.visits > this.limits.visits) return false;
    return (this.visits & 255) !== 0 || Date.now() <= this.deadline;
  }

  get spent(): number {
    return this.visits;
  }
}
