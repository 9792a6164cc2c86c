// Every way two entities are connected, up to a length
// (graphology-simple-path).

import { allSimplePaths } from 'graphology-simple-path';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertInRange, LIMITS } from '../limits.js';
import { toPath, type Path, type PathOptions } from './shortest-path.js';
import { traversalView } from './traversal-view.js';

export interface SimplePathsOptions extends PathOptions {
  /** most relations on a path */
  maxLength?: number;
  /** most paths returned, shortest first */
  first?: number;
}

/** Paths without repeated entities from `from` to `to`, shortest first, then by ids. */
export function findPaths(kg: KnowledgeGraph, from: string, to: string, options: SimplePathsOptions = {}): Path[] {
  const { direction = 'ANY', types, maxLength = LIMITS.pathLength.default, first = LIMITS.paths.default } = options;
  kg.getEntity(from, 'paths');
  kg.getEntity(to, 'paths');
  assertInRange('paths', 'maxLength', maxLength, LIMITS.pathLength);
  assertInRange('paths', 'first', first, LIMITS.paths);
  if (from === to) return [toPath(kg, [from], direction, types)];
  const view = traversalView(kg, direction, types);
  const found =
    direction === 'IN'
      ? allSimplePaths(view, to, from, { maxDepth: maxLength }).map((p) => p.reverse())
      : allSimplePaths(view, from, to, { maxDepth: maxLength });
  found.sort((a, b) => a.length - b.length || a.join('\u0000').localeCompare(b.join('\u0000')));
  return found.slice(0, first).map((ids) => toPath(kg, ids, direction, types));
}
