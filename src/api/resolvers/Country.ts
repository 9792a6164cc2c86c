// A state: its areas and national agencies.

import { attributeFields, relatedVia } from './shared.js';

export const Country = {
  ...attributeFields('Country'),
  areas: relatedVia('LOCATED_IN', 'IN', 'Area'),
  agencies: relatedVia('HAS_JURISDICTION', 'IN'),
};
