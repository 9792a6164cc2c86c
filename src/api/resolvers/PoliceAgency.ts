// A police agency: jurisdiction, officials, agreements, events, counterparts.

import type { Context } from '../context.js';
import type { EntityRecord } from '../../ontology/index.js';
import { attributeFields, relatedVia, relationsVia } from './shared.js';
import { counterparts } from '../../store/queries/counterparts.js';
import { countryOf } from '../../store/queries/country-of.js';

const country = (e: EntityRecord, _: unknown, { kg }: Context) => countryOf(kg, e.id);

export const PoliceAgency = {
  ...attributeFields('PoliceAgency'),
  jurisdiction: relatedVia('HAS_JURISDICTION', 'OUT'),
  country,
  officials: relationsVia('HOLDS_POSITION', 'IN'),
  agreements: relatedVia('PARTY_TO', 'OUT'),
  events: relatedVia('PARTICIPATED_IN', 'OUT'),
  participations: relationsVia('PARTICIPATED_IN', 'OUT'),
  counterparts: (e: EntityRecord, args: { foreignOnly?: boolean | null }, { kg }: Context) =>
    counterparts(kg, e.id, { foreignOnly: args.foreignOnly ?? false }),
  superiors: relatedVia('SUBORDINATE_TO', 'OUT'),
  subordinates: relatedVia('SUBORDINATE_TO', 'IN'),
  outcomes: relatedVia('REPORTED', 'OUT'),
  equipmentGivenTo: relatedVia('PROVIDED_EQUIPMENT', 'OUT'),
  equipmentReceivedFrom: relatedVia('PROVIDED_EQUIPMENT', 'IN'),
};
