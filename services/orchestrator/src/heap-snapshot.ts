import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { Logger } from '@hsmlab/common';

/** HEAP_SNAPSHOT_SIGNAL asks a running orchestrator for a heap snapshot. */
export const HEAP_SNAPSHOT_SIGNAL = 'SIGUSR2';

/**
 * installHeapSnapshotHook makes the process write a V8 heap snapshot into
 * dir each time it gets SIGUSR2, and log its path ("heap snapshot written").
 * It exists so tests can prove the orchestrator's memory holds no plaintext
 * key material. It is opt-in: a snapshot does hold the appliance password,
 * so the directory must be as private as the password file.
 */
export function installHeapSnapshotHook(dir: string, logger: Logger): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let n = 0;
  const onSignal = (): void => {
    n += 1;
    const path = join(dir, `orchestrator-${process.pid}-${n}.heapsnapshot`);
    try {
      writeHeapSnapshot(path);
      logger.info({ path }, 'heap snapshot written');
    } catch (err) {
      logger.error({ path, err: (err as Error).message }, 'heap snapshot failed');
    }
  };
  process.on(HEAP_SNAPSHOT_SIGNAL, onSignal);
  return () => process.off(HEAP_SNAPSHOT_SIGNAL, onSignal);
}
