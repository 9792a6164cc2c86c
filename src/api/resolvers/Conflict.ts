// A recorded disagreement: the entities it is about.

import type { ConflictRecord } from '../../ontology/index.js';
import type { Context } from '../context.js';

export const Conflict = {
  entities: (c: ConflictRecord, _: unknown, { kg }: Context) => c.about.flatMap((id) => kg.findEntity(id) ?? []),
};
