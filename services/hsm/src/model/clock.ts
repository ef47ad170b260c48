/**
 * Clock is the node's only source of wall time. It is injected so that
 * chaos tests can make one node's clock jump without touching the host.
 */
export interface Clock {
  nowMs(): number;
}

/** OffsetClock is the system clock plus an offset that can be changed live. */
export class OffsetClock implements Clock {
  private offsetMs: number;

  constructor(offsetMs = 0) {
    this.offsetMs = offsetMs;
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** setOffsetMs moves this clock relative to the system clock. */
  setOffsetMs(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  getOffsetMs(): number {
    return this.offsetMs;
  }
}
