import { openSync, readFileSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** LOCK_FILE marks a data dir as in use by one running node. */
export const LOCK_FILE = 'node.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
}

/**
 * zombie tells a process that has exited but not been reaped yet (a node
 * killed with SIGKILL whose parent has not waited for it): signal 0 still
 * reaches it, but it holds nothing any more.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * lockDataDir makes sure no other live process serves from dataDir: two
 * nodes writing one journal would corrupt it. A lock left by a process that
 * is gone (a node killed with SIGKILL) is taken over. In a container the new
 * process may get the old pid back; the lock is then its own and is kept.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(`data dir ${dataDir} is in use by process ${holder} (${path})`);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`cannot lock data dir ${dataDir}`);
}
