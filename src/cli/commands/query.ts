// coopgraph query: one GraphQL read, run in process by the executor (the
// server's schema, limits and error masking, without HTTP).

import { readFileSync } from 'node:fs';
import { createExecutor } from '../../api/executor.js';
import { envLimits, loadStore } from '../load.js';
import { UsageError, type Command } from '../usage.js';

export const query: Command = {
  summary: 'run one GraphQL operation and print the result',
  usage: `coopgraph query QUERY [--variables JSON] [--graph DIR]
coopgraph query --file F.graphql [--variables JSON]

Prints the JSON result ({ data, errors }); exits 1 when there are errors.
Reads only: mutations go to a server opened for writing (coopgraph serve).`,
  options: { file: { type: 'string', short: 'f' }, variables: { type: 'string' } },
  async run(args, io) {
    const file = args.values.file;
    if (typeof file === 'string' && args.positionals.length) throw new UsageError('give a QUERY or --file, not both');
    if (typeof file !== 'string' && args.positionals.length !== 1) throw new UsageError('give one QUERY (quoted) or --file F.graphql');
    let text: string;
    try {
      text = typeof file === 'string' ? readFileSync(file, 'utf8') : args.positionals[0]!;
    } catch (error) {
      throw new UsageError(`--file: cannot read ${String(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let variables: unknown;
    if (typeof args.values.variables === 'string') {
      try {
        variables = JSON.parse(args.values.variables);
      } catch (error) {
        throw new UsageError(`--variables: not valid JSON: ${(error as Error).message}`);
      }
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
        throw new UsageError('--variables: expected a JSON object such as {"name": "Vu Tien Dung"}');
      }
    }
    const executor = createExecutor(loadStore(args, io), {
      limits: envLimits(),
      log: (level, details) => io.stderr(`coopgraph query: ${level}: ${details.map(String).join(' ')}\n`),
    });
    const result = await executor.execute({ query: text, variables: variables as Record<string, unknown> | undefined });
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.errors?.length ? 1 : 0;
  },
};
