import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { sleep } from '@hsmlab/chaos';
import { CliError } from '../cli-errors';
import type { LabLayout } from './lab-layout';

/** START_TIMEOUT_MS bounds how long a lab process may take to say it is listening. */
const START_TIMEOUT_MS = 30_000;
/** STOP_TIMEOUT_MS is how long a process gets to stop on SIGTERM before SIGKILL. */
const STOP_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 100;

/** ProcessSpec says how to start one lab process. */
export interface ProcessSpec {
  /** Name in pid and log files: "orchestrator" or an HSM id. */
  name: string;
  /** Script run with this Node binary. */
  main: string;
  args: string[];
  /** The `msg` of the JSON log line that says it is serving (it carries `address`). */
  readyMessage: string;
}

/**
 * ProcessState is what the lab knows of one process: `running` with its
 * pid, `stopped` (no pid file: never started, or stopped by `lab down`), or
 * `crashed` (a pid file whose process is gone: it died without `lab down`).
 */
export type ProcessState =
  { state: 'running'; pid: number } | { state: 'stopped' } | { state: 'crashed'; pid: number };

/**
 * startProcess starts a lab process detached from this one (its own
 * process group, output appended to its log file), records its pid, and
 * resolves with the address from its "listening" log line. A process that
 * exits or stays silent fails the start with the tail of its log.
 */
export async function startProcess(
  layout: LabLayout,
  spec: ProcessSpec,
): Promise<{ pid: number; address: string }> {
  await mkdir(layout.runDir, { recursive: true });
  await mkdir(layout.logsDir, { recursive: true });
  const logFile = layout.logFile(spec.name);
  const offset = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, 'a', 0o600);
  let exit: string | undefined;
  const child = spawn(process.execPath, [spec.main, ...spec.args], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, HSMLAB_LOG_LEVEL: process.env.HSMLAB_LOG_LEVEL ?? 'info' },
  });
  closeSync(fd);
  child.once('exit', (code, signal) => {
    exit = signal === null ? `exit code ${code}` : `signal ${signal}`;
  });
  child.once('error', (err) => {
    exit = err.message;
  });
  if (child.pid === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    throw new CliError(`could not start ${spec.name}: ${exit ?? 'no pid'}`);
  }
  const pid = child.pid;
  await writeFile(layout.pidFile(spec.name), `${pid}\n`);

  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      const address = readyAddress(logFile, offset, spec.readyMessage);
      if (address !== undefined) return { pid, address };
      if (exit !== undefined) {
        await rm(layout.pidFile(spec.name), { force: true });
        throw new CliError(
          `${spec.name} stopped while starting (${exit}):\n${logTail(logFile, offset)}`,
        );
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        await rm(layout.pidFile(spec.name), { force: true });
        throw new CliError(
          `${spec.name} did not start within ${START_TIMEOUT_MS} ms:\n${logTail(logFile, offset)}`,
        );
      }
      await sleep(POLL_INTERVAL_MS);
    }
  } finally {
    // The lab outlives this command: nothing here waits for the child.
    child.unref();
  }
}

function readyAddress(logFile: string, offset: number, readyMessage: string): string | undefined {
  const text = readFileSync(logFile).subarray(offset).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const record = JSON.parse(line) as { msg?: string; address?: string };
      if (record.msg === readyMessage && typeof record.address === 'string') return record.address;
    } catch {
      // A line still being written, or not a log record.
    }
  }
  return undefined;
}

/** logTail is the last lines a process wrote since `offset`, for error messages. */
export function logTail(logFile: string, offset = 0, lines = 8): string {
  if (!existsSync(logFile)) return '(no log)';
  const text = readFileSync(logFile).subarray(offset).toString('utf8').trimEnd();
  return text
    .split('\n')
    .slice(-lines)
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * processState reads a process's pid file and checks the pid is alive and
 * still one of this lab's processes (its command line names the lab
 * directory), so a reused pid is never taken for a lab process.
 */
export async function processState(layout: LabLayout, name: string): Promise<ProcessState> {
  let text: string;
  try {
    text = await readFile(layout.pidFile(name), 'utf8');
  } catch {
    return { state: 'stopped' };
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { state: 'stopped' };
  return isLabProcess(layout, pid) ? { state: 'running', pid } : { state: 'crashed', pid };
}

function isLabProcess(layout: LabLayout, pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: alive but another user's, so not a lab process either.
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true; // No procfs (macOS): trust the live pid.
  // A zombie (exited, not yet reaped) has an empty command line: it is gone.
  try {
    return readFileSync(cmdline, 'utf8').includes(layout.dir);
  } catch {
    return false;
  }
}

/**
 * stopProcess stops a running lab process: SIGTERM, then SIGKILL after
 * STOP_TIMEOUT_MS. It removes the pid file and says what it did.
 */
export async function stopProcess(
  layout: LabLayout,
  name: string,
): Promise<'stopped' | 'killed' | 'not running'> {
  const current = await processState(layout, name);
  await rm(layout.pidFile(name), { force: true }).catch(() => undefined);
  if (current.state !== 'running') return 'not running';
  process.kill(current.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isLabProcess(layout, current.pid)) return 'stopped';
    await sleep(POLL_INTERVAL_MS);
  }
  process.kill(current.pid, 'SIGKILL');
  return 'killed';
}
