// coopgraph export: the whole graph as json or ndjson, streamed.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../export/export-graph.js';
import { loadStore } from '../load.js';
import { UsageError, type Command } from '../usage.js';

export const exportCommand: Command = {
  summary: 'write the whole graph (json, ndjson)',
  usage: `coopgraph export [--format json|ndjson] [--out FILE] [--graph DIR]

Writes every entity, relation and conflict with its evidence; to stdout
unless --out is given (the file is replaced atomically).`,
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  async run(args, io) {
    const format = (args.values.format ?? 'json') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new UsageError(`--format: "${String(format)}" is not supported; use one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const kg = loadStore(args);
    const out = args.values.out;
    if (typeof out !== 'string') {
      for (const chunk of exportGraph(kg, format)) io.stdout(chunk);
      return 0;
    }
    // temp file, fsync, rename: a reader never sees half an export
    const temp = `${out}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of exportGraph(kg, format)) writeSync(fd, chunk);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(temp, out);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    io.stderr(`coopgraph: wrote ${kg.entityCount} entities and ${kg.relationCount} relations to ${out}\n`);
    return 0;
  },
};
