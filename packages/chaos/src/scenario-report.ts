import type { CheckResult } from './check-result';
import type { History, HistorySummary, Op } from './history';

/** CONVERGENCE_TARGET_MS is the promise: all root digests equal within 5 s of healing. */
export const CONVERGENCE_TARGET_MS = 5000;

/** GapStats are the failover gaps of a run: extra latency of operations a fault caught in flight. */
export interface GapStats {
  samples: number;
  p50Ms: number;
  p99Ms: number;
}

/** ScenarioReport is what a scenario ran and what its checkers found. */
export interface ScenarioReport {
  name: string;
  seed: number;
  /** Time under load, in milliseconds. */
  loadMs: number;
  summary: HistorySummary;
  /** Faults injected (start events). */
  faults: number;
  failoverGap: GapStats | undefined;
  /** From the last heal to equal root digests on every node; undefined if they never agreed. */
  convergenceMs: number | undefined;
  checks: CheckResult[];
  ok: boolean;
}

/** percentile returns the p-th percentile (0..100) of values by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function latency(op: Op): number {
  return op.endMs! - op.invokeMs;
}

/**
 * failoverGaps measures, for every fault start, how much longer than usual
 * the operations in flight at that instant took: their latency minus the
 * median latency of their kind before the first fault. This is the time a
 * fault cost a caller who was mid-call when it hit.
 */
export function failoverGaps(history: History): GapStats | undefined {
  const starts = history.faults.filter((f) => f.phase === 'start').map((f) => f.atMs);
  const done = history.ops().filter((op) => op.endMs !== undefined);
  if (starts.length === 0 || done.length === 0) return undefined;
  const firstFaultMs = Math.min(...starts);
  const baseline = new Map<string, number>();
  for (const kind of new Set(done.map((op) => op.kind))) {
    const calm = done.filter(
      (op) => op.kind === kind && op.outcome === 'ok' && op.endMs! < firstFaultMs,
    );
    baseline.set(kind, calm.length > 0 ? percentile(calm.map(latency), 50) : 0);
  }
  const gaps: number[] = [];
  for (const atMs of starts) {
    for (const op of done) {
      if (op.invokeMs <= atMs && op.endMs! > atMs)
        gaps.push(Math.max(0, latency(op) - baseline.get(op.kind)!));
    }
  }
  if (gaps.length === 0) return { samples: 0, p50Ms: 0, p99Ms: 0 };
  return { samples: gaps.length, p50Ms: percentile(gaps, 50), p99Ms: percentile(gaps, 99) };
}

/** summaryLine renders a report in one line, for the test log. */
export function summaryLine(report: ScenarioReport): string {
  const s = report.summary;
  const gap = report.failoverGap
    ? `failover gap p50 ${Math.round(report.failoverGap.p50Ms)} ms p99 ${Math.round(report.failoverGap.p99Ms)} ms (${report.failoverGap.samples} calls)`
    : 'failover gap n/a';
  const convergence =
    report.convergenceMs === undefined
      ? 'did NOT converge'
      : `converged in ${report.convergenceMs} ms${report.convergenceMs > CONVERGENCE_TARGET_MS ? ' (over the 5 s target)' : ''}`;
  const passed = report.checks.filter((c) => c.ok).length;
  return [
    `[chaos] ${report.name} seed=${report.seed}:`,
    `${s.total} ops in ${(report.loadMs / 1000).toFixed(1)} s, ${s.ok} ok, ${s.fail} failed, ${s.unknown} unknown;`,
    `${report.faults} faults; ${gap}; ${convergence};`,
    `checks ${passed}/${report.checks.length} ${report.ok ? 'ok' : 'FAILED'}`,
  ].join(' ');
}
