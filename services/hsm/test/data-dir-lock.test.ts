import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir, LOCK_FILE } from '../src/data-dir-lock';
import { tempDir } from '../../../test/helpers/node-process';

/** startTicks reads a live process's start time, as the lock records it. */
function startTicks(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

describe('data dir lock', () => {
  it('records pid and start time, and refuses a dir held by a live process', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(
      `${process.pid} ${startTicks(process.pid)}`,
    );
    release();
    // The parent (the test runner) is alive: a lock naming it, with its start time, holds.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid} ${startTicks(process.ppid)}`);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    // An old-style lock (pid only) of a live process holds too.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}`);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
  });

  it('takes over a lock whose pid now names another process (a container started again)', () => {
    const dir = tempDir();
    // The pid is alive, but it started at another time: not the process that locked.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid} 1`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
  });

  it('takes over a lock of a process that is gone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '999999999 12345');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(
      `${process.pid} ${startTicks(process.pid)}`,
    );
    release();
  });
});
