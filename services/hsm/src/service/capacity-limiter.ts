import type { Clock } from '../model';
import { LimitError } from '../errors';
import type { CapacityProfile, OperationClass } from './capacity-profile';

/**
 * CapacityLimiter holds each operation class to its profile's rate. Each
 * operation reserves the next free slot of its class (a virtual schedule):
 * if the slot is within maxQueueMs it waits for it, otherwise the node is
 * busy and the call fails with RESOURCE_EXHAUSTED, which clients retry
 * elsewhere. Without a profile it does nothing.
 */
export class CapacityLimiter {
  private readonly nextFreeMs = new Map<OperationClass, number>();

  constructor(
    private readonly profile: CapacityProfile | undefined,
    private readonly clock: Clock,
  ) {}

  /** acquire resolves when the operation may run, or throws LimitError. */
  async acquire(op: OperationClass): Promise<void> {
    const waitMs = this.reserve(op);
    if (waitMs >= 1) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  /**
   * reserve takes the operation's slot and returns how long to wait for it
   * in ms (below 1: run now), or throws LimitError when the node is busy.
   * It is acquire without a promise, for the hot path: most operations need
   * no wait, and a promise per call costs more than the check.
   */
  reserve(op: OperationClass): number {
    if (this.profile === undefined) return 0;
    const rate = this.profile.opsPerSecond[op];
    const intervalMs = 1000 / rate;
    const now = performanceNowMs(this.clock);
    const slot = Math.max(now, this.nextFreeMs.get(op) ?? now);
    const waitMs = slot - now;
    if (waitMs > this.profile.maxQueueMs) {
      throw new LimitError(
        `node busy: ${op} is at its capacity of ${rate}/s (profile ${this.profile.name})`,
      );
    }
    this.nextFreeMs.set(op, slot + intervalMs);
    return waitMs;
  }
}

// The schedule uses a monotonic clock so that clock jumps (chaos) do not
// stall or flood it; the injected clock is only for wall time.
function performanceNowMs(_clock: Clock): number {
  return performance.now();
}
