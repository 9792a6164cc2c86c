// An official: posts, signatures, delegations led.

import { attributeFields, relatedVia, relationsVia } from './shared.js';

export const Person = {
  ...attributeFields('Person'),
  positions: relationsVia('HOLDS_POSITION', 'OUT'),
  signed: relationsVia('SIGNED', 'OUT'),
  ledDelegations: relationsVia('LED_DELEGATION', 'OUT'),
  articles: relatedVia('AUTHORED', 'OUT'),
};
