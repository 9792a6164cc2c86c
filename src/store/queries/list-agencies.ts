// Police agencies filtered by level, jurisdiction and country.

import type { AgencyLevel, EntityRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { countryOf } from './country-of.js';
import { selectEntities, type RelatedTo } from './select-entities.js';

export interface AgencyFilter {
  level?: AgencyLevel;
  /** id of an Area or Country under its jurisdiction */
  jurisdiction?: string;
  /** id of the Country it belongs to (through its jurisdiction) */
  country?: string;
}

export function listAgencies(kg: KnowledgeGraph, filter: AgencyFilter = {}): EntityRecord[] {
  const related: RelatedTo[] = filter.jurisdiction ? [{ type: 'HAS_JURISDICTION', direction: 'OUT', id: filter.jurisdiction }] : [];
  if (filter.country) kg.getEntity(filter.country, 'agencies');
  return selectEntities(kg, 'agencies', 'PoliceAgency', related, (a) => {
    if (filter.level && a.attributes.level !== filter.level) return false;
    if (filter.country && countryOf(kg, a.id)?.id !== filter.country) return false;
    return true;
  });
}
