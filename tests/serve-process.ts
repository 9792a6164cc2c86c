// `coopgraph serve` as a child process, for the tests that need a real one
// (signals, crashes, a second process on the same folder).

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/coopgraph.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** the GraphQL endpoint it listens on */
  url: string;
  /** SIGTERM, then its exit code */
  stop(): Promise<number | null>;
}

/** Starts `coopgraph serve` on a free loopback port; resolves once it listens, rejects if it exits first. */
export function startServe(args: string[] = [], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { env: { ...process.env, ...env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /GraphQL at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, stop });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${err}`)));
  });
}
