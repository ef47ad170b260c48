import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@hsmlab/common';
import type { OffsetClock } from './model';

/** CHAOS_FILE is read on SIGUSR2: the chaos toolkit's way into a running node. */
export const CHAOS_FILE = 'chaos.json';

/**
 * installChaosHooks lets the chaos toolkit move this node's clock while it
 * runs: write `{"clockOffsetMs": N}` to <dataDir>/chaos.json and send SIGUSR2.
 * It is an emulator feature (a real HSM's clock cannot be pushed), and it
 * only ever changes the offset of the node's injected clock.
 */
export function installChaosHooks(dataDir: string, clock: OffsetClock, logger: Logger): void {
  process.on('SIGUSR2', () => {
    try {
      const raw = JSON.parse(readFileSync(join(dataDir, CHAOS_FILE), 'utf8')) as {
        clockOffsetMs?: unknown;
      };
      const offset = raw.clockOffsetMs;
      if (typeof offset !== 'number' || !Number.isInteger(offset)) {
        logger.warn({ file: CHAOS_FILE }, 'chaos: clockOffsetMs must be a whole number; ignored');
        return;
      }
      const before = clock.getOffsetMs();
      clock.setOffsetMs(offset);
      logger.warn({ fromMs: before, toMs: offset }, 'chaos: clock offset changed');
    } catch (err) {
      logger.warn({ reason: (err as Error).message }, 'chaos: cannot read chaos.json; ignored');
    }
  });
}
