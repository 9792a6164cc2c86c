// An administrative area: where it lies and who polices it.

import type { Context } from '../context.js';
import type { EntityRecord } from '../../ontology/index.js';
import { attributeFields, firstVia, relatedVia } from './shared.js';
import { countryOf } from '../../store/queries/country-of.js';

const country = (e: EntityRecord, _: unknown, { kg }: Context) => countryOf(kg, e.id);

export const Area = {
  ...attributeFields('Area'),
  locatedIn: firstVia('LOCATED_IN', 'OUT'),
  country,
  subAreas: relatedVia('LOCATED_IN', 'IN', 'Area'),
  agencies: relatedVia('HAS_JURISDICTION', 'IN'),
  events: relatedVia('LOCATED_IN', 'IN', 'Event'),
};
