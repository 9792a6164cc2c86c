// coopgraph export: the whole graph in one of the export formats, streamed.

import { EXPORT_FORMATS, exportGraph, FORMATS, isExportFormat } from '../../export/export-graph.js';
import { writeFileAtomic } from '../../load/atomic-write.js';
import { loadStore } from '../load.js';
import { UsageError, type Command } from '../usage.js';

export const exportCommand: Command = {
  summary: `write the whole graph (${EXPORT_FORMATS.join(', ')})`,
  usage: `coopgraph export [--format ${EXPORT_FORMATS.join('|')}] [--out FILE] [--graph DIR]

Writes every entity, relation and conflict with its evidence; to stdout
unless --out is given (the file is replaced atomically). Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(8)} ${FORMATS[f].description}`).join('\n')}`,
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  async run(args, io) {
    const format = String(args.values.format ?? 'json');
    if (!isExportFormat(format)) {
      throw new UsageError(`--format: "${String(format)}" is not supported; use one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const kg = loadStore(args, io);
    const out = args.values.out;
    if (typeof out !== 'string') {
      for (const chunk of exportGraph(kg, format)) io.stdout(chunk);
      return 0;
    }
    writeFileAtomic(out, exportGraph(kg, format));
    io.stderr(`coopgraph: wrote ${kg.entityCount} entities and ${kg.relationCount} relations to ${out}\n`);
    return 0;
  },
};
