import type { Logger } from '@hsmlab/common';
import { errorMessage } from './errors';

/**
 * PeriodicTask runs fn every intervalMs, never overlapping itself: the next
 * run is scheduled when the previous one ends. Its timer is unref'd so it
 * never keeps the process alive on its own.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly fn: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule();
  }

  /** stop cancels the next run and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.fn()
        .catch((err: unknown) =>
          this.logger.error({ task: this.name, err: errorMessage(err) }, 'periodic task failed'),
        )
        .finally(() => {
          this.current = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
