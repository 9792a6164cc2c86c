// The coopgraph executable as a child process: `coopgraph serve` for the tests
// that need a real one (signals, crashes, a second process on the same folder),
// and any command run to its end with its real exit code.

import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/coopgraph.js', import.meta.url));

export interface CommandResult {
  /** the exit code; null when the process was killed (past `timeout`, or by a signal) */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `coopgraph ARGS` to its end without blocking the test's worker. A test
 * file that ran its commands synchronously held the worker's event loop for as
 * long as they took, and past 60 s vitest's own call to the worker timed out
 * ("Timeout calling onTaskUpdate"), failing the run though every test passed.
 */
export function runCoopgraph(args: string[], options: { env?: Record<string, string>; timeout?: number } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'utf8', timeout: options.timeout ?? 60_000, maxBuffer: 1 << 30, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        // an exit code, or a kill (code null), is a result to check; a process that could not start
        // or whose output overflowed (a string code) is an error
        if (typeof error?.code === 'string') reject(error);
        else resolve({ code: error ? (error.code ?? null) : 0, stdout, stderr });
      },
    );
  });
}

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
