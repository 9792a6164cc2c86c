// A reported result: its quantities, who reported it and what it concerns.

import type { EntityRecord } from '../../ontology/index.js';
import { attributeFields, relatedVia } from './shared.js';

export const Outcome = {
  ...attributeFields('Outcome', ['quantities']),
  quantities: (e: EntityRecord) => e.attributes.quantities ?? [],
  reportedBy: relatedVia('REPORTED', 'IN'),
  concerns: relatedVia('CONCERNS', 'OUT'),
};
