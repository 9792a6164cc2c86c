// Which country an entity belongs to, from the graph's own relations:
// an agency through its jurisdiction, an area through LOCATED_IN, a person
// through the agencies they serve or their nationality.

import type { EntityRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';

/** The Country entity the entity belongs to, or null when the graph does not say. */
export function countryOf(kg: KnowledgeGraph, id: string, seen = new Set<string>()): EntityRecord | null {
  const entity = kg.getEntity(id);
  // a merged id is read as the entity it was merged into
  id = entity.id;
  if (seen.has(id)) return null;
  seen.add(id);
  switch (entity.kind) {
    case 'Country':
      return entity;
    case 'Area':
    case 'Event':
      return firstCountry(kg, kg.related(id, 'LOCATED_IN', 'OUT'), seen);
    case 'PoliceAgency':
      return (
        firstCountry(kg, kg.related(id, 'HAS_JURISDICTION', 'OUT'), seen) ??
        firstCountry(kg, kg.related(id, 'SUBORDINATE_TO', 'OUT'), seen)
      );
    case 'Person': {
      const code = entity.attributes.nationality;
      const byCode = kg.entities(['Country']).find((c) => c.attributes.code === code);
      return byCode ?? firstCountry(kg, kg.related(id, 'HOLDS_POSITION', 'OUT'), seen);
    }
    default:
      return null;
  }
}

function firstCountry(kg: KnowledgeGraph, candidates: EntityRecord[], seen: Set<string>): EntityRecord | null {
  for (const candidate of candidates) {
    const country = countryOf(kg, candidate.id, seen);
    if (country) return country;
  }
  return null;
}
