import { openSync, readFileSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** LOCK_FILE marks a data dir as in use by one running node. */
export const LOCK_FILE = 'node.lock';

/** ProcStat is what the lock needs from /proc/<pid>/stat. */
interface ProcStat {
  /** R, S, D, Z, X, ... */
  state: string;
  /** When the process started, in clock ticks since boot: with the pid, it names one process. */
  startTicks: string;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTicks: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * holds tells whether the process the lock names still runs: it answers
 * signal 0, is not a zombie (a node killed with SIGKILL whose parent has not
 * waited for it yet holds nothing), and, when the lock recorded it, started
 * when the holder did. The start time matters in containers: a container
 * started again has a new pid namespace where the old pid may belong to some
 * other process, which must not keep the data dir locked for ever.
 */
function holds(pid: number, startTicks: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (stat === undefined) return true; // no /proc: signal 0 is all there is
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return startTicks === undefined || startTicks === stat.startTicks;
}

/**
 * lockDataDir makes sure no other live process serves from dataDir: two
 * nodes writing one journal would corrupt it. The lock file holds the pid
 * and start time of the node that holds it; a lock whose process is gone (a
 * node killed with SIGKILL, or one in an earlier run of its container) is
 * taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const self = procStat(process.pid);
  const record = self === undefined ? String(process.pid) : `${process.pid} ${self.startTicks}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, record);
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
      const [pidText, startTicks] = readFileSync(path, 'utf8').trim().split(' ');
      const holder = Number(pidText);
      if (
        Number.isInteger(holder) &&
        holder > 0 &&
        holder !== process.pid &&
        holds(holder, startTicks)
      ) {
        throw new Error(`data dir ${dataDir} is in use by process ${holder} (${path})`);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`cannot lock data dir ${dataDir}`);
}
