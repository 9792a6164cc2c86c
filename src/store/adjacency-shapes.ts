// Graphology's per-node adjacency objects, given a hidden class of their own (BENCHMARKS.md, change 26).
//
// Graphology keeps each node's neighbours in plain objects keyed by neighbour
// id (`nodeData.out[target] = edgeData`), each made as `{}`. In V8 every `{}`
// starts from one shared hidden class, and the first key added to each makes a
// transition from it: a million nodes hang about a million transitions on the
// hidden class every object literal of the server starts from. With that
// table in place, each request's objects outlived young collections and were
// promoted (3 KB a request instead of 0.1), so under load the old generation
// filled and a major collection of the whole graph came within a minute.
// Made by `Object.create` from a prototype of their own, the adjacency objects
// start from that prototype's hidden class, and their transitions hang there.

import type { AbstractGraph } from 'graphology-types';

/** The graphology internal this reaches: the class it makes each node's data with (a writable private property). */
interface NodeDataInternals {
  NodeDataClass: new (key: string, attributes: unknown) => AdjacencyHolder;
}
interface AdjacencyHolder {
  clear(): void;
  in?: object;
  out?: object;
  undirected?: object;
}

/** The adjacency objects' prototype: empty, its own prototype Object.prototype, so they keep `hasOwnProperty` and `in`. */
const ADJACENCY_PROTOTYPE: object = Object.create(Object.prototype) as object;

/** An empty object whose hidden class is not the one `{}` starts from. */
function adjacencyObject(): Record<string, unknown> {
  return Object.create(ADJACENCY_PROTOTYPE) as Record<string, unknown>;
}

/**
 * Makes every node the graph adds from now on keep its adjacency in objects
 * from `adjacencyObject` (graphology makes them in `clear`, when a node is
 * created and when edges are cleared). Call it on an empty graph. Returns
 * whether the graph exposed the internal it needs: a graphology that no
 * longer does is left as it is, which changes speed, not answers.
 */
export function separateAdjacencyShapes(graph: AbstractGraph): boolean {
  const internals = graph as unknown as Partial<NodeDataInternals>;
  const Base = internals.NodeDataClass;
  if (typeof Base !== 'function' || typeof Base.prototype?.clear !== 'function') return false;
  internals.NodeDataClass = class extends Base {
    override clear(): void {
      super.clear();
      if (this.in) this.in = adjacencyObject();
      if (this.out) this.out = adjacencyObject();
      if (this.undirected) this.undirected = adjacencyObject();
    }
  };
  return true;
}
