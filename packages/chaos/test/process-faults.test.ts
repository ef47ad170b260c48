// Process and clock faults against plain child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHAOS_FILE, isAlive, jumpClock, killProcess, pauseProcess, resumeProcess } from '../src';

/** ROOT holds every scratch directory of this file; it is removed after the tests. */
const ROOT = mkdtempSync(join(tmpdir(), 'hsmlab-chaos-test-'));
const scratch = (prefix: string): string => mkdtempSync(join(ROOT, prefix));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const children: ChildProcess[] = [];

/** child runs a Node script and resolves once it printed its first line. */
async function child(script: string): Promise<{ proc: ChildProcess; lines: string[] }> {
  const proc = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  const lines: string[] = [];
  await new Promise<void>((resolve) =>
    proc.stdout!.on('data', (d: Buffer) => {
      lines.push(...d.toString().trim().split('\n'));
      resolve();
    }),
  );
  return { proc, lines };
}

/** state reads a process's state letter from /proc (T: stopped). */
const state = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0];

/** until polls check (signals arrive asynchronously) and fails after 5 s. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const TICKER = "console.log('up'); setInterval(() => {}, 1000);";

describe('process faults', () => {
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });

  it('pauses and resumes a process by pid', async () => {
    const { proc } = await child(TICKER);
    pauseProcess(proc.pid!);
    await until(() => state(proc.pid!) === 'T');
    resumeProcess(proc.pid!);
    await until(() => state(proc.pid!) !== 'T');
  });

  it('kills a process by pid and waits until it is gone', async () => {
    const { proc } = await child(TICKER);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    await killProcess(proc.pid!);
    await exited;
    expect(isAlive(proc.pid!)).toBe(false);
  });

  it('moves a clock through chaos.json and SIGUSR2', async () => {
    const dir = scratch('clock-');
    const script = `
      process.on('SIGUSR2', () => {
        const raw = require('fs').readFileSync(${JSON.stringify(join(dir, CHAOS_FILE))}, 'utf8');
        console.log('offset ' + JSON.parse(raw).clockOffsetMs);
      });
      console.log('up'); setInterval(() => {}, 1000);`;
    const { proc, lines } = await child(script);
    await jumpClock(dir, proc.pid!, -7200000);
    await until(() => lines.includes('offset -7200000'));
    await expect(jumpClock(dir, proc.pid!, 1.5)).rejects.toThrow(/whole number/);
  });
});
