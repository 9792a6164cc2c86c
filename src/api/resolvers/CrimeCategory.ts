// A crime category: its hierarchy and what addresses it.

import type { Context } from '../context.js';
import type { EntityRecord } from '../../ontology/index.js';
import { attributeFields, relatedVia } from './shared.js';

export const CrimeCategory = {
  ...attributeFields('CrimeCategory', ['broader']),
  broader: (e: EntityRecord, _: unknown, { kg }: Context) =>
    typeof e.attributes.broader === 'string' ? kg.findEntity(`crime-category:${e.attributes.broader}`) : null,
  narrower: (e: EntityRecord, _: unknown, { kg }: Context) =>
    kg.entities(['CrimeCategory']).filter((c) => c.attributes.broader === e.attributes.slug),
  addressedBy: relatedVia('ADDRESSES', 'IN'),
  outcomes: relatedVia('CONCERNS', 'IN'),
};
