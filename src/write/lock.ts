// One writer per data folder: a lock (proper-lockfile: an atomic mkdir whose
// time is refreshed while held). After a crash the lock goes stale within
// seconds, and the process restarted in its place waits that long for it.

import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { DataLockedError } from '../errors.js';

/** ms after which a lock nobody refreshes is taken to be left by a crash */
const STALE_MS = 3_000;

export const lockPath = (dir: string) => join(dir, '.coopgraph.lock');

/** Takes the data folder's lock, waiting out a stale one; resolves to its release. */
export async function lockDataDir(dir: string, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      lockfilePath: lockPath(dir),
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 3,
      // long enough to outlast a lock left by a crash, short enough to report a live holder
      retries: { retries: 6, factor: 1, minTimeout: 800, maxTimeout: 800 },
      onCompromised,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataLockedError(`${dir} is open for writing by another coopgraph process (its lock is ${lockPath(dir)}); stop that process first`);
    }
    throw error;
  }
}
