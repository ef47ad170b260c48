/**
 * Clock is the orchestrator's only source of "now" for its state machines:
 * health verdicts, join and backup schedules, retention. Tests pass a manual
 * clock and step it; production uses the system clock. gRPC deadlines are
 * the one exception: they are real time by nature and use Date.now().
 */
export interface Clock {
  nowMs(): number;
}

/** systemClock reads the wall clock. */
export const systemClock: Clock = { nowMs: () => Date.now() };

/** ManualClock is a clock that moves only when told to, for tests and scenarios. */
export class ManualClock implements Clock {
  constructor(private currentMs = 0) {}

  nowMs(): number {
    return this.currentMs;
  }

  /** advance moves the clock forward by deltaMs (never backwards). */
  advance(deltaMs: number): void {
    if (deltaMs < 0) throw new Error(`ManualClock cannot go back (${deltaMs} ms)`);
    this.currentMs += deltaMs;
  }

  /** set jumps to an absolute time, which must not be earlier than now. */
  set(nowMs: number): void {
    this.advance(nowMs - this.currentMs);
  }
}
