// The knowledge graph in memory: a graphology MultiDirectedGraph whose nodes
// are entities and whose edges are relations, with the indices queries need.
// Knows nothing of files or GraphQL; traversals live in ./queries/.

import { MultiDirectedGraph } from 'graphology';
import { didYouMean } from '../did-you-mean.js';
import { GraphTooLargeError, NotFoundError } from '../errors.js';
import { separateAdjacencyShapes } from './adjacency-shapes.js';
import {
  normalizeName,
  type ConflictRecord,
  type EntityRecord,
  type GraphData,
  type Kind,
  type RelationRecord,
  type RelationType,
} from '../ontology/index.js';

export type Direction = 'OUT' | 'IN' | 'ANY';

/** Entries one V8 Map holds: the most entities, and the most relations, one store can hold. */
export const MAX_RECORDS = 2 ** 24 - 1;

/** Suggestions scan every id; past this size the message goes without one. */
const SUGGEST_MAX_ENTITIES = 50_000;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where a record with this id is, or would go, in a list sorted by id. */
function positionOf(list: readonly { id: string }[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.id < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

function removeSorted(list: { id: string }[], id: string, unsorted: boolean): void {
  const at = unsorted ? list.findIndex((r) => r.id === id) : positionOf(list, id);
  if (at >= 0 && at < list.length && list[at]!.id === id) list.splice(at, 1);
}

function insertSorted<T extends { id: string }>(list: T[], record: T, unsorted: boolean): void {
  if (unsorted) list.push(record);
  else list.splice(positionOf(list, record.id), 0, record);
}

export class KnowledgeGraph {
  readonly graph = new MultiDirectedGraph<EntityRecord, RelationRecord>({ allowSelfLoops: false });
  /** bumped on every change, so caches built over the graph know when to rebuild */
  revision = 0;
  private readonly sortedEntities: EntityRecord[] = [];
  private readonly kindIndex = new Map<Kind, EntityRecord[]>();
  /**
   * normalized name → the id of the entity it names, or the ids when several
   * share it (most names are one entity's). Built on first use after a change:
   * only searches and ingestion ask by name.
   */
  private readonly nameIndex = new Map<string, string | string[]>();
  private nameIndexRevision = -1;
  /** relation types whose list in typeIndex is not sorted yet: sorted when first read */
  private readonly unsortedTypes = new Set<RelationType>();
  private readonly typeIndex = new Map<RelationType, RelationRecord[]>();
  private readonly conflictIndex = new Map<string, ConflictRecord[]>();
  private readonly allConflicts: ConflictRecord[] = [];
  /** ids of merged entities → the id of the entity each was merged into */
  private readonly redirects = new Map<string, string>();
  /** entities set since the last reindex: reindex updates the indices for these alone */
  private readonly pendingEntities = new Set<string>();
  /** relations set since the last reindex, with their type before (null: there was none) */
  private readonly pendingRelations = new Map<string, RelationType | null>();
  private indexed = false;

  constructor() {
    // before any node is added: see adjacency-shapes.ts
    separateAdjacencyShapes(this.graph);
  }

  /** Builds the graph from validated records (see load/). */
  static fromData(data: GraphData): KnowledgeGraph {
    // graphology keeps nodes and edges in one V8 Map each, which holds at most 2^24 entries
    for (const [what, count] of [['entities', data.entities.length], ['relations', data.relations.length]] as const) {
      if (count > MAX_RECORDS) throw new GraphTooLargeError(`the graph has ${count.toLocaleString('en')} ${what}; one store holds at most ${MAX_RECORDS.toLocaleString('en')}`);
    }
    const kg = new KnowledgeGraph();
    for (const entity of data.entities) kg.graph.addNode(entity.id, entity);
    for (const relation of data.relations) kg.graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, relation);
    kg.allConflicts.push(...[...data.conflicts].sort(byId));
    kg.reindex();
    return kg;
  }

  /**
   * Sets or removes (null) one entity, relation, conflict or redirect. The
   * write side calls these for each record a change touches, then `reindex`.
   * Removing an entity removes its relations with it.
   */
  setEntity(id: string, entity: EntityRecord | null): void {
    this.pendingEntities.add(id);
    if (!entity) {
      // its relations go with it: the indices must hear of them too
      this.graph.forEachEdge(id, (edge) => this.noteRelation(edge));
      this.graph.dropNode(id);
    }
    else if (this.graph.hasNode(id)) this.graph.replaceNodeAttributes(id, entity);
    else this.graph.addNode(id, entity);
  }

  setRelation(id: string, relation: RelationRecord | null): void {
    this.noteRelation(id);
    if (this.graph.hasEdge(id)) this.graph.dropEdge(id);
    if (relation) this.graph.addDirectedEdgeWithKey(id, relation.from, relation.to, relation);
  }

  setConflict(id: string, conflict: ConflictRecord | null): void {
    const at = this.allConflicts.findIndex((c) => c.id === id);
    if (at >= 0) this.allConflicts.splice(at, 1);
    if (conflict) {
      this.allConflicts.push(conflict);
      this.allConflicts.sort(byId);
    }
  }

  setRedirect(id: string, to: string | null): void {
    if (to) this.redirects.set(id, to);
    else this.redirects.delete(id);
  }

  /** Remembers a relation's type before its first change since the last reindex. */
  private noteRelation(id: string): void {
    if (!this.pendingRelations.has(id)) this.pendingRelations.set(id, this.graph.hasEdge(id) ? this.graph.getEdgeAttribute(id, 'type') : null);
  }

  /**
   * Brings the indices up to date after a change; bumps `revision`. A few
   * records changed: each is taken out of and put back into the sorted lists
   * (a commit on a large graph costs microseconds, not a rebuild); else, or
   * the first time, every index is built anew.
   */
  reindex(): void {
    const changed = this.pendingEntities.size + this.pendingRelations.size;
    if (this.indexed && changed * 20 < this.graph.order + this.graph.size) this.reindexPending();
    else this.rebuildIndices();
    this.pendingEntities.clear();
    this.pendingRelations.clear();
    this.indexed = true;
    this.conflictIndex.clear();
    for (const conflict of this.allConflicts) {
      for (const id of conflict.about) {
        const list = this.conflictIndex.get(id) ?? [];
        list.push(conflict);
        this.conflictIndex.set(id, list);
      }
    }
    this.revision++;
  }

  private reindexPending(): void {
    for (const [id, typeBefore] of this.pendingRelations) {
      if (typeBefore) removeSorted(this.typeIndex.get(typeBefore) ?? [], id, this.unsortedTypes.has(typeBefore));
      const after = this.findRelation(id);
      if (!after) continue;
      const list = this.typeIndex.get(after.type) ?? this.typeIndex.set(after.type, []).get(after.type)!;
      insertSorted(list, after, this.unsortedTypes.has(after.type));
    }
    for (const id of this.pendingEntities) {
      removeSorted(this.sortedEntities, id, false);
      for (const list of this.kindIndex.values()) removeSorted(list, id, false);
      if (!this.graph.hasNode(id)) continue;
      const after = this.graph.getNodeAttributes(id);
      insertSorted(this.sortedEntities, after, false);
      insertSorted(this.kindIndex.get(after.kind) ?? this.kindIndex.set(after.kind, []).get(after.kind)!, after, false);
    }
  }

  private rebuildIndices(): void {
    this.sortedEntities.length = 0;
    this.kindIndex.clear();
    this.typeIndex.clear();
    this.conflictIndex.clear();
    this.graph.forEachNode((_, entity) => {
      this.sortedEntities.push(entity);
    });
    this.sortedEntities.sort(byId);
    for (const entity of this.sortedEntities) {
      const list = this.kindIndex.get(entity.kind) ?? [];
      list.push(entity);
      this.kindIndex.set(entity.kind, list);
    }
    this.graph.forEachEdge((_, relation) => {
      const list = this.typeIndex.get(relation.type) ?? [];
      list.push(relation);
      this.typeIndex.set(relation.type, list);
    });
    this.unsortedTypes.clear();
    for (const type of this.typeIndex.keys()) this.unsortedTypes.add(type);
  }

  private indexName(name: string, id: string): void {
    const key = normalizeName(name);
    const held = this.nameIndex.get(key);
    if (held === undefined) this.nameIndex.set(key, id);
    else if (typeof held === 'string') {
      if (held !== id) this.nameIndex.set(key, [held, id]);
    } else if (!held.includes(id)) held.push(id);
  }

  /** The relations of one type, sorted by id (sorted on first read after a change). */
  private relationsOfType(type: RelationType): RelationRecord[] {
    const list = this.typeIndex.get(type) ?? [];
    if (this.unsortedTypes.delete(type)) list.sort(byId);
    return list;
  }

  get entityCount(): number {
    return this.graph.order;
  }

  get relationCount(): number {
    return this.graph.size;
  }

  hasEntity(id: string): boolean {
    return this.graph.hasNode(id);
  }

  /** The entity with this id, or the one it was merged into. */
  findEntity(id: string): EntityRecord | null {
    const current = this.resolveId(id);
    return this.graph.hasNode(current) ? this.graph.getNodeAttributes(current) : null;
  }

  /** The id an entity has now: a merged id leads to the entity it was merged into. */
  resolveId(id: string): string {
    let current = id;
    // a chain of merges is short; the bound only guards against a cycle in hand-edited data
    for (let hops = 0; hops < 100 && !this.graph.hasNode(current); hops++) {
      const next = this.redirects.get(current);
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  /** The entity this id was merged into, if it was. */
  redirectOf(id: string): string | null {
    return this.redirects.get(id) ?? null;
  }

  /** Every redirect, merged id → kept id. */
  allRedirects(): ReadonlyMap<string, string> {
    return this.redirects;
  }

  /** The entity, or a NotFoundError naming the operation and the closest id. */
  getEntity(id: string, operation = 'entity'): EntityRecord {
    const entity = this.findEntity(id);
    if (entity) return entity;
    const hint = this.entityCount <= SUGGEST_MAX_ENTITIES ? didYouMean(id, this.graph.nodes()) : '';
    throw new NotFoundError(`${operation}: no entity has the id "${id}"${hint}`);
  }

  findRelation(id: string): RelationRecord | null {
    return this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id) : null;
  }

  /** Entities sorted by id, all or of the given kinds. */
  entities(kinds?: readonly Kind[]): readonly EntityRecord[] {
    if (!kinds || kinds.length === 0) return this.sortedEntities;
    if (kinds.length === 1) return this.kindIndex.get(kinds[0]!) ?? [];
    return kinds.flatMap((k) => this.kindIndex.get(k) ?? []).sort(byId);
  }

  /** Relations sorted by id, all or of the given types. */
  relations(types?: readonly RelationType[]): readonly RelationRecord[] {
    const chosen = types && types.length ? types : [...this.typeIndex.keys()];
    const lists = chosen.map((t) => this.relationsOfType(t));
    return lists.length === 1 ? lists[0]! : lists.flat().sort(byId);
  }

  /** Number of relations of a type, without copying. */
  countRelations(type: RelationType): number {
    return this.typeIndex.get(type)?.length ?? 0;
  }

  /** Relations touching an entity, in a direction, optionally of some types. */
  relationsOf(id: string, direction: Direction = 'ANY', types?: readonly RelationType[]): RelationRecord[] {
    const found: RelationRecord[] = [];
    const keep = (_: string, relation: RelationRecord) => {
      if (!types || types.length === 0 || types.includes(relation.type)) found.push(relation);
    };
    if (direction !== 'IN') this.graph.forEachOutEdge(id, keep);
    if (direction !== 'OUT') this.graph.forEachInEdge(id, keep);
    return found;
  }

  /** The entities at the other end of an entity's relations of one type. */
  related(id: string, type: RelationType, direction: 'OUT' | 'IN'): EntityRecord[] {
    return this.relationsOf(id, direction, [type]).map((r) => this.graph.getNodeAttributes(direction === 'OUT' ? r.to : r.from));
  }

  /** Entities whose name or an alias matches by ONTOLOGY.md's rule. */
  entitiesNamed(name: string): EntityRecord[] {
    if (this.nameIndexRevision !== this.revision) {
      this.nameIndex.clear();
      this.graph.forEachNode((id, entity) => {
        this.indexName(entity.name, id);
        for (const alias of entity.aliases) this.indexName(alias, id);
      });
      this.nameIndexRevision = this.revision;
    }
    const ids = this.nameIndex.get(normalizeName(name));
    if (ids === undefined) return [];
    return (typeof ids === 'string' ? [ids] : ids).map((id) => this.graph.getNodeAttributes(id));
  }

  /** Every recorded disagreement, or those about one entity or relation. */
  conflicts(about?: string): readonly ConflictRecord[] {
    return about === undefined ? this.allConflicts : (this.conflictIndex.get(about) ?? []);
  }
}
