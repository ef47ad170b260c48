import { CancelledError, InvalidArgumentError } from './errors';

/** monotonicMs is a clock that never goes back, for measuring deadlines. */
export function monotonicMs(): number {
  return performance.now();
}

/**
 * Deadline is one call's absolute deadline, computed once when the call
 * starts and handed down to every attempt, probe and replication step.
 */
export class Deadline {
  /** The monotonic instant the call must be over by. */
  readonly atMs: number;
  /** The budget the call started with, for messages. */
  readonly budgetMs: number;

  private constructor(atMs: number, budgetMs: number) {
    this.atMs = atMs;
    this.budgetMs = budgetMs;
  }

  /** after makes the deadline `budgetMs` from now. */
  static after(budgetMs: number): Deadline {
    if (!Number.isFinite(budgetMs) || budgetMs <= 0) {
      throw new InvalidArgumentError(`deadlineMs must be a positive number, got ${budgetMs}`);
    }
    return new Deadline(monotonicMs() + budgetMs, budgetMs);
  }

  /** remainingMs is the time left, never below 0. */
  remainingMs(): number {
    return Math.max(0, this.atMs - monotonicMs());
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /**
   * attemptDate is the wall-clock Date a single attempt must end by: the
   * call's deadline, or sooner when the attempt has its own cap.
   */
  attemptDate(capMs?: number): Date {
    const ms = capMs === undefined ? this.remainingMs() : Math.min(capMs, this.remainingMs());
    return new Date(Date.now() + ms);
  }

  /** attemptMs is the time one attempt may take, in milliseconds (see attemptDate). */
  attemptMs(capMs?: number): number {
    return capMs === undefined ? this.remainingMs() : Math.min(capMs, this.remainingMs());
  }
}

/** abortError is the error for a call whose AbortSignal fired. */
export function abortError(signal: AbortSignal, operation: string): CancelledError {
  return new CancelledError(`${operation} was aborted by the caller`, { cause: signal.reason });
}

/**
 * sleep waits `ms`, unless `signal` aborts first (then it rejects with a
 * CancelledError) or `wake` settles first (then it resolves early). The
 * timer is cleared on every path so nothing outlives the wait.
 */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  wake?: Promise<unknown>,
  operation = 'call',
): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal, operation));
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => finish(() => reject(abortError(signal!, operation)));
    const timer = setTimeout(() => finish(resolve), Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
    wake?.then(
      () => finish(resolve),
      () => finish(resolve),
    );
  });
}
