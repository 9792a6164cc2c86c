// Operation limits, checked before any resolver runs: depth, aliases,
// directives and tokens with graphql-armor, and a cost that grows with the
// arguments that size a result (first, limit, depth, maxLength) with
// graphql-query-complexity (armor's own cost limit ignores arguments).

import { createRequire } from 'node:module';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { getNamedType, GraphQLError, isLeafType, Kind, visit, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import { LIMITS } from '../store/limits.js';

// its ES build imports graphql's .mjs files, a second copy of graphql beside the
// CommonJS one every other library here loads; its CommonJS build shares ours
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

export interface OperationLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = { depth: 8, aliases: 15, directives: 50, tokens: 1000, cost: 5000 };

const ENV: Record<keyof OperationLimits, string> = {
  depth: 'COOPGRAPH_MAX_DEPTH',
  aliases: 'COOPGRAPH_MAX_ALIASES',
  directives: 'COOPGRAPH_MAX_DIRECTIVES',
  tokens: 'COOPGRAPH_MAX_TOKENS',
  cost: 'COOPGRAPH_MAX_COST',
};

/** The defaults, each overridden by its environment variable (a positive whole number). */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): OperationLimits {
  const limits = { ...DEFAULT_OPERATION_LIMITS };
  for (const key of Object.keys(ENV) as (keyof OperationLimits)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined) continue;
    if (!/^[1-9]\d*$/.test(raw)) throw new Error(`${ENV[key]}: "${raw}" is not a positive whole number`);
    limits[key] = Number(raw);
  }
  return limits;
}

/**
 * How many times a field's selection is paid for, from the arguments that size
 * its result; other lists count once (their size is bounded by the graph, and
 * the depth, alias and token limits bound how many a query can ask for).
 */
function sizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const num = (name: string, fallback: number) => (typeof args[name] === 'number' ? (args[name] as number) : fallback);
  switch (field.name) {
    case 'neighborhood':
      return num('limit', LIMITS.nodes.default);
    case 'paths':
      return num('first', LIMITS.paths.default) * num('maxLength', LIMITS.pathLength.default);
    case 'search':
    case 'searchHits':
      return num('first', 10);
    default:
      return field.args.some((a) => a.name === 'first') ? num('first', LIMITS.page.default) : 1;
  }
}

/** Work a traversal does beyond what it returns: each hop of depth visits more of the graph. */
function traversalCost(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.name === 'neighborhood') return 100 * (typeof args.depth === 'number' ? args.depth : LIMITS.depth.default);
  if (field.name === 'paths' || field.name === 'shortestPath') return 100;
  return 0;
}

/**
 * An object or list field costs one, plus its selection once per item it
 * returns, plus any traversal work; scalar fields are free (as in GitHub's model).
 */
const argumentEstimator: ComplexityEstimator = ({ field, args, childComplexity }) =>
  isLeafType(getNamedType(field.type)) ? 0 : 1 + traversalCost(field, args) + sizeOf(field, args) * childComplexity;

/** Arguments that size a field's cost (sizeOf, traversalCost); a variable elsewhere leaves the cost as it is. */
const SIZING_ARGUMENTS = new Set(['first', 'limit', 'depth', 'maxLength']);

/** Whether a variable's value can change the cost: it sizes a list or a traversal, or decides @skip or @include. */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Argument(node) {
      if (SIZING_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) depends = true;
    },
    Directive(node) {
      if (node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) depends = true;
    },
  });
  return depends;
}

/**
 * The cost limit: an operation costing more than `limit` is refused. The cost
 * of a document whose variables cannot change it is computed once (it was
 * most of an uncached read's time); the others are costed per request.
 */
export function costLimit(limit: number): (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) => GraphQLError | null {
  const fixed = new WeakMap<DocumentNode, number>();
  return (schema, document, variables) => {
    let complexity = fixed.get(document);
    if (complexity === undefined) {
      try {
        complexity = getComplexity({ schema, query: document, variables, estimators: [argumentEstimator, simpleEstimator({ defaultComplexity: 0 })] });
      } catch {
        return null; // invalid variables: the coercion error is reported by validation and execution
      }
      if (!costDependsOnVariables(document)) fixed.set(document, complexity);
    }
    if (complexity <= limit) return null;
    return new GraphQLError(`Query cost ${complexity} exceeds the limit of ${limit}; ask for fewer items (first, limit, depth) or fewer nested lists`, {
      extensions: { code: 'COST_LIMIT_EXCEEDED', cost: complexity, limit },
    });
  };
}

/** graphql-armor's settings for the limits: its plugin (the server's) and its rules (the in-process executor's) read them. */
export const armorSettings = (limits: OperationLimits) => ({
  maxDepth: { n: limits.depth, flattenFragments: true },
  maxAliases: { n: limits.aliases },
  maxDirectives: { n: limits.directives },
  maxTokens: { n: limits.tokens },
});

export function operationLimitPlugins(limits: OperationLimits, options: { production: boolean }): Plugin[] {
  const armor = EnvelopArmorPlugin({
    ...armorSettings(limits),
    // the argument-aware cost below replaces armor's
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  });
  const overLimit = costLimit(limits.cost);
  // checked as execution starts, for every request: the validation cache keeps one result per
  // document, and a variable may change the cost from one request to the next
  const cost: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const error = overLimit(args.schema, args.document, args.variableValues ?? {});
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
  return [armor as Plugin, cost];
}

/** graphql-armor's rejections (of the pinned release) by message, with a code a client can act on. */
const ARMOR_CODES: [RegExp, string][] = [
  [/depth limit of \d+ exceeded/i, 'DEPTH_LIMIT_EXCEEDED'],
  [/aliases limit of \d+ exceeded/i, 'ALIAS_LIMIT_EXCEEDED'],
  [/directives limit of \d+ exceeded/i, 'DIRECTIVE_LIMIT_EXCEEDED'],
  [/token limit of \d+ exceeded/i, 'TOKEN_LIMIT_EXCEEDED'],
];

/** The code of an operation-limit rejection, or undefined for any other message. */
export function limitCode(message: string): string | undefined {
  return ARMOR_CODES.find(([pattern]) => pattern.test(message))?.[1];
}
