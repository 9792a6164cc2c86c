// One writer per data folder: a lock file created exclusively, holding the
// writer's pid (as PostgreSQL's postmaster.pid). A lock whose process is gone
// was left by a crash and is taken over at once. A lock refreshed on a timer
// (proper-lockfile) was tried and left: it goes stale whenever the writer's
// event loop is busy longer than its period (loading a large graph, a long
// synchronous write), letting a second writer in while the first still runs.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataLockedError } from '../errors.js';

export const lockPath = (dir: string) => join(dir, '.coopgraph.lock');

/** Takes the data folder's lock; returns its release. Throws DataLockedError while a live process holds it. */
export function lockDataDir(dir: string): () => void {
  const path = lockPath(dir);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      const release = () => {
        if (held) rmSync(path, { force: true });
        held = false;
        process.off('exit', release);
      };
      // a clean exit leaves no lock behind; a crash does, and the next writer takes it over
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(error, dir, path);
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (isAlive(holder)) {
        throw new DataLockedError(`${dir} is open for writing by another coopgraph process (pid ${holder}, lock ${path}); stop that process first`);
      }
      // left by a process that is gone: take it over
      rmSync(path, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(error: unknown, dir: string, path: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    return new DataLockedError(`${dir} is open for writing by another coopgraph process (lock ${path}); stop that process first`);
  }
  return error as Error;
}
