// Operations run in process, without HTTP (`coopgraph query`, an app that
// embeds the store): the server's schema, operation limits, compiled reads and
// error masking, with each operation's text parsed, validated and compiled
// once. Reads only: a write needs a server opened for writing and a token.

import { execute, getOperationAST, GraphQLError, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createPubSub } from 'graphql-yoga';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { Budget } from '../store/budget.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import type { LogRecord } from '../write/change-log.js';
import { compileReads } from './compile-reads.js';
import { withFreshBudget, type Context } from './context.js';
import { isExpectedError, logToStderr, maskError } from './errors.js';
import { armorSettings, costLimit, DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits.js';
import { createSchema } from './schema.js';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface ExecutorOptions {
  /** the same limits as the server's (default: DEFAULT_OPERATION_LIMITS) */
  limits?: OperationLimits;
  /** where unexpected errors are written in full (default: stderr); clients see them masked */
  log?: (level: 'error', args: unknown[]) => void;
  /** run reads as compiled functions (default: on; off only to measure what it saves) */
  compiledReads?: boolean;
  /** the schema to run against (default: schema.graphql's, built anew) */
  schema?: GraphQLSchema;
}

export interface Executor {
  /** Runs one operation: its result, errors masked as the server masks them. Sync when every resolver is. */
  execute(request: OperationRequest): ExecutionResult | Promise<ExecutionResult>;
}

/** Prepared operations kept: past this many different texts, the oldest is parsed again when it comes back. */
const PREPARED_MAX = 1000;

interface Prepared {
  document: DocumentNode | null;
  /** syntax, validation and limit errors: the operation does not run */
  errors: readonly GraphQLError[];
}

const UNEXPECTED = 'Unexpected error.';

/** A syntax or validation error with the code graphql-yoga gives it (a limit's own code replaces it in maskError). */
const coded = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

export function createExecutor(kg: KnowledgeGraph, options: ExecutorOptions = {}): Executor {
  const schema = options.schema ?? createSchema();
  const limits = options.limits ?? DEFAULT_OPERATION_LIMITS;
  const settings = armorSettings(limits);
  const rules = [...specifiedRules, maxDepthRule(settings.maxDepth), maxAliasesRule(settings.maxAliases), maxDirectivesRule(settings.maxDirectives)];
  const overCost = costLimit(limits.cost);
  const log = options.log ?? logToStderr;
  const pubsub = createPubSub<{ graphChanged: [LogRecord] }>(); // nothing is published: no write runs here
  const run = options.compiledReads === false ? execute : compileReads(withFreshBudget)(execute);
  const prepared = new Map<string, Prepared>();

  const prepare = (text: string): Prepared => {
    const known = prepared.get(text);
    if (known) return known;
    let entry: Prepared;
    try {
      const document = new MaxTokensParserWLexer(text, { n: settings.maxTokens.n }).parseDocument();
      entry = { document, errors: validate(schema, document, rules).map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED')) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      entry = { document: null, errors: [coded(error, 'GRAPHQL_PARSE_FAILED')] };
    }
    if (prepared.size >= PREPARED_MAX) prepared.delete(prepared.keys().next().value!);
    prepared.set(text, entry);
    return entry;
  };

  const mask = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    for (const error of result.errors) if (!isExpectedError(error)) log('error', [error]);
    return { ...result, errors: result.errors.map((error) => maskError(error, UNEXPECTED) as GraphQLError) };
  };

  return {
    execute({ query, variables, operationName }) {
      if (typeof query !== 'string') return mask({ errors: [new GraphQLError('the operation must be a string of GraphQL', { extensions: { code: 'BAD_REQUEST' } })] });
      const { document, errors } = prepare(query);
      if (!document || errors.length) return mask({ errors });
      const operation = getOperationAST(document, operationName);
      if (!operation) {
        const message = operationName ? `no operation is named "${operationName}"` : 'the document holds several operations: name the one to run (operationName)';
        return mask({ errors: [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })] });
      }
      if (operation.operation !== 'query') {
        return mask({
          errors: [
            new GraphQLError(`a ${operation.operation} does not run in process: send it to a server (coopgraph serve) opened for writing, with a bearer token`, {
              nodes: [operation],
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ],
        });
      }
      const tooCostly = overCost(schema, document, variables ?? {});
      if (tooCostly) return mask({ errors: [tooCostly] });
      const contextValue: Context = { kg, budget: new Budget(), writer: null, history: [], pubsub };
      const result = run({ schema, document, operationName, contextValue, variableValues: variables });
      return result instanceof Promise ? result.then(mask) : mask(result);
    },
  };
}
