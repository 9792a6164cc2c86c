// Every way two entities are connected, up to a length. A depth-first search
// of our own: graphology-simple-path enumerates every path before returning,
// with no way to stop it, and paths multiply fast on a connected graph.

import type { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import { BudgetExceededError } from '../../errors.js';
import { Budget } from '../budget.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertInRange, LIMITS } from '../limits.js';
import { toPath, type Path, type PathOptions } from './shortest-path.js';
import { traversalView } from './traversal-view.js';

export interface SimplePathsOptions extends PathOptions {
  /** most relations on a path */
  maxLength?: number;
  /** most paths returned, shortest first */
  first?: number;
  /** what the search may spend; pass one budget to every walk of a request to bound them together (default: a fresh TRAVERSAL_BUDGET) */
  budget?: Budget;
}

/** Paths without repeated entities from `from` to `to`, shortest first, then by ids. */
export function findPaths(kg: KnowledgeGraph, from: string, to: string, options: SimplePathsOptions = {}): Path[] {
  const { direction = 'ANY', types, maxLength = LIMITS.pathLength.default, first = LIMITS.paths.default } = options;
  // a merged id is read as the entity it was merged into
  from = kg.getEntity(from, 'paths').id;
  to = kg.getEntity(to, 'paths').id;
  assertInRange('paths', 'maxLength', maxLength, LIMITS.pathLength);
  assertInRange('paths', 'first', first, LIMITS.paths);
  if (from === to) return [toPath(kg, [from], direction, types)];
  const view = traversalView(kg, direction, types);
  const budget = options.budget ?? new Budget();
  const found =
    direction === 'IN'
      ? simplePaths(view, to, from, maxLength, budget).map((p) => p.reverse())
      : simplePaths(view, from, to, maxLength, budget);
  found.sort((a, b) => a.length - b.length || a.join('\u0000').localeCompare(b.join('\u0000')));
  return found.slice(0, first).map((ids) => toPath(kg, ids, direction, types));
}

/** Node paths from source to target of at most maxLength relations, no entity twice. */
function simplePaths(view: MultiDirectedGraph | MultiUndirectedGraph, source: string, target: string, maxLength: number, budget: Budget): string[][] {
  const paths: string[][] = [];
  const path = [source];
  const onPath = new Set(path);
  const next = [view.outboundNeighbors(source)[Symbol.iterator]()];
  while (next.length) {
    const step = next.at(-1)!.next();
    if (step.done) {
      next.pop();
      onPath.delete(path.pop()!);
      continue;
    }
    if (!budget.spend()) {
      throw new BudgetExceededError(
        `paths: the search visited ${budget.limits.visits} entities or ran ${budget.limits.milliseconds} ms without finishing; narrow it with types, direction or a shorter maxLength`,
      );
    }
    const node = step.value;
    if (onPath.has(node)) continue;
    if (node === target) paths.push([...path, node]);
    else if (path.length < maxLength) {
      path.push(node);
      onPath.add(node);
      next.push(view.outboundNeighbors(node)[Symbol.iterator]());
    }
  }
  return paths;
}
