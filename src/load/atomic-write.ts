// Replacing a file so that a reader (or a crash) never sees half of it:
// temp file in the same folder, fsync, rename, fsync of the folder.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes the chunks to `path` atomically; on failure nothing is left behind. */
export function writeFileAtomic(path: string, chunks: Iterable<string>): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined = openSync(temp, 'wx');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  // rename alone is atomic but not durable: the folder's entry must reach the disk too
  syncDirectory(dirname(path));
}

/** Makes a folder's entries (a new or renamed file's name) durable. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
