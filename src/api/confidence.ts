// The minConfidence argument: a number in 0..1; curated facts (no confidence) always pass.

import { InvalidArgumentError } from '../errors.js';
import type { Fact } from '../ontology/index.js';

export function assertConfidence(operation: string, min: number | null | undefined): void {
  if (min != null && !(min >= 0 && min <= 1)) throw new InvalidArgumentError(`${operation}: minConfidence ${min} is out of range 0..1`);
}

/** The facts at least as sure as `min`. */
export function atLeast<T extends Fact>(operation: string, facts: readonly T[], min: number | null | undefined): readonly T[] {
  assertConfidence(operation, min);
  return min == null ? facts : facts.filter((f) => f.confidence === undefined || f.confidence >= min);
}
