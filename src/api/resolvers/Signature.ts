// A SIGNED relation seen as a signature.

import type { RelationRecord } from '../../ontology/index.js';
import type { Context } from '../context.js';
import { endOf } from './shared.js';

export const Signature = {
  person: endOf('from'),
  agreement: endOf('to'),
  onBehalfOf: (r: RelationRecord, _: unknown, { kg }: Context) =>
    typeof r.properties.onBehalfOf === 'string' ? kg.getEntity(r.properties.onBehalfOf) : null,
};
