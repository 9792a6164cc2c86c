// The HTTP floor: a bare graphql-yoga answering a constant, as shipped or
// without its request body limit (what our own limit saves, BENCHMARKS.md change 20).

import { createSchema, createYoga } from 'graphql-yoga';

export function createBareYoga({ bodyLimit }: { bodyLimit: boolean }) {
  return createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } }),
    logging: false,
    ...(bodyLimit ? {} : { maxRequestBodySize: false as const }),
  });
}
