// coopgraph import: an export (json or ndjson) → a new graph folder.

import { readFileSync } from 'node:fs';
import { InvalidGraphDataError, formatProblem } from '../../errors.js';
import { importGraph, parseExport } from '../../write/import-graph.js';
import { UsageError, type Command } from '../usage.js';

export const importCommand: Command = {
  summary: 'read an export (json, ndjson) into a new graph folder',
  usage: `coopgraph import FILE --out DIR

Reads a json or ndjson export of another deployment and writes it as a new
graph folder DIR: each article's text in sources/, its facts in facts/,
checked by the same rules as every graph folder; facts entered by hand, and
entities as merges or updates left them, go into DIR/changes.log. Nothing is
written unless the folder loads and exports exactly what FILE holds. Serve it
with \`coopgraph serve --data DIR\`.`,
  options: { out: { type: 'string', short: 'o' } },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('give one export file to import');
    const out = args.values.out;
    if (typeof out !== 'string') throw new UsageError('--out DIR: the new graph folder to write');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      const result = importGraph(parseExport(text, file), out, { file });
      io.stderr(
        `coopgraph: imported ${result.entities} entities, ${result.relations} relations, ${result.conflicts} conflicts from ${result.articles} articles into ${out}` +
          (result.logged ? ` (${result.logged} records in its change log)\n` : '\n'),
      );
      return 0;
    } catch (error) {
      if (!(error instanceof InvalidGraphDataError)) throw error;
      for (const problem of error.problems) io.stdout(`${formatProblem(problem)}\n`);
      io.stderr(`nothing imported: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
      return 1;
    }
  },
};
