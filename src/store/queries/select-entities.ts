// Entities of a kind narrowed by their relations and attributes: the shared
// engine of the filtered lists (agreements, events, people, agencies).

import type { EntityRecord, Kind, RelationType } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';

/** "has a relation of `type` in `direction` with entity `id`" */
export interface RelatedTo {
  type: RelationType;
  /** direction seen from the selected entity */
  direction: 'OUT' | 'IN';
  id: string;
}

/**
 * Entities of `kind`, sorted by id, that have every `related` link and pass
 * `where`. Starts from the linked entities' neighbours rather than scanning.
 */
export function selectEntities(
  kg: KnowledgeGraph,
  operation: string,
  kind: Kind,
  related: readonly RelatedTo[],
  where: (entity: EntityRecord) => boolean = () => true,
): EntityRecord[] {
  const pools = related.map((link) => {
    const { id } = kg.getEntity(link.id, operation);
    return kg.related(id, link.type, link.direction === 'OUT' ? 'IN' : 'OUT');
  });
  const pool = pools.length
    ? intersect(pools).sort((a, b) => (a.id < b.id ? -1 : 1))
    : kg.entities([kind]);
  return pool.filter((e) => e.kind === kind && where(e));
}

/** Entities present in every list, once each. */
function intersect(lists: EntityRecord[][]): EntityRecord[] {
  const [first, ...rest] = lists;
  const others = rest.map((list) => new Set(list.map((e) => e.id)));
  const unique = new Map(first!.map((e) => [e.id, e]));
  return [...unique.values()].filter((e) => others.every((ids) => ids.has(e.id)));
}
