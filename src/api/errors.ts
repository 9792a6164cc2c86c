// Expected errors reach clients with their message and `extensions.code`;
// anything else is masked (no stack, no internal message) and logged in full.

import { GraphQLError } from 'graphql';
import { CoopgraphError } from '../errors.js';
import { limitCode } from './limits.js';

/** The `maskError` of graphql-yoga's masked errors. */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof CoopgraphError && error instanceof GraphQLError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { ...error.extensions, code: original.code },
    });
  }
  // an operation limit's rejection (at parse or validation): its own code
  const limit = error instanceof GraphQLError && !original ? limitCode(error.message) : undefined;
  if (limit && error instanceof GraphQLError) {
    return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes, extensions: { ...error.extensions, code: limit } });
  }
  // graphql-js's own errors (syntax, validation, coercion) and errors raised as GraphQLErrors;
  // a variable's value that does not fit its type is the client's input; the few others left uncoded get BAD_REQUEST
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
    if (error.extensions.code !== undefined) return error;
    if (/^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)) {
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
    }
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'BAD_REQUEST' } });
  }
  return new GraphQLError(message, {
    ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/** Whether an error is one a client caused and was told about: nothing to log. */
export function isExpectedError(error: unknown): boolean {
  if (error instanceof CoopgraphError) return true;
  if (!(error instanceof GraphQLError)) return false;
  const original = error.originalError;
  return !original || original instanceof CoopgraphError || original instanceof GraphQLError;
}

/** Where the server and the executor write unexpected errors in full by default. */
export const logToStderr = (level: string, args: unknown[]) => console.error(`[coopgraph] ${level}:`, ...args);
