// A relation: its two ends and any disagreement about it.

import type { RelationRecord } from '../../ontology/index.js';
import type { Context } from '../context.js';
import { endOf } from './shared.js';

export const Relation = {
  from: endOf('from'),
  to: endOf('to'),
  conflicts: (r: RelationRecord, _: unknown, { kg }: Context) => kg.conflicts(r.id),
};
