// A data folder → the graph it holds: the facts files (load/), then every
// change of the change log replayed in order. Opened for writing, the folder
// is locked first, a log cut off by a crash is repaired (its torn tail kept
// in a side file) and the one Writer is returned.

import { ftruncateSync, openSync, closeSync, fsyncSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InvalidGraphDataError } from '../errors.js';
import { loadGraph } from '../load/load-graph.js';
import { KnowledgeGraph } from '../store/knowledge-graph.js';
import { applyEffects, findMismatch } from '../store/changes/effects.js';
import { ChangeLogFile, readChangeLog, type LogRecord, type ReadLog } from './change-log.js';
import { lockDataDir } from './lock.js';
import { Writer } from './writer.js';

export const changeLogPath = (dir: string) => join(dir, 'changes.log');

export interface OpenedData {
  kg: KnowledgeGraph;
  /** every committed change, oldest first */
  history: LogRecord[];
  /** set when opened for writing */
  writer: Writer | null;
  /** what was repaired or dropped on the way, for the operator */
  warnings: string[];
}

export interface OpenOptions {
  /** lock the folder and return its writer */
  write?: boolean;
  /** the time each change is stamped with (default: now) */
  clock?: () => Date;
}

/** Reads a data folder; throws InvalidGraphDataError naming every problem, DataLockedError when another writer holds it. */
export async function openData(dir: string, options: OpenOptions = {}): Promise<OpenedData> {
  const release = options.write ? lockDataDir(dir) : null;
  try {
    const data = readData(dir, { repair: Boolean(release) });
    const writer = release ? new Writer(data.kg, new ChangeLogFile(changeLogPath(dir)), data.history, release, options.clock) : null;
    return { ...data, writer };
  } catch (error) {
    release?.();
    throw error;
  }
}

/**
 * The graph a data folder holds, without locking it: facts files, then the
 * change log replayed. `repair` (only under the lock) cuts a torn tail off.
 */
export function readData(dir: string, { repair = false } = {}): Omit<OpenedData, 'writer'> {
  const path = changeLogPath(dir);
  const shown = relative(process.cwd(), path) || path;
  const kg = KnowledgeGraph.fromData(loadGraph(dir));
  const log = readChangeLog(path, shown);
  replay(kg, log.records, shown);
  const warnings = log.torn ? [tornWarning(shown, log, repair ? repairTail(path, log) : null)] : [];
  return { kg, history: log.records, warnings };
}

/** Applies each change in order, refusing one that does not fit what the graph then holds. */
function replay(kg: KnowledgeGraph, records: readonly LogRecord[], shown: string): void {
  for (const record of records) {
    const mismatch = findMismatch(kg, record.change.effects);
    if (mismatch) {
      throw new InvalidGraphDataError([
        {
          file: shown,
          path: `revision ${record.revision}`,
          message: `${record.change.kind} of ${record.at} does not fit the graph: ${mismatch} is not as the change found it (was a facts file edited after the change was written?)`,
        },
      ]);
    }
    applyEffects(kg, record.change.effects, { reindex: false });
  }
  if (records.length) kg.reindex();
}

/** Keeps the torn bytes in a side file, then cuts the log back to its last complete record. */
function repairTail(path: string, log: ReadLog): string {
  const side = `${path}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  writeFileSync(side, readFileSync(path).subarray(log.validLength), { flag: 'wx' });
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, log.validLength);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return side;
}

function tornWarning(shown: string, log: ReadLog, side: string | null): string {
  const { offset, bytes } = log.torn!;
  const kept = `${log.records.length} complete record${log.records.length === 1 ? '' : 's'} kept`;
  const where = side ? `; the bytes are kept in ${relative(process.cwd(), side) || side} and the log was cut back` : '';
  return `${shown}: dropped an incomplete last record (${bytes} bytes at byte ${offset}), a write cut off before it was acknowledged; ${kept}${where}`;
}
