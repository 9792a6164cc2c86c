// What an export reads: the graph's records as they were when it started. A
// write committed while a long export streams does not change what it writes.

import type { ConflictRecord, EntityRecord, RelationRecord } from '../ontology/index.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';

export interface GraphRecords {
  entities: readonly EntityRecord[];
  relations: readonly RelationRecord[];
  conflicts: readonly ConflictRecord[];
  /** each article's address, for the formats that cite sources by URL */
  articleUrls: ReadonlyMap<string, string>;
}

/** Copies the lists (records are replaced, never changed, by writes: the references are enough). */
export function snapshot(kg: KnowledgeGraph): GraphRecords {
  const articles = kg.entities(['Article']);
  return {
    entities: [...kg.entities()],
    relations: [...kg.relations()],
    conflicts: [...kg.conflicts()],
    articleUrls: new Map(articles.flatMap((a) => (typeof a.attributes.url === 'string' ? [[a.id, a.attributes.url]] : []))),
  };
}
