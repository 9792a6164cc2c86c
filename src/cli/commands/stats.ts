// coopgraph stats: counts by kind and by relation type.

import { graphStats } from '../../store/queries/stats.js';
import { loadStore } from '../load.js';
import type { Command } from '../usage.js';

export const stats: Command = {
  summary: 'count entities by kind and relations by type',
  usage: `coopgraph stats [--json] [--graph DIR]`,
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const s = graphStats(loadStore(args, io));
    if (args.values.json) {
      io.stdout(`${JSON.stringify(s, null, 2)}\n`);
      return 0;
    }
    const rows = [
      `entities   ${s.entities}`,
      ...s.byKind.filter((k) => k.count).map((k) => `  ${k.kind.padEnd(20)} ${k.count}`),
      `relations  ${s.relations} (${s.inferredRelations} inferred)`,
      ...s.byType.filter((t) => t.count).map((t) => `  ${t.type.padEnd(20)} ${t.count}`),
      `conflicts  ${s.conflicts}`,
    ];
    io.stdout(`${rows.join('\n')}\n`);
    return 0;
  },
};
