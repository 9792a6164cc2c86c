// coopgraph validate: check every file, reference, quote and logged change; list each problem.

import { InvalidGraphDataError, formatProblem } from '../../errors.js';
import { readData } from '../../write/open-data.js';
import { graphDir, type Command } from '../usage.js';

export const validate: Command = {
  summary: 'check the graph data and list every problem',
  usage: `coopgraph validate [--graph DIR]

Loads the graph folder, checks every file against the ontology, every
reference and every quote, checks each record of the change log (its
checksum, its revision) and replays it, prints each problem as
"file: path: message" and exits 1 if there are any. A last change cut off
by a crash (never acknowledged) is reported as a warning.`,
  options: {},
  async run(args, io) {
    const dir = graphDir(args);
    try {
      const { kg, history, warnings } = readData(dir);
      for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
      const revision = history.at(-1)?.revision ?? 0;
      io.stdout(`ok: ${kg.entityCount} entities, ${kg.relationCount} relations, ${kg.conflicts().length} conflicts, revision ${revision}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof InvalidGraphDataError)) throw error;
      for (const problem of error.problems) io.stdout(`${formatProblem(problem)}\n`);
      io.stderr(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found\n`);
      return 1;
    }
  },
};
