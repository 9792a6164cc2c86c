// The agencies an agency works with: those sharing an agreement or an event.

import type { EntityRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { countryOf } from './country-of.js';

export interface CounterpartsOptions {
  /** only agencies of another country than this one's (as far as the graph tells) */
  foreignOnly?: boolean;
}

/** Agencies that are party to an agreement or took part in an event with `id`, by name. */
export function counterparts(kg: KnowledgeGraph, id: string, options: CounterpartsOptions = {}): EntityRecord[] {
  const agency = kg.getEntity(id, 'counterparts');
  const found = new Map<string, EntityRecord>();
  const shared = [...kg.related(agency.id, 'PARTY_TO', 'OUT'), ...kg.related(agency.id, 'PARTICIPATED_IN', 'OUT')];
  for (const hub of shared) {
    const others = hub.kind === 'Agreement' ? kg.related(hub.id, 'PARTY_TO', 'IN') : kg.related(hub.id, 'PARTICIPATED_IN', 'IN');
    for (const other of others) if (other.id !== agency.id) found.set(other.id, other);
  }
  let result = [...found.values()];
  if (options.foreignOnly) {
    const home = countryOf(kg, agency.id)?.id;
    result = result.filter((other) => {
      const country = countryOf(kg, other.id)?.id;
      return country !== undefined && country !== home;
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
