// An MoU or mechanism: its parties, signatories, event and what it addresses.

import { attributeFields, firstVia, relatedVia, relationsVia } from './shared.js';

export const Agreement = {
  ...attributeFields('Agreement'),
  parties: relatedVia('PARTY_TO', 'IN'),
  signatories: relationsVia('SIGNED', 'IN'),
  signedAt: firstVia('SIGNED_AT', 'OUT'),
  follows: firstVia('FOLLOWS', 'OUT'),
  followedBy: relatedVia('FOLLOWS', 'IN'),
  addresses: relatedVia('ADDRESSES', 'OUT'),
  reviewedAt: relatedVia('REVIEWED', 'IN'),
};
