// Tiny graphs built inline for tests: records with placeholder evidence.

import type { EntityRecord, Kind, RelationRecord, RelationType } from '../src/ontology/index.js';
import { relationId } from '../src/ontology/index.js';
import { KnowledgeGraph } from '../src/store/knowledge-graph.js';

const evidence = [{ article: 'article:test', quote: 'test', start: 0, end: 4 }];

export function entity(id: string, kind: Kind, name = id, attributes: Record<string, unknown> = {}, aliases: string[] = []): EntityRecord {
  return { id, kind, name, aliases, attributes, stated: true, evidence };
}

export function relation(type: RelationType, from: string, to: string, properties: Record<string, unknown> = {}, stated = true): RelationRecord {
  return { id: relationId(type, from, to), type, from, to, properties, stated, ...(stated ? {} : { inference: 'test' }), evidence };
}

export function graphOf(entities: EntityRecord[], relations: RelationRecord[] = []): KnowledgeGraph {
  return KnowledgeGraph.fromData({ entities, relations, conflicts: [] });
}
