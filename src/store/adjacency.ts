// Every entity's relations as typed arrays (compressed sparse rows), for the
// walks. graphology's graph stays the store; this is built from it on the
// first walk (by `coopgraph serve` before it listens) and kept beside it.
// Walking every relation both ways in graphology reads two adjacency objects
// per entity, and one attribute object per relation to learn its type; here
// an entity's relations are a run of integers and their types a run of bytes
// (BENCHMARKS.md, change 25).
//
// Writes do not rebuild it: it hears of each changed relation from the
// graph's events, and reads the entities at either end from the graph until
// so many have changed that building it again pays.

import type { GraphEvents } from 'graphology-types';
import { RELATION_TYPE_NAMES, type EntityRecord, type RelationRecord, type RelationType } from '../ontology/index.js';
import { HEAP_COST, hasHeapRoom, type HeapStats } from './heap-room.js';
import type { KnowledgeGraph } from './knowledge-graph.js';

type StoreGraph = KnowledgeGraph['graph'];
type Events = GraphEvents<EntityRecord, RelationRecord>;
export type Side = 'out' | 'in';

/** Relation types as the bytes the arrays hold them by. */
const TYPE_CODES = new Map<string, number>(RELATION_TYPE_NAMES.map((type, code) => [type, code]));

/** Which relation types a walk follows: a byte per type, or null for all. */
export type TypeMask = Uint8Array | null;

/** The mask following relations of `types`. */
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
    this.rows = this.build();
    const touched = ({ source, target }: { source: string; target: string }) => {
      this.changed.add(source);
      this.changed.add(target);
    };
    const retyped = ({ key }: { key: string }) => touched({ source: graph.source(key), target: graph.target(key) });
    // every relation may have changed
    const all = () => graph.forEachNode((id) => this.changed.add(id));
    const listen = <Event extends keyof Events>(event: Event, listener: Events[Event]) => {
      graph.on(event, listener);
      return () => graph.off(event, listener);
    };
    const stops = [
      listen('edgeAdded', touched),
      listen('edgeDropped', touched),
      listen('edgeAttributesUpdated', retyped),
      listen('eachEdgeAttributesUpdated', all),
      listen('cleared', all),
      listen('edgesCleared', all),
    ];
    this.stopListening = () => stops.forEach((stop) => stop());
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

  /**
   * Both sides' rows from one pass over the relations (graphology's
   * per-entity listing goes through an object of neighbours per entity and
   * side, three times slower). A side's relations to one neighbour are then
   * brought together where the pass left them apart.
   */
  private build(): Record<Side, Rows> {
    const { graph, ids, positions } = this;
    const out = emptyRows(ids.map((id) => graph.outDegree(id)));
    const into = emptyRows(ids.map((id) => graph.inDegree(id)));
    const outNext = out.start.slice(0, -1);
    const inNext = into.start.slice(0, -1);
    graph.forEachEdge((_, relation, source, target) => {
      const from = positions.get(source)!;
      const to = positions.get(target)!;
      const code = TYPE_CODES.get(relation.type)!;
      let slot = outNext[from]!++;
      out.other[slot] = to;
      out.type[slot] = code;
      slot = inNext[to]!++;
      into.other[slot] = from;
      into.type[slot] = code;
    });
    const firstAt = new Int32Array(ids.length).fill(-1);
    groupNeighbours(out, firstAt);
    groupNeighbours(into, firstAt);
    return { out, in: into };
  }
}

function emptyRows(degrees: number[]): Rows {
  const start = new Int32Array(degrees.length + 1);
  for (const [at, degree] of degrees.entries()) start[at + 1] = start[at]! + degree;
  return { start, other: new Int32Array(start[degrees.length]!), type: new Uint8Array(start[degrees.length]!) };
}

/**
 * Orders each row as graphology lists an entity's neighbours: by the first
 * relation to each (the relations' order), a neighbour's relations together.
 * Rows with no neighbour twice apart, nearly all, are left as they are.
 * `firstAt`: a slot per entity, -1 throughout, left so.
 */
function groupNeighbours({ start, other, type }: Rows, firstAt: Int32Array): void {
  for (let at = 0; at + 1 < start.length; at++) {
    const from = start[at]!;
    const to = start[at + 1]!;
    if (to - from < 3) continue;
    let apart = false;
    for (let slot = from; slot < to; slot++) {
      const neighbour = other[slot]!;
      if (firstAt[neighbour] === -1) firstAt[neighbour] = slot;
      else if (other[slot - 1] !== neighbour) apart = true;
    }
    if (apart) {
      const slots = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => firstAt[other[a]!]! - firstAt[other[b]!]! || a - b);
      const others = slots.map((slot) => other[slot]!);
      const types = slots.map((slot) => type[slot]!);
      other.set(others, from);
      type.set(types, from);
    }
    for (let slot = from; slot < to; slot++) firstAt[other[slot]!] = -1;
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
