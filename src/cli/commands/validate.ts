// coopgraph validate: check every file, reference and quote; list each problem.

import { InvalidGraphDataError, formatProblem } from '../../errors.js';
import { loadGraph } from '../../load/load-graph.js';
import { graphDir, type Command } from '../usage.js';

export const validate: Command = {
  summary: 'check the graph data and list every problem',
  usage: `coopgraph validate [--graph DIR]

Loads the graph folder, checks every file against the ontology, every
reference and every quote, prints each problem as "file: path: message"
and exits 1 if there are any.`,
  options: {},
  async run(args, io) {
    const dir = graphDir(args);
    try {
      const data = loadGraph(dir);
      io.stdout(`ok: ${data.entities.length} entities, ${data.relations.length} relations, ${data.conflicts.length} conflicts\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof InvalidGraphDataError)) throw error;
      for (const problem of error.problems) io.stdout(`${formatProblem(problem)}\n`);
      io.stderr(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found\n`);
      return 1;
    }
  },
};
