// A conference, meeting or visit: who took part, what was signed and reviewed.

import { attributeFields, firstVia, relatedVia, relationsVia } from './shared.js';

export const Event = {
  ...attributeFields('Event'),
  location: firstVia('LOCATED_IN', 'OUT'),
  participants: relatedVia('PARTICIPATED_IN', 'IN'),
  participations: relationsVia('PARTICIPATED_IN', 'IN'),
  delegations: relationsVia('LED_DELEGATION', 'IN'),
  agreementsSigned: relatedVia('SIGNED_AT', 'IN'),
  agreementsReviewed: relatedVia('REVIEWED', 'OUT'),
  addresses: relatedVia('ADDRESSES', 'OUT'),
};
