// coopgraph CLI: argv → one command → exit code (0 ok, 1 failure, 2 usage).

import { CoopgraphError, InvalidGraphDataError, formatProblem } from '../errors.js';
import { evalCommand } from './commands/eval.js';
import { exportCommand } from './commands/export.js';
import { generate } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { ingest } from './commands/ingest.js';
import { query } from './commands/query.js';
import { serve } from './commands/serve.js';
import { stats } from './commands/stats.js';
import { token } from './commands/token.js';
import { validate } from './commands/validate.js';
import { parse, UsageError, type Command, type Io } from './usage.js';

const COMMANDS: Record<string, Command> = { serve, query, export: exportCommand, validate, stats, ingest, import: importCommand, eval: evalCommand, token, generate };

const HELP = `coopgraph: a knowledge graph of law-enforcement cooperation, served over GraphQL

Usage: coopgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Every command takes --graph DIR or --data DIR (the same; default: the project's
graph/) and --help.
`;

/** Runs the CLI; returns the exit code instead of exiting, for tests. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`coopgraph: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    const args = parse(command, rest);
    if (args.values.help) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`coopgraph ${name}: ${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof InvalidGraphDataError) {
      io.stderr(`coopgraph ${name}: the graph data has problems (run coopgraph validate):\n${error.problems.map(formatProblem).join('\n')}\n`);
      return 1;
    }
    if (error instanceof CoopgraphError) {
      io.stderr(`coopgraph ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`coopgraph ${name}: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}
