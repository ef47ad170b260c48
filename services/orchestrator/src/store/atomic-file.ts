import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** TMP_PREFIX marks half-written files and directories; startup removes them. */
export const TMP_PREFIX = '.tmp-';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAndSync(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * writeFileAtomic replaces path with data so that a crash at any instant
 * leaves either the old file or the new one: write a temporary file in the
 * same directory, fsync it, rename it over path, then fsync the directory so
 * the rename itself is durable.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `${TMP_PREFIX}${basename(path)}-${randomBytes(4).toString('hex')}`);
  try {
    await writeAndSync(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncPath(dir);
}

/**
 * writeDirAtomic creates directory `path` holding `files`, all or nothing:
 * the files are written and fsynced in a temporary sibling directory, which
 * is then renamed to path. path must not exist yet.
 */
export async function writeDirAtomic(
  path: string,
  files: Readonly<Record<string, Uint8Array | string>>,
): Promise<void> {
  const parent = dirname(path);
  const tmp = join(parent, `${TMP_PREFIX}${basename(path)}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp, { recursive: false, mode: 0o700 });
  try {
    for (const [name, data] of Object.entries(files)) await writeAndSync(join(tmp, name), data);
    await fsyncPath(tmp);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  await fsyncPath(parent);
}

/**
 * removeDirDurably deletes a directory so that a crash never leaves it half
 * deleted under its real name: it is first renamed to a temporary name.
 */
export async function removeDirDurably(path: string): Promise<void> {
  const trash = join(dirname(path), `${TMP_PREFIX}trash-${basename(path)}`);
  await rename(path, trash);
  await fsyncPath(dirname(path));
  await rm(trash, { recursive: true, force: true });
}
