import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileHandle } from 'node:fs/promises';

/** DATA_FILE_MODE is the mode of every file the store makes: owner only. */
export const DATA_FILE_MODE = 0o600;

/** fsyncDir makes a directory's entries (created, renamed files) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** writeAll writes every byte of data at position, looping over short writes. */
export async function writeAll(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * writeFileAtomic replaces path with data so that a crash at any instant
 * leaves either the old content or the new one, never a mix: it writes
 * `<path>.tmp`, syncs it, renames it over path and syncs the directory.
 * NB: the tmp name is fixed, so there must be one writer per path at a time;
 * every caller in the store serialises its own writes.
 */
export async function writeFileAtomic(path: string, data: Buffer, fsync = true): Promise<void> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w', DATA_FILE_MODE);
  try {
    // The tmp file may be left over from a crash with another mode.
    await handle.chmod(DATA_FILE_MODE);
    await writeAll(handle, data, 0);
    if (fsync) await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  if (fsync) await fsyncDir(dirname(path));
}

/**
 * createFileExclusive makes path with data only if nothing is there yet, and
 * never leaves a partly written file at path: the bytes go to a private tmp
 * file that is then hard-linked into place. Returns false when path existed.
 */
export async function createFileExclusive(path: string, data: Buffer): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', DATA_FILE_MODE);
  try {
    await writeAll(handle, data, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp);
    await fsyncDir(dirname(path));
  }
}

/** isNotFound tells whether err is a missing-file error. */
export function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
