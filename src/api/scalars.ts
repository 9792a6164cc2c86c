// Custom scalars: PartialDate is checked here; JSONObject and DateTime come from graphql-scalars.

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { isPartialDate } from '../ontology/index.js';

function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not an ISO 8601 date such as 2019, 2019-05 or 2019-05-25`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const PartialDate = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'An ISO 8601 date at year, month or day precision.',
  serialize: (value) => parsePartialDate(value),
  parseValue: (value) => parsePartialDate(value),
  parseLiteral: (ast) => parsePartialDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const JSONObject = JSONObjectResolver;

/** The time of a change, as an ISO 8601 string with milliseconds. */
export const DateTime = DateTimeISOResolver;
