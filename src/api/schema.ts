// schema.graphql (read once, relative to this module) bound to the resolvers.

import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { KIND_NAMES, kindToEnum } from '../ontology/index.js';
import { resolvers } from './resolvers/index.js';
import { DateTime, JSONObject, PartialDate } from './scalars.js';

export const typeDefs = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

/** The EntityKind enum's values stand for the ontology's PascalCase kinds. */
const EntityKind = Object.fromEntries(KIND_NAMES.map((kind) => [kindToEnum(kind), kind]));

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers: { ...resolvers, DateTime, EntityKind, JSONObject, PartialDate },
    inheritResolversFromInterfaces: true,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
