// The one writer: a change is durable before the graph changes; a refused or
// failed write leaves the graph and the log as they were.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ForbiddenError } from '../../src/errors.js';
import type { Actor } from '../../src/store/changes/checks.js';
import { planCreateEntity } from '../../src/store/changes/create-entity.js';
import type { KnowledgeGraph } from '../../src/store/knowledge-graph.js';
import { ChangeLogFile, readChangeLog, type LogRecord } from '../../src/write/change-log.js';
import { changeLogPath, openData } from '../../src/write/open-data.js';
import { Writer } from '../../src/write/writer.js';
import { seedGraph } from '../seed-graph.js';
import { copyOfGraph, snapshot } from './data-dir.js';

/** The plan of creating a person of this name. */
const create = (name: string) => (kg: KnowledgeGraph, actor: Actor) => planCreateEntity(kg, { kind: 'Person', name }, actor);

describe('Writer', () => {
  it('appends the change to the log before it changes the graph, and tells the listeners after', async () => {
    const dir = copyOfGraph();
    const { writer, kg } = await openData(dir, { write: true });
    const seen: { revision: number; inGraph: boolean; onDisk: number }[] = [];
    writer!.onCommit((record) => seen.push({ revision: record.revision, inGraph: kg.hasEntity('person:pham-van-f'), onDisk: readChangeLog(changeLogPath(dir)).records.length }));
    const record = writer!.commit('ed', create('Pham Van F'));
    expect(record).toMatchObject({ revision: 1, by: 'ed', change: { kind: 'CREATE_ENTITY', ids: ['person:pham-van-f'] } });
    expect(seen).toEqual([{ revision: 1, inGraph: true, onDisk: 1 }]);
    writer!.close();
  });

  it('writes nothing when the plan is refused', async () => {
    const dir = copyOfGraph();
    const { writer, kg } = await openData(dir, { write: true });
    writer!.commit('ed', create('Pham Van F'));
    const before = snapshot(kg);
    const size = statSync(changeLogPath(dir)).size;
    expect(() => writer!.commit('ed', create('Pham Van F'))).toThrow(AlreadyExistsError);
    expect(snapshot(kg)).toBe(before);
    expect(statSync(changeLogPath(dir)).size).toBe(size);
    expect(writer!.revision).toBe(1);
    writer!.close();
  });

  it('leaves the graph as it was when the disk refuses the write, and refuses later writes', () => {
    if (!existsSync('/dev/full')) return; // Linux's always-full device stands for a full disk
    const kg = seedGraph();
    const before = snapshot(kg);
    const history: LogRecord[] = [];
    const writer = new Writer(kg, new ChangeLogFile('/dev/full'), history);
    expect(() => writer.commit('ed', create('Pham Van G'))).toThrow(/ENOSPC|no space/i);
    expect(snapshot(kg)).toBe(before);
    expect(history).toEqual([]);
    // the log could not be put back (a device cannot be truncated): no later write may follow half a line
    expect(() => writer.commit('ed', create('Pham Van H'))).toThrow(/closed/);
  });

  it('refuses writes once closed, and releases the folder', async () => {
    const dir = copyOfGraph();
    const { writer } = await openData(dir, { write: true });
    writer!.close();
    expect(() => writer!.commit('ed', create('Pham Van F'))).toThrow(ForbiddenError);
    expect(readFileSync(changeLogPath(dir), 'utf8')).toBe('');
    const again = await openData(dir, { write: true });
    again.writer!.close();
  });
});
