/** Spread is one figure over repeated runs: its median and its range. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** spread summarises repeated measurements of one figure. */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, runs: 0 };
  const sorted = [...finite].sort((a, b) => a - b);
  return {
    median: quantileSorted(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
  };
}

/** quantileSorted is the q-quantile of ascending values (nearest rank). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * LatencyRecorder keeps per-call latencies (ms) in a growable typed array,
 * so recording costs no allocation per call.
 */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private count = 0;

  record(ms: number): void {
    if (this.count === this.samples.length) {
      const bigger = new Float64Array(this.samples.length * 2);
      bigger.set(this.samples);
      this.samples = bigger;
    }
    this.samples[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** quantiles returns the requested quantiles in ms (NaN when empty). */
  quantiles(...qs: number[]): number[] {
    const sorted = this.samples.slice(0, this.count).sort();
    return qs.map((q) => quantileSorted(sorted, q));
  }
}
