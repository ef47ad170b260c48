import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { applyOwner, type FileOwner } from './file-owner';

/** PkiFileMode is how a file of the lab's PKI may be read. */
export interface PkiFileMode {
  /** Permission bits, e.g. 0o600 for keys and passwords, 0o644 for certificates. */
  readonly mode: number;
  readonly owner: FileOwner | undefined;
}

/** readIfExists is the file's text, or undefined when there is no such file. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** writeTemporary writes data next to path, synced, with its final mode and owner. */
async function writeTemporary(path: string, data: string, mode: PkiFileMode): Promise<string> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', mode.mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode.mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await applyOwner(temporary, mode.owner);
  return temporary;
}

/**
 * writeNewFile creates path with data unless it exists, in one step (a
 * reader never sees half a file, and two writers never both win). It says
 * whether it wrote the file.
 */
export async function writeNewFile(
  path: string,
  data: string,
  mode: PkiFileMode,
): Promise<boolean> {
  const temporary = await writeTemporary(path, data, mode);
  try {
    await link(temporary, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temporary);
  }
}

/** replaceFile writes path with data in one step, replacing what was there. */
export async function replaceFile(path: string, data: string, mode: PkiFileMode): Promise<void> {
  const temporary = await writeTemporary(path, data, mode);
  try {
    await rename(temporary, path);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}
