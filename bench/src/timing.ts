/** Durations of the measurement windows, full or --quick. */
export interface Timing {
  /** Warm-up before a throughput window, ms. */
  warmupMs: number;
  /** Throughput window at many calls in flight, ms. */
  windowMs: number;
  /** Latency window at one call in flight, ms. */
  latencyWindowMs: number;
}

export function timingFor(quick: boolean): Timing {
  return quick
    ? { warmupMs: 150, windowMs: 400, latencyWindowMs: 250 }
    : { warmupMs: 250, windowMs: 1000, latencyWindowMs: 400 };
}

/** sleepMs waits `ms` milliseconds. */
export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
