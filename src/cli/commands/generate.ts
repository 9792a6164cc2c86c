// coopgraph generate: a synthetic graph folder, for benchmarks and scale tests.

import { existsSync, readdirSync } from 'node:fs';
import { GENERATE_RANGE, generateGraph } from '../../generate/generate-graph.js';
import { intOption, UsageError, type Command } from '../usage.js';

export const generate: Command = {
  summary: 'write a synthetic graph (for benchmarks)',
  usage: `coopgraph generate --entities N --seed S --out DIR

Writes a synthetic graph folder (facts/*.json and sources/*.txt, the graph/
format) of about N entities (${GENERATE_RANGE.min.toLocaleString('en')} to ${GENERATE_RANGE.max.toLocaleString('en')}) and five relations each:
the ontology's kinds, agencies with heavy-tailed degrees, quotes shared by
several facts. The same seed gives the same files. DIR must be empty or new.`,
  options: { entities: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const entities = intOption(args, 'entities', GENERATE_RANGE.min, GENERATE_RANGE.max);
    const seed = intOption(args, 'seed', 0, 0xffffffff) ?? 1;
    const out = args.values.out;
    if (entities === undefined) throw new UsageError('give --entities N');
    if (typeof out !== 'string') throw new UsageError('give --out DIR');
    if (existsSync(out) && readdirSync(out).length) throw new UsageError(`--out: ${out} is not empty`);
    const started = performance.now();
    const stats = generateGraph(out, { entities, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout(`${out}: ${stats.entities} entities, ${stats.relations} relations in ${stats.articles} articles; the busiest agency has ${stats.maxAgencyDegree} relations (${seconds} s)\n`);
    return 0;
  },
};
