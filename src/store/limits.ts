// The bounds every traversal and list accepts, in one place.

import { InvalidArgumentError } from '../errors.js';

export const LIMITS = {
  /** neighborhood depth */
  depth: { min: 1, max: 4, default: 1 },
  /** nodes a neighborhood returns */
  nodes: { min: 1, max: 1000, default: 100 },
  /** relations on a path from `paths` */
  pathLength: { min: 1, max: 6, default: 4 },
  /** paths `paths` returns */
  paths: { min: 1, max: 100, default: 10 },
  /** page size of connections and search */
  page: { min: 0, max: 100, default: 20 },
  /** characters in a search query */
  query: { min: 1, max: 200 },
} as const;

/** Throws `operation: name N is out of range min..max` unless an integer in range. */
export function assertInRange(operation: string, name: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidArgumentError(`${operation}: ${name} ${value} is out of range ${range.min}..${range.max}`);
  }
}
