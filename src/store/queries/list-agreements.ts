// Agreements filtered by type, party, signatory, crime category and date.

import { overlapsRange, type AgreementType, type EntityRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { selectEntities, type RelatedTo } from './select-entities.js';

export interface AgreementFilter {
  agreementType?: AgreementType;
  /** id of a PoliceAgency party to it */
  party?: string;
  /** id of a Person who signed it (stated or inferred) */
  signatory?: string;
  /** id of a CrimeCategory it addresses */
  addresses?: string;
  signedFrom?: string;
  signedTo?: string;
}

/** Agreements matching every given criterion, by id; a date filter drops undated agreements. */
export function listAgreements(kg: KnowledgeGraph, filter: AgreementFilter = {}): EntityRecord[] {
  const related: RelatedTo[] = [];
  if (filter.party) related.push({ type: 'PARTY_TO', direction: 'IN', id: filter.party });
  if (filter.signatory) related.push({ type: 'SIGNED', direction: 'IN', id: filter.signatory });
  if (filter.addresses) related.push({ type: 'ADDRESSES', direction: 'OUT', id: filter.addresses });
  const dated = filter.signedFrom !== undefined || filter.signedTo !== undefined;
  return selectEntities(kg, 'agreements', 'Agreement', related, (a) => {
    if (filter.agreementType && a.attributes.agreementType !== filter.agreementType) return false;
    if (!dated) return true;
    const signedOn = a.attributes.signedOn;
    return typeof signedOn === 'string' && overlapsRange(signedOn, filter.signedFrom, filter.signedTo);
  });
}
