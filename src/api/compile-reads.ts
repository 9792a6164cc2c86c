// Reads run as graphql-jit compiled functions, compiled once per document and
// operation. Mutations and subscriptions, and any read whose compiled run ends
// in an error, run through the execute it replaces (yoga's): every error keeps
// its message, locations, path and HTTP status (the API's error contract), and
// no write ever runs twice.

import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

/**
 * `execute`'s answers at a compiled function's speed: returns the execute to
 * use in place of `execute`. `rerunContext` gives the context a read is run
 * again with after its compiled run failed (say, with a fresh traversal
 * budget): the rerun must not see what the first run spent.
 */
export function compileReads<C>(rerunContext: (context: C) => C): (execute: Execute) => Execute {
  // per document object (the parse cache hands out the same one for the same text), then per operation name
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = ({ schema, document, operationName }: ExecutionArgs): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName ?? '');
    if (query === undefined) {
      const isRead = getOperationAST(document, operationName)?.operation === 'query';
      const result = isRead ? compileQuery(schema, document, operationName ?? undefined) : null;
      query = result && isCompiledQuery(result) ? result : null;
      byName.set(operationName ?? '', query);
    }
    return query;
  };
  // no closure is made per call: under tsx each one costs a defineProperty of its name
  const settle = (result: ExecutionResult, args: ExecutionArgs, execute: Execute) =>
    result.errors?.length ? execute({ ...args, contextValue: rerunContext(args.contextValue as C) }) : result;
  const withFallback = new WeakMap<Execute, Execute>();
  return (execute) => {
    let run = withFallback.get(execute);
    if (run) return run;
    run = (args) => {
      const query = compiledFor(args);
      if (!query) return execute(args);
      const result = query.query(args.rootValue, args.contextValue, args.variableValues ?? {});
      return result instanceof Promise ? result.then((done) => settle(done, args, execute)) : settle(result, args, execute);
    };
    withFallback.set(execute, run);
    return run;
  };
}

/** The yoga plugin. It must come before the response cache, which wraps the execute it finds. */
export function useCompiledReads<C>(rerunContext: (context: C) => C): Plugin {
  const compiled = compileReads(rerunContext);
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(compiled(executeFn as Execute) as typeof executeFn);
    },
  };
}
