import { writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pidOf, type ProcessTarget } from './process-faults';

/** CHAOS_FILE is what an HSM node reads on SIGUSR2 (services/hsm/src/chaos-hooks.ts). */
export const CHAOS_FILE = 'chaos.json';

/**
 * jumpClock moves a running HSM node's clock: the node's injected clock reads
 * the wall clock plus offsetMs from now on (0 puts it back). The offset is
 * written to `<dataDir>/chaos.json` atomically and the node is told with
 * SIGUSR2. Only the node's own clock moves; the machine's is untouched.
 */
export async function jumpClock(
  dataDir: string,
  target: ProcessTarget,
  offsetMs: number,
): Promise<void> {
  if (!Number.isInteger(offsetMs)) {
    throw new RangeError(`clock offset must be a whole number of milliseconds, got ${offsetMs}`);
  }
  const pid = pidOf(target);
  const file = join(dataDir, CHAOS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ clockOffsetMs: offsetMs }), { mode: 0o600 });
  await rename(tmp, file);
  process.kill(pid, 'SIGUSR2');
}
