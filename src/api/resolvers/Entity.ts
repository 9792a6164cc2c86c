// Fields every kind shares (inherited from the Entity interface).

import type { Direction } from '../../store/knowledge-graph.js';
import type { EntityRecord, RelationType } from '../../ontology/index.js';
import { atLeast } from '../confidence.js';
import type { Context } from '../context.js';

export const Entity = {
  __resolveType: (e: EntityRecord) => e.kind,
  relations: (e: EntityRecord, args: { types?: RelationType[] | null; direction?: Direction | null; minConfidence?: number | null }, { kg }: Context) =>
    atLeast('relations', kg.relationsOf(e.id, args.direction ?? 'ANY', args.types ?? undefined), args.minConfidence),
  conflicts: (e: EntityRecord, _: unknown, { kg }: Context) => kg.conflicts(e.id),
};
