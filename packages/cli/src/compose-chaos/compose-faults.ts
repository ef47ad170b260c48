import { existsSync } from 'node:fs';
import { chown, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHAOS_FILE,
  injectStorageFault,
  type StorageFaultKind,
  type StorageFaultReport,
} from '@hsmlab/chaos';
import { CliError } from '../cli-errors';
import { docker, refresh, type ComposeContainer } from './compose-target';

/**
 * Process, clock and storage faults on containers of the compose lab,
 * through the docker CLI. The lab's services have `restart: unless-stopped`;
 * Docker counts `docker kill` as a manual stop (checked on Docker 20.10), so
 * a killed node stays down until started again.
 */

/** LOCK_FILE is the node's data-dir lock (services/hsm/src/data-dir-lock.ts). */
const LOCK_FILE = 'node.lock';

/** killContainer sends SIGKILL to the container's processes (`docker kill -s KILL`). */
export async function killContainer(container: ComposeContainer): Promise<void> {
  await docker(['kill', '-s', 'KILL', container.name]);
}

/**
 * clearStaleLock removes the data-dir lock a killed HSM node left in its
 * volume, once its container has stopped. The node itself takes over a lock
 * whose pid names another process in the container's new pid namespace (the
 * lock records the holder's start time too); this only spares it the check,
 * and keeps images built before that fix from a restart loop. Best effort:
 * without access to the volume (no root) the lock stays and the node decides.
 */
export async function clearStaleLock(container: ComposeContainer): Promise<void> {
  if (container.role !== 'hsm' || container.dataHostPath === undefined) return;
  const current = await refresh(container);
  if (current.status === 'running' || current.status === 'paused') return;
  await rm(join(container.dataHostPath, LOCK_FILE), { force: true }).catch(() => undefined);
}

/** startContainer starts a stopped container (stale HSM lock cleared) and returns it as it runs. */
export async function startContainer(container: ComposeContainer): Promise<ComposeContainer> {
  await clearStaleLock(container);
  await docker(['start', container.name]);
  return refresh(container);
}

/**
 * restartContainer stops a container (SIGTERM, then SIGKILL after its grace
 * period) and starts it again; a stopped one is just started.
 */
export async function restartContainer(container: ComposeContainer): Promise<ComposeContainer> {
  await docker(['stop', container.name]);
  return startContainer(container);
}

/** pauseContainer freezes a container's processes (cgroup freezer, `docker pause`). */
export async function pauseContainer(container: ComposeContainer): Promise<void> {
  await docker(['pause', container.name]);
}

/** unpauseContainer thaws a paused container. */
export async function unpauseContainer(container: ComposeContainer): Promise<void> {
  await docker(['unpause', container.name]);
}

/** hostDataDir is the host path of the volume mounted on the service's data directory. */
export function hostDataDir(container: ComposeContainer): string {
  const path = container.dataHostPath;
  if (path === undefined) {
    throw new CliError(
      `${container.service} has no volume mounted on its data directory (${container.dataDir ?? 'unknown'})`,
    );
  }
  if (!existsSync(path)) {
    throw new CliError(
      `${container.service}'s data volume is at ${path} on the Docker host, which is not this machine (or not readable here): --compose clock and storage faults need a local engine and root`,
    );
  }
  return path;
}

/** explainWriteError says why a file of a container's volume could not be changed. */
function explainWriteError(err: unknown, path: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new CliError(
      `cannot write ${path} (${code}): --compose clock and storage faults write into the container's volume, which needs root`,
      { cause: err },
    );
  }
  return err as Error;
}

/**
 * jumpContainerClock moves a running HSM container's clock: `chaos.json`
 * goes into its data volume (atomically, owned by the node's user, as the
 * node reads it) and the container gets SIGUSR2, which its init forwards to
 * the node (services/hsm/src/chaos-hooks.ts).
 */
export async function jumpContainerClock(
  container: ComposeContainer,
  offsetMs: number,
): Promise<string> {
  const dir = hostDataDir(container);
  const file = join(dir, CHAOS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const owner = await stat(dir);
    await writeFile(tmp, JSON.stringify({ clockOffsetMs: offsetMs }), { mode: 0o600 });
    await chown(tmp, owner.uid, owner.gid);
    await rename(tmp, file);
  } catch (err) {
    throw explainWriteError(err, file);
  }
  await docker(['kill', '-s', 'USR2', container.name]);
  return file;
}

/**
 * damageContainerJournal crashes an HSM container (SIGKILL: a clean stop
 * would snapshot the store and empty the journal, leaving nothing to
 * damage), damages its journal on the host side of its data volume, gives
 * the file back to the node's user, and starts the container again (also
 * when the damage failed). The lock the node left behind names a pid of the
 * container's own pid namespace, which means nothing on the host (and the
 * toolkit would check it against host pids): it goes first.
 */
export async function damageContainerJournal(
  container: ComposeContainer,
  kind: StorageFaultKind,
): Promise<{ report: StorageFaultReport; restarted: ComposeContainer }> {
  const dir = hostDataDir(container);
  if (container.pid > 0) await killContainer(container);
  let report: StorageFaultReport;
  let restarted: ComposeContainer;
  try {
    try {
      await clearStaleLock(container);
      const owner = await stat(dir);
      report = await injectStorageFault(dir, kind);
      await chown(report.file, owner.uid, owner.gid);
    } catch (err) {
      throw explainWriteError(err, dir);
    }
  } finally {
    restarted = await startContainer(container);
  }
  return { report, restarted };
}
