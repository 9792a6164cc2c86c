// Resolver builders shared by the type maps: each reads one thing from the store.

import type { EntityRecord, Kind, RelationRecord, RelationType } from '../../ontology/index.js';
import { KINDS } from '../../ontology/index.js';
import type { Context } from '../context.js';

/** Input objects arrive with null fields; drop them. */
export const clean = <T extends object>(input: T | null | undefined): T =>
  Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v != null)) as T;

type Resolver<P> = (parent: P, args: unknown, context: Context) => unknown;

/** The entities at the other end of `type` relations. */
export const relatedVia =
  (type: RelationType, direction: 'OUT' | 'IN', kind?: Kind): Resolver<EntityRecord> =>
  (e, _, { kg }) => {
    const found = kg.related(e.id, type, direction);
    return kind ? found.filter((other) => other.kind === kind) : found;
  };

/** The first entity at the other end of `type` relations, or null. */
export const firstVia =
  (type: RelationType, direction: 'OUT' | 'IN'): Resolver<EntityRecord> =>
  (e, _, { kg }) =>
    kg.related(e.id, type, direction)[0] ?? null;

/** The `type` relations themselves (read as Position, Signature, ...). */
export const relationsVia =
  (type: RelationType, direction: 'OUT' | 'IN'): Resolver<EntityRecord> =>
  (e, _, { kg }) =>
    kg.relationsOf(e.id, direction, [type]);

/** One end of a relation. */
export const endOf =
  (end: 'from' | 'to'): Resolver<RelationRecord> =>
  (r, _, { kg }) =>
    kg.getEntity(r[end]);

/** A relation property, or null. */
export const property =
  (name: string): Resolver<RelationRecord> =>
  (r) =>
    r.properties[name] ?? null;

/** A resolver for every attribute of the kind, except those resolved otherwise. */
export function attributeFields(kind: Kind, except: string[] = []): Record<string, Resolver<EntityRecord>> {
  return Object.fromEntries(
    Object.keys(KINDS[kind].attributes)
      .filter((name) => !except.includes(name))
      .map((name) => [name, (e: EntityRecord) => e.attributes[name] ?? null]),
  );
}
