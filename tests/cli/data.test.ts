// The CLI around writes: tokens, a writing server and its lock, validate
// over the change log, and a damaged log refused before serving.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate, parseTokens } from '../../src/http/tokens.js';
import { changeLogPath } from '../../src/write/open-data.js';
import { runCoopgraph, startServe } from '../serve-process.js';
import { copyOfGraph } from '../write/data-dir.js';


const coopgraph = (args: string[], env: Record<string, string> = {}) => runCoopgraph(args, { env });

describe('coopgraph token', () => {
  it('prints a new token and the line that configures it, holding only its hash', async () => {
    const { code, stdout } = await coopgraph(['token', 'analyst-1', '--role', 'editor']);
    expect(code).toBe(0);
    const token = /^token: (cg_\S+)$/m.exec(stdout)![1]!;
    const line = /^configuration line: (\S+)$/m.exec(stdout)![1]!;
    expect(line).toMatch(/^analyst-1:editor:[0-9a-f]{64}$/);
    expect(line).not.toContain(token.slice(3));
    expect(authenticate(parseTokens(line, 'line'), `Bearer ${token}`)).toEqual({ name: 'analyst-1', role: 'editor', scope: ['write'] });
    expect((await coopgraph(['token', 'analyst-1'])).code).toBe(2);
    expect((await coopgraph(['token', 'analyst-1', '--role', 'root'])).stderr).toMatch(/--role: expected editor or admin, not "root"/);
  });
});

describe('coopgraph serve, writing', () => {
  it('writes with a token into the folder, holds its lock while it runs, and validate then counts the revision', async () => {
    const dir = copyOfGraph();
    const { stdout } = await coopgraph(['token', 'curator', '--role', 'admin']);
    const token = /^token: (\S+)$/m.exec(stdout)![1]!;
    const line = /^configuration line: (\S+)$/m.exec(stdout)![1]!;
    const server = await startServe(['--data', dir], { COOPGRAPH_TOKENS: line });
    try {
      expect(existsSync(join(dir, '.coopgraph.lock'))).toBe(true);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { createEntity(input: { kind: PERSON, name: "Hoang Van C" }) { change { revision by } } }' }),
      });
      expect(await response.json()).toEqual({ data: { createEntity: { change: { revision: 1, by: 'curator' } } } });
      const second = await coopgraph(['serve', '--port', '0', '--data', dir], { COOPGRAPH_TOKENS: line });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/is open for writing by another coopgraph process \(pid \d+/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(join(dir, '.coopgraph.lock'))).toBe(false);
    expect((await coopgraph(['validate', '--data', dir])).stdout).toMatch(/^ok: 59 entities, 128 relations, 1 conflicts, revision 1/);
  });

  it('serves read-only without tokens, taking no lock', async () => {
    const dir = copyOfGraph();
    const server = await startServe(['--data', dir]);
    try {
      expect(existsSync(join(dir, '.coopgraph.lock'))).toBe(false);
      const health = await (await fetch(server.url.replace('/graphql', '/health'))).json();
      expect(health).toMatchObject({ revision: 0, writable: false });
    } finally {
      await server.stop();
    }
  });

  it('refuses to start on a damaged change log, naming the file, the line and the reason', async () => {
    const dir = copyOfGraph();
    const { stdout } = await coopgraph(['token', 'curator', '--role', 'admin']);
    const line = /^configuration line: (\S+)$/m.exec(stdout)![1]!;
    const token = /^token: (\S+)$/m.exec(stdout)![1]!;
    const server = await startServe(['--data', dir], { COOPGRAPH_TOKENS: line });
    for (const name of ['Vu Van D', 'Vu Van E']) {
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `mutation { createEntity(input: { kind: PERSON, name: "${name}" }) { entity { id } } }` }),
      });
    }
    await server.stop();
    const log = readFileSync(changeLogPath(dir));
    log[20] = log[20]! ^ 0x01;
    writeFileSync(changeLogPath(dir), log);
    const refused = await coopgraph(['serve', '--port', '0', '--data', dir], { COOPGRAPH_TOKENS: line });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/changes\.log: line 1 \(byte 0\): the checksum does not match the record: the file is damaged/);
    expect((await coopgraph(['validate', '--data', dir])).code).toBe(1);
  });

  it('refuses a malformed token configuration as a usage error', async () => {
    const result = await coopgraph(['serve', '--port', '0'], { COOPGRAPH_TOKENS: 'curator:admin:not-a-hash' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/COOPGRAPH_TOKENS: entry 1: expected the token's SHA-256 as 64 hex digits/);
  });
});
