// People filtered by agency, rank and nationality.

import { normalizeName, type EntityRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { selectEntities, type RelatedTo } from './select-entities.js';

export interface PersonFilter {
  /** id of a PoliceAgency they hold a position in */
  agency?: string;
  /** rank, matched by the name rule ("senior colonel" = "Senior Colonel") */
  rank?: string;
  /** ISO country code */
  nationality?: string;
}

export function listPeople(kg: KnowledgeGraph, filter: PersonFilter = {}): EntityRecord[] {
  const related: RelatedTo[] = filter.agency ? [{ type: 'HOLDS_POSITION', direction: 'OUT', id: filter.agency }] : [];
  const rank = filter.rank === undefined ? undefined : normalizeName(filter.rank);
  return selectEntities(kg, 'people', 'Person', related, (p) => {
    if (rank !== undefined && normalizeName(String(p.attributes.rank ?? '')) !== rank) return false;
    if (filter.nationality !== undefined && p.attributes.nationality !== filter.nationality.toUpperCase()) return false;
    return true;
  });
}
