// The example client, run as a user would, against a server on the seed
// graph: it prints a row per signature, inferred ones with their reason.

import { execFile } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { seedGraph } from '../seed-graph.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/who-signed-which-mou.ts', import.meta.url));

describe('examples/who-signed-which-mou.ts', () => {
  it('prints who signed which MoU, as the graph holds it', async () => {
    const kg = seedGraph();
    const http = createHttpServer(createServer(kg));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', EXAMPLE, url]);
      const lines = stdout.split('\n');
      expect(lines[0]).toMatch(/^MoU\s+signed\s+signatory\s+for\s+how we know$/);
      for (const signature of kg.relations(['SIGNED'])) {
        const person = kg.getEntity(signature.from).name;
        const row = lines.find((line) => line.includes(person));
        expect(row, person).toBeDefined();
        expect(row).toContain(signature.stated ? 'stated' : `inferred: ${signature.inference}`);
      }
      const mous = kg.entities(['Agreement']).filter((a) => a.attributes.agreementType === 'MOU').length;
      expect(stdout).toContain(`\n${mous} MoUs`);
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it('says it cannot reach the server, without a stack trace', async () => {
    // a port nothing listens on any more
    const closed = createHttpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', EXAMPLE, `http://127.0.0.1:${port}/graphql`]).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(new RegExp(`^cannot reach http://127.0.0.1:${port}/graphql: .*ECONNREFUSED`));
    expect((failed as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
