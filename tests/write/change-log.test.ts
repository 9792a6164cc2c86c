// The change log's format: each record checksummed; a torn last record is
// dropped and said, a damaged one anywhere is refused with its place named.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidGraphDataError } from '../../src/errors.js';
import { ChangeLogFile, formatRecord, readChangeLog, type LogRecord } from '../../src/write/change-log.js';
import { copyOfGraph } from './data-dir.js';

const record = (revision: number, name = `Person ${revision}`): LogRecord => ({
  revision,
  at: `2026-11-23T08:00:0${revision % 10}.000Z`,
  by: 'curator',
  change: {
    kind: 'CREATE_ENTITY',
    ids: [`person:p${revision}`],
    effects: {
      entities: [{ id: `person:p${revision}`, before: null, after: { id: `person:p${revision}`, kind: 'Person', name, aliases: [], attributes: {}, stated: true, evidence: [] } }],
      relations: [],
      conflicts: [],
      redirects: [],
    },
  },
});

/** A log of `n` records written by ChangeLogFile; its path and bytes. */
function logOf(n: number): { path: string; bytes: Buffer } {
  const path = join(copyOfGraph(), 'changes.log');
  const log = new ChangeLogFile(path);
  for (let i = 1; i <= n; i++) log.append(record(i, i === 2 ? 'Nguyễn Trung Thức' : undefined));
  log.close();
  return { path, bytes: readFileSync(path) };
}

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidGraphDataError);
    return (error as InvalidGraphDataError).problems;
  }
  throw new Error('expected the log to be refused');
};

describe('the change log', () => {
  it('reads back every record appended, in order', () => {
    const { path } = logOf(3);
    const read = readChangeLog(path);
    expect(read.records).toEqual([record(1), record(2, 'Nguyễn Trung Thức'), record(3)]);
    expect(read.torn).toBeNull();
  });

  it('is one "CRC32 JSON" line a record', () => {
    const { bytes } = logOf(2);
    const lines = bytes.toString('utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    for (const line of lines.slice(0, 2)) expect(line).toMatch(/^[0-9a-f]{8} \{"revision":\d/);
  });

  it('has no records when there is no file yet', () => {
    expect(readChangeLog(join(copyOfGraph(), 'changes.log'))).toEqual({ records: [], torn: null, validLength: 0 });
  });

  it('keeps the complete records and drops the last one cut at any byte, saying where', () => {
    const { path, bytes } = logOf(3);
    const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    for (let cut = lastStart; cut < bytes.length; cut++) {
      writeFileSync(path, bytes.subarray(0, cut));
      const read = readChangeLog(path);
      expect(read.records.map((r) => r.revision)).toEqual([1, 2]);
      expect(read.validLength).toBe(lastStart);
      expect(read.torn).toEqual(cut === lastStart ? null : { offset: lastStart, bytes: cut - lastStart });
    }
  });

  it('refuses a single flipped bit in any record but the torn tail, naming the line and byte', () => {
    const { path, bytes } = logOf(3);
    const secondStart = bytes.indexOf(0x0a) + 1;
    const secondEnd = bytes.indexOf(0x0a, secondStart);
    // every byte of the second record, one bit each: the checksum or the record is damaged
    for (let at = secondStart; at < secondEnd; at++) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ (1 << (at % 8));
      if (damaged[at] === 0x0a) continue; // a new line splits the record in two; still refused below
      writeFileSync(path, damaged);
      const problems = problemsOf(() => readChangeLog(path, 'changes.log'));
      expect(problems[0]).toMatchObject({ file: 'changes.log', path: `line 2 (byte ${secondStart})` });
      expect(problems[0]!.message).toMatch(/damaged|not JSON|lacks/);
    }
  });

  it('refuses a record inserted, repeated or taken out', () => {
    const { path, bytes } = logOf(3);
    const lines = bytes.toString('utf8').split('\n');
    writeFileSync(path, [lines[0], lines[2], ''].join('\n'));
    expect(problemsOf(() => readChangeLog(path))[0]!.message).toMatch(/revision 3 where 2 was expected/);
    writeFileSync(path, [lines[0], lines[1], lines[1], lines[2], ''].join('\n'));
    expect(problemsOf(() => readChangeLog(path))[0]!.message).toMatch(/revision 2 where 3 was expected/);
  });

  it('refuses a record with a valid checksum that is not a change', () => {
    const { path } = logOf(1);
    const bogus = formatRecord({ ...record(2), change: { kind: 'DROP_EVERYTHING' } } as unknown as LogRecord);
    appendFileSync(path, bogus);
    expect(problemsOf(() => readChangeLog(path))[0]).toMatchObject({ path: expect.stringMatching(/^line 2/), message: expect.stringMatching(/lacks/) });
  });

  it('refuses a blank line in the middle', () => {
    const { path, bytes } = logOf(2);
    const first = bytes.indexOf(0x0a) + 1;
    writeFileSync(path, Buffer.concat([bytes.subarray(0, first), Buffer.from('\n'), bytes.subarray(first)]));
    expect(problemsOf(() => readChangeLog(path))[0]!.path).toBe(`line 2 (byte ${first})`);
  });
});
