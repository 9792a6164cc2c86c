// Every entity's relations as typed arrays (compressed sparse rows), for the
// walks. graphology's graph stays the store; this is built from it on the
// first walk and kept beside it. Walking every relation both ways in
// graphology reads two adjacency objects per entity, and one attribute
// object per relation to learn its type; here an entity's relations are a
// run of integers and their types a run of bytes (BENCHMARKS.md, change 25).
//
// Writes do not rebuild it: it hears of each changed relation from the
// graph's events, and reads the entities at either end from the graph until
// so many have changed that building it again pays.

import { RELATION_TYPE_NAMES, type RelationType } from '../ontology/index.js';
import { HEAP_COST, hasHeapRoom, type HeapStats } from './heap-room.js';
import type { KnowledgeGraph } from './knowledge-graph.js';

type StoreGraph = KnowledgeGraph['graph'];
export type Side = 'out' | 'in';

/** Relation types as the bytes the arrays hold them by. */
const TYPE_CODES = new Map<string, number>(RELATION_TYPE_NAMES.map((type, code) => [type, code]));

/** Which relation types a walk follows: a byte per type, or null for all. */
export type TypeMask = Uint8Array | null;

export function typeMask(types: Iterable<RelationType>): Uint8Array {
  const mask = new Uint8Array(RELATION_TYPE_NAMES.length);
  for (const type of types) mask[TYPE_CODES.get(type)!] = 1;
  return mask;
}

/** Past this share of the entities changed since the build, the next walk builds it again. */
const REBUILD_SHARE = 0.1;

/**
 * One side's relations: entity i's are slots `start[i]` to `start[i + 1] - 1`,
 * each the position of the entity at the other end and the relation's type,
 * in the order graphology lists them (a neighbour's relations together).
 */
interface Rows {
  start: Int32Array;
  other: Int32Array;
  type: Uint8Array;
}

export class Adjacency {
  /** entity ids by position */
  private readonly ids: string[] = [];
  private readonly positions = new Map<string, number>();
  private readonly rows: Record<Side, Rows> | null = null;
  /** entities with a relation set or removed since the build: read from the graph */
  private readonly changed = new Set<string>();
  private readonly stopListening: () => void = () => {};

  /** Without `build`, every entity is read from the graph (for a heap with no room for the arrays). */
  constructor(
    private readonly graph: StoreGraph,
    build = true,
  ) {
    if (!build) return;
    graph.forEachNode((id) => {
      this.positions.set(id, this.ids.length);
      this.ids.push(id);
    });
    this.rows = { out: this.side('out'), in: this.side('in') };
    const touched = ({ source, target }: { source: string; target: string }) => {
      this.changed.add(source);
      this.changed.add(target);
    };
    const retyped = ({ key }: { key: string }) => touched({ source: graph.source(key), target: graph.target(key) });
    const cleared = () => graph.forEachNode((id) => this.changed.add(id));
    graph.on('edgeAdded', touched);
    graph.on('edgeDropped', touched);
    graph.on('edgeAttributesUpdated', retyped);
    graph.on('cleared', cleared);
    graph.on('edgesCleared', cleared);
    this.stopListening = () => {
      graph.off('edgeAdded', touched);
      graph.off('edgeDropped', touched);
      graph.off('edgeAttributesUpdated', retyped);
      graph.off('cleared', cleared);
      graph.off('edgesCleared', cleared);
    };
  }

  /** Whether so many entities changed since the build that building it again pays. */
  get stale(): boolean {
    return this.changed.size > this.ids.length * REBUILD_SHARE;
  }

  /** Bytes it holds outside the JavaScript heap (its typed arrays). */
  get externalBytes(): number {
    if (!this.rows) return 0;
    return Object.values(this.rows).reduce((n, rows) => n + rows.start.byteLength + rows.other.byteLength + rows.type.byteLength, 0);
  }

  /** Stops hearing of the graph's changes (once another adjacency replaces it). */
  dispose(): void {
    this.stopListening();
  }

  /**
   * The entities `node` relates to on one side (`out`: as the relation's
   * source), along relations of the mask's types: each once, in
   * graphology's order.
   */
  neighbours(side: Side, node: string, mask: TypeMask): string[] {
    const found: string[] = [];
    this.some(side, node, mask, (neighbour) => {
      found.push(neighbour);
      return false;
    });
    return found;
  }

  /** Calls `visit` with each of `neighbours` until it returns true; whether one did. */
  some(side: Side, node: string, mask: TypeMask, visit: (neighbour: string) => boolean): boolean {
    const at = this.positions.get(node);
    if (!this.rows || at === undefined || this.changed.has(node)) return this.someInGraph(side, node, mask, visit);
    const { start, other, type } = this.rows[side];
    let last = -1;
    for (let slot = start[at]!, end = start[at + 1]!; slot < end; slot++) {
      const neighbour = other[slot]!;
      // a neighbour's relations are consecutive: listed once
      if (neighbour === last || (mask && !mask[type[slot]!])) continue;
      last = neighbour;
      if (visit(this.ids[neighbour]!)) return true;
    }
    return false;
  }

  /** `some`, read from the graph itself. */
  private someInGraph(side: Side, node: string, mask: TypeMask, visit: (neighbour: string) => boolean): boolean {
    let last: string | undefined;
    const step = (neighbour: string, type: string) => {
      if (neighbour === last || (mask && !mask[TYPE_CODES.get(type)!])) return false;
      last = neighbour;
      return visit(neighbour);
    };
    if (side === 'out') return this.graph.someOutEdge(node, (_, relation, __, target) => step(target, relation.type));
    return this.graph.someInEdge(node, (_, relation, source) => step(source, relation.type));
  }

  private side(side: Side): Rows {
    const { graph, ids, positions } = this;
    const count = ids.length;
    const start = new Int32Array(count + 1);
    for (let at = 0; at < count; at++) start[at + 1] = start[at]! + (side === 'out' ? graph.outDegree(ids[at]!) : graph.inDegree(ids[at]!));
    const other = new Int32Array(start[count]!);
    const type = new Uint8Array(start[count]!);
    let slot = 0;
    const put = (end: string, relationType: string) => {
      other[slot] = positions.get(end)!;
      type[slot++] = TYPE_CODES.get(relationType)!;
    };
    for (const id of ids) {
      if (side === 'out') graph.forEachOutEdge(id, (_, relation, __, target) => put(target, relation.type));
      else graph.forEachInEdge(id, (_, relation, source) => put(source, relation.type));
    }
    return { start, other, type };
  }
}

const built = new WeakMap<KnowledgeGraph, Adjacency>();

/**
 * The graph's adjacency, built on the first walk, and again once it is
 * stale. Where its ids and positions would not fit the heap left, every
 * entity is read from the graph instead.
 */
export function adjacencyOf(kg: KnowledgeGraph, heap?: HeapStats): Adjacency {
  let adjacency = built.get(kg);
  if (adjacency && !adjacency.stale) return adjacency;
  adjacency?.dispose();
  built.delete(kg);
  // not kept: the next walk looks for room again
  if (!hasHeapRoom(kg.entityCount * HEAP_COST.adjacencyEntity, heap)) return new Adjacency(kg.graph, false);
  adjacency = new Adjacency(kg.graph);
  built.set(kg, adjacency);
  return adjacency;
}
