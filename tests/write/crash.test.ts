// Crashes: a server process taking a stream of concurrent writes is killed
// with SIGKILL, restarted on the same folder, and must hold every write it
// acknowledged, nothing half-written, and pass `coopgraph validate`;
// repeated at several kill points.

import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tokenLine } from '../../src/http/tokens.js';
import { readData } from '../../src/write/open-data.js';
import { runCoopgraph, startServe } from '../serve-process.js';
import { copyOfGraph } from './data-dir.js';

const TOKEN = 'cg_crash-test-token';
const AGENCY = 'police-agency:lang-son-provincial-police-department';
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts `coopgraph serve` on the folder with the test's admin token. */
async function serve(dir: string) {
  const server = await startServe(['--data', dir], { COOPGRAPH_TOKENS: tokenLine('crash', 'admin', TOKEN) });
  children.add(server.child);
  return server;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any> | null; errors?: unknown[] };
}

const CREATE = 'mutation ($name: String!) { createEntity(input: { kind: PERSON, name: $name, attributes: { rank: "Major" } }) { entity { id } } }';
const RELATE = `mutation ($id: ID!) { createRelation(input: { type: HOLDS_POSITION, from: $id, to: "${AGENCY}", properties: { title: "Deputy Director" } }) { relation { id } } }`;
const UPDATE = 'mutation ($id: ID!) { updateEntity(id: $id, input: { attributes: { rank: "Colonel" } }) { entity { id } } }';

interface Acknowledged {
  entities: Set<string>;
  relations: Set<string>;
  colonels: Set<string>;
}

/** Writers that keep writing (create, relate, promote) until the server stops answering. */
async function writeUntilKilled(url: string, round: number, workers: number, acked: Acknowledged): Promise<void> {
  const worker = async (w: number) => {
    for (let i = 0; ; i++) {
      try {
        const name = `Crash Officer ${round} ${w} ${i}`;
        const created = await graphql(url, CREATE, { name });
        if (!created.data?.createEntity) return;
        const id = created.data.createEntity.entity.id as string;
        acked.entities.add(id);
        const related = await graphql(url, RELATE, { id });
        if (!related.data?.createRelation) return;
        acked.relations.add(related.data.createRelation.relation.id);
        const promoted = await graphql(url, UPDATE, { id });
        if (!promoted.data?.updateEntity) return;
        acked.colonels.add(id);
      } catch {
        return; // the connection died with the server: whatever was not answered was not acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
}

describe('a server killed in the middle of writes', () => {
  it('keeps every acknowledged write and nothing half-written, at several kill points', async () => {
    const dir = copyOfGraph();
    const acked: Acknowledged = { entities: new Set(), relations: new Set(), colonels: new Set() };
    const killAfterMs = [150, 400, 900, 60];
    for (const [round, delay] of killAfterMs.entries()) {
      const { child, url } = await serve(dir);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const writing = writeUntilKilled(url, round, 8, acked);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      await writing;
      children.delete(child);

      const validate = await runCoopgraph(['validate', '--data', dir]);
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);

      // the folder as the next process reads it: every acknowledged write present ...
      const { kg, history } = readData(dir);
      for (const id of acked.entities) expect(kg.hasEntity(id), id).toBe(true);
      for (const id of acked.relations) expect(kg.findRelation(id), id).not.toBeNull();
      for (const id of acked.colonels) expect(kg.findEntity(id)?.attributes.rank, id).toBe('Colonel');
      // ... and nothing else than whole changes: each officer as created, related or promoted by a logged change
      const logged = new Set(history.flatMap((r) => r.change.ids));
      const officers = kg.entities(['Person']).filter((e) => e.name.startsWith('Crash Officer'));
      for (const officer of officers) {
        expect(logged.has(officer.id)).toBe(true);
        expect(officer.attributes.rank === 'Major' || officer.attributes.rank === 'Colonel').toBe(true);
      }
      expect(history.map((r) => r.revision)).toEqual(history.map((_, i) => i + 1));
    }
    expect(acked.entities.size).toBeGreaterThan(20);

    // restarted once more, the server serves exactly what the folder holds
    const { url, stop } = await serve(dir);
    const served = await graphql(url, '{ stats { entities relations } changes(since: 0, first: 1) { revision } }');
    const { kg, history } = readData(dir);
    expect(served.data).toEqual({
      stats: { entities: kg.entityCount, relations: kg.relationCount },
      changes: { revision: history.length },
    });
    expect(await stop()).toBe(0);
  }, 120_000);
});
