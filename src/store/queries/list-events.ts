// Events filtered by type, participant, crime category, place and date.

import { overlapsRange, type EntityRecord, type EventType } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { selectEntities, type RelatedTo } from './select-entities.js';

export interface EventFilter {
  eventType?: EventType;
  /** id of a PoliceAgency that took part */
  participant?: string;
  /** id of a CrimeCategory it addressed */
  addresses?: string;
  /** id of the Area it took place in */
  location?: string;
  from?: string;
  to?: string;
}

/** Events matching every given criterion, by id; a date filter drops undated events. */
export function listEvents(kg: KnowledgeGraph, filter: EventFilter = {}): EntityRecord[] {
  const related: RelatedTo[] = [];
  if (filter.participant) related.push({ type: 'PARTICIPATED_IN', direction: 'IN', id: filter.participant });
  if (filter.addresses) related.push({ type: 'ADDRESSES', direction: 'OUT', id: filter.addresses });
  if (filter.location) related.push({ type: 'LOCATED_IN', direction: 'OUT', id: filter.location });
  const dated = filter.from !== undefined || filter.to !== undefined;
  return selectEntities(kg, 'events', 'Event', related, (e) => {
    if (filter.eventType && e.attributes.eventType !== filter.eventType) return false;
    if (!dated) return true;
    const start = e.attributes.startDate;
    if (typeof start !== 'string') return false;
    const end = typeof e.attributes.endDate === 'string' ? e.attributes.endDate : start;
    // the event [start, end] overlaps the asked range [from, to]
    return overlapsRange(end, filter.from, undefined) && overlapsRange(start, undefined, filter.to);
  });
}
