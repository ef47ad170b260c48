import { sleep } from './sleep';

/**
 * ProcessTarget is what process faults act on: a pid, an object with a `pid`
 * (ManagedProcess), or one with a `child` (the test helpers' ServiceProcess).
 */
export type ProcessTarget =
  number | { readonly pid?: number } | { readonly child?: { pid?: number } };

/** RestartableProcess can be killed and started again (ManagedProcess, ServiceProcess). */
export interface RestartableProcess {
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<unknown>;
}

/** EXIT_POLL_MS is how often a bare pid is checked for exit. */
const EXIT_POLL_MS = 10;
/** EXIT_WAIT_MS bounds the wait for a killed bare pid. */
const EXIT_WAIT_MS = 10_000;

/** pidOf reads the pid of a target; it throws when the process is not running. */
export function pidOf(target: ProcessTarget): number {
  let pid: number | undefined;
  if (typeof target === 'number') pid = target;
  else if ('pid' in target) pid = target.pid;
  else if ('child' in target) pid = target.child?.pid;
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) {
    throw new Error('process fault: the target has no running process');
  }
  return pid;
}

/** isAlive says whether pid still exists (a zombie counts as alive until reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** pauseProcess stops a process in place (SIGSTOP): it keeps its sockets and answers nothing. */
export function pauseProcess(target: ProcessTarget): void {
  if (typeof target === 'object' && 'pause' in target && typeof target.pause === 'function') {
    (target as { pause(): void }).pause();
    return;
  }
  process.kill(pidOf(target), 'SIGSTOP');
}

/** resumeProcess continues a paused process (SIGCONT). */
export function resumeProcess(target: ProcessTarget): void {
  if (typeof target === 'object' && 'resume' in target && typeof target.resume === 'function') {
    (target as { resume(): void }).resume();
    return;
  }
  process.kill(pidOf(target), 'SIGCONT');
}

/**
 * killProcess sends SIGKILL and resolves once the process is gone. Objects
 * with their own `kill` are asked to do it, so their exit bookkeeping runs;
 * a bare pid is polled until it disappears.
 */
export async function killProcess(target: ProcessTarget | RestartableProcess): Promise<void> {
  if (typeof target === 'object' && 'kill' in target && typeof target.kill === 'function') {
    await target.kill('SIGKILL');
    return;
  }
  const pid = pidOf(target as ProcessTarget);
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + EXIT_WAIT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`pid ${pid} still exists ${EXIT_WAIT_MS} ms after SIGKILL`);
    await sleep(EXIT_POLL_MS);
  }
}

/** crashAndRestart kills a process (SIGKILL), leaves it down for downMs, and starts it again. */
export async function crashAndRestart(
  target: RestartableProcess,
  options: { downMs?: number } = {},
): Promise<void> {
  await target.kill('SIGKILL');
  if (options.downMs) await sleep(options.downMs);
  await target.start();
}

/** pauseFor pauses a process for pausedMs, then resumes it. */
export async function pauseFor(target: ProcessTarget, pausedMs: number): Promise<void> {
  pauseProcess(target);
  try {
    await sleep(pausedMs);
  } finally {
    resumeProcess(target);
  }
}
