// Counts by kind and by relation type.

import { KIND_NAMES, RELATION_TYPE_NAMES, type Kind, type RelationType } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';

export interface GraphStats {
  entities: number;
  relations: number;
  inferredRelations: number;
  conflicts: number;
  byKind: { kind: Kind; count: number }[];
  byType: { type: RelationType; count: number }[];
}

export function graphStats(kg: KnowledgeGraph): GraphStats {
  let inferred = 0;
  kg.graph.forEachEdge((_, relation) => {
    if (!relation.stated) inferred++;
  });
  return {
    entities: kg.entityCount,
    relations: kg.relationCount,
    inferredRelations: inferred,
    conflicts: kg.conflicts().length,
    byKind: KIND_NAMES.map((kind) => ({ kind, count: kg.entities([kind]).length })),
    byType: RELATION_TYPE_NAMES.map((type) => ({ type, count: kg.countRelations(type) })),
  };
}
