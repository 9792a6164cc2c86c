// The change log: every committed write, one line each, appended and synced
// before the graph changes. Each line is `CRC32 JSON`: the checksum of the
// JSON record, as LevelDB checksums each log record. A last line cut off by a
// crash (no newline) was never acknowledged and is dropped with a warning;
// a damaged line anywhere else is refused, naming its line and byte offset
// (Redis's rule for its append-only file).

import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { InvalidGraphDataError, type DataProblem } from '../errors.js';
import { syncDirectory } from '../load/atomic-write.js';
import { CHANGE_KINDS, type Change } from '../store/changes/effects.js';

/** One committed change: its revision, who made it and when. */
export interface LogRecord {
  revision: number;
  /** ISO 8601 date and time */
  at: string;
  by: string;
  change: Change;
}

/** Bytes at the end of the log that no complete record holds. */
export interface TornTail {
  offset: number;
  bytes: number;
}

export interface ReadLog {
  records: LogRecord[];
  /** set when the last record was cut off: it is not replayed */
  torn: TornTail | null;
  /** length of the complete records, where a recovered log is cut */
  validLength: number;
}

const NEWLINE = 0x0a;

export function formatRecord(record: LogRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

const checksum = (json: string) => crc32(json).toString(16).padStart(8, '0');

/** Reads and checks the log at `path` (none yet: no records). */
export function readChangeLog(path: string, shown = path): ReadLog {
  if (!existsSync(path)) return { records: [], torn: null, validLength: 0 };
  const data = readFileSync(path);
  const problems: DataProblem[] = [];
  const records: LogRecord[] = [];
  let offset = 0;
  let line = 0;
  while (offset < data.length) {
    const end = data.indexOf(NEWLINE, offset);
    if (end < 0) break;
    line++;
    const problem = (message: string) => problems.push({ file: shown, path: `line ${line} (byte ${offset})`, message });
    const record = parseLine(data.subarray(offset, end).toString('utf8'), problem);
    if (record) {
      const expected = (records.at(-1)?.revision ?? 0) + 1;
      if (record.revision !== expected) problem(`revision ${record.revision} where ${expected} was expected: a record is missing or repeated`);
      records.push(record);
    }
    offset = end + 1;
  }
  if (problems.length) throw new InvalidGraphDataError(problems);
  const torn = offset < data.length ? { offset, bytes: data.length - offset } : null;
  return { records, torn, validLength: offset };
}

function parseLine(text: string, problem: (message: string) => void): LogRecord | null {
  const match = /^([0-9a-f]{8}) (.*)$/s.exec(text);
  if (!match) {
    problem('not a log record (expected a checksum, a space and a JSON record): the file is damaged');
    return null;
  }
  if (checksum(match[2]!) !== match[1]) {
    problem('the checksum does not match the record: the file is damaged (a flipped bit, or an edit by hand)');
    return null;
  }
  let record: unknown;
  try {
    record = JSON.parse(match[2]!);
  } catch (error) {
    problem(`the record is not JSON: ${(error as Error).message}`);
    return null;
  }
  if (!isLogRecord(record)) {
    problem('the record lacks its revision, time, author or change');
    return null;
  }
  return record;
}

function isLogRecord(value: unknown): value is LogRecord {
  const r = value as Partial<LogRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isInteger(r.revision) &&
    typeof r.at === 'string' &&
    typeof r.by === 'string' &&
    typeof r.change === 'object' &&
    r.change !== null &&
    (CHANGE_KINDS as readonly string[]).includes(r.change.kind) &&
    typeof r.change.effects === 'object'
  );
}

/** An open log that appends records durably: each is synced to disk before `append` returns. */
export class ChangeLogFile {
  private fd: number;

  constructor(readonly path: string) {
    const created = !existsSync(path);
    this.fd = openSync(path, 'a');
    // a new file's name must reach the disk too, or a crash could lose the whole log
    if (created) syncDirectory(dirname(path));
  }

  /**
   * Appends the record and syncs it. A write that fails part way is cut off
   * again, so the next record never follows half a line.
   */
  append(record: LogRecord): void {
    if (this.fd < 0) throw new Error(`the change log ${this.path} is closed`);
    const line = Buffer.from(formatRecord(record));
    const size = fstatSync(this.fd).size;
    try {
      for (let written = 0; written < line.length; ) written += writeSync(this.fd, line, written);
      fsyncSync(this.fd);
    } catch (error) {
      try {
        ftruncateSync(this.fd, size);
        fsyncSync(this.fd);
      } catch {
        // the log cannot be put back: refuse every later write rather than risk a damaged line
        this.close();
      }
      throw error;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
