// Argument parsing shared by the commands: a wrong argument is a UsageError (exit 2).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** resolves to the exit code */
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** `--graph DIR`, or `--data DIR` (the same: the folder the graph is read from and written to) */
export const GRAPH_OPTION = { graph: { type: 'string' }, data: { type: 'string' } } as const;

/** The project's own graph/ folder, used when --graph is not given. */
export const DEFAULT_GRAPH_DIR = fileURLToPath(new URL('../../graph/', import.meta.url));

export function graphDir(args: ParsedArgs): string {
  const { graph, data } = args.values;
  if (typeof graph === 'string' && typeof data === 'string') throw new UsageError('give --graph or --data (they name the same folder), not both');
  const given = typeof data === 'string' ? data : graph;
  const dir = typeof given === 'string' ? given : DEFAULT_GRAPH_DIR;
  if (!existsSync(dir)) throw new UsageError(`--${typeof data === 'string' ? 'data' : 'graph'}: ${dir} does not exist`);
  return dir;
}

export function parse(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, ...GRAPH_OPTION, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An integer option, or a UsageError quoting the value. */
export function intOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: "${String(raw)}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}
