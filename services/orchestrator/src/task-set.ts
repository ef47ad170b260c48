import type { Logger } from '@hsmlab/common';
import { errorMessage } from './errors';

/**
 * TaskSet runs background work keyed by what it is about ("join:<cluster>:
 * <hsm>"), at most one task per key at a time, so a join or a removal is
 * never driven twice at once however often it is kicked. A task's failure
 * is logged, never thrown into the void.
 */
export class TaskSet {
  /** Invariant: a key is present exactly while its task runs. */
  private readonly running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  /** run starts fn under key unless a task with that key is running; it tells whether it started. */
  run(key: string, fn: () => Promise<unknown>): boolean {
    if (this.closed || this.running.has(key)) return false;
    const task = fn().then(
      () => undefined,
      (err: unknown) =>
        this.logger.error({ task: key, err: errorMessage(err) }, 'background task failed'),
    );
    const tracked = task.finally(() => this.running.delete(key));
    this.running.set(key, tracked);
    return true;
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** idle resolves when no task is running (including tasks started meanwhile). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** close refuses new tasks and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }
}
