/**
 * SignTally counts the signs of the current reporting second: how many were
 * made and verified, how many failed, and the last failure's message.
 */
export class SignTally {
  private okCount = 0;
  private failedCount = 0;
  private lastError: string | undefined;
  private totalOk = 0;
  private totalFailed = 0;

  /** ok records a sign whose signature verified. */
  ok(): void {
    this.okCount += 1;
    this.totalOk += 1;
  }

  /** failed records a sign that failed or whose signature did not verify. */
  failed(message: string): void {
    this.failedCount += 1;
    this.totalFailed += 1;
    this.lastError = message;
  }

  /** take returns this second's counts and starts the next second. */
  take(): { ok: number; failed: number; lastError: string | undefined } {
    const second = { ok: this.okCount, failed: this.failedCount, lastError: this.lastError };
    this.okCount = 0;
    this.failedCount = 0;
    this.lastError = undefined;
    return second;
  }

  /** totals are the counts since the start. */
  totals(): { ok: number; failed: number } {
    return { ok: this.totalOk, failed: this.totalFailed };
  }
}
