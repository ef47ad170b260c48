import { readFileSync } from 'node:fs';
import { LatencyRecorder } from './stats';

/** Op is one call of the operation under test; a rejection counts as an error. */
export type Op = () => Promise<unknown>;

/** LoopOptions describe one closed-loop measurement. */
export interface LoopOptions {
  /** makeOp returns the call loop `worker` repeats (so each worker may hold its own session). */
  makeOp: (worker: number) => Op;
  inFlight: number;
  warmupMs: number;
  durationMs: number;
  /** Other processes whose CPU time is reported per operation (the HSM nodes). */
  pids?: readonly number[];
}

/** LoopResult is what one measurement window saw. */
export interface LoopResult {
  ops: number;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  firstError?: string;
  /** CPU time of this process per completed operation, in µs. */
  clientCpuUsPerOp: number;
  /** CPU time of `pids` together per completed operation, in µs. */
  nodeCpuUsPerOp: number;
}

/**
 * closedLoop keeps `inFlight` calls outstanding: each worker starts its next
 * call as soon as the last one settles. Calls that finish inside the window
 * (after the warm-up) count towards throughput; calls that start inside it
 * give the latencies.
 */
export async function closedLoop(options: LoopOptions): Promise<LoopResult> {
  const latencies = new LatencyRecorder();
  const t0 = performance.now();
  const windowStart = t0 + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;
  let cpuAtStart: { client: NodeJS.CpuUsage; nodes: number } | undefined;
  let cpuAtEnd: { client: NodeJS.CpuUsage; nodes: number } | undefined;
  const snapshot = () => ({ client: process.cpuUsage(), nodes: cpuTicksUs(options.pids ?? []) });

  const worker = async (index: number): Promise<void> => {
    const op = options.makeOp(index);
    for (;;) {
      const start = performance.now();
      if (start >= windowEnd) return;
      if (cpuAtStart === undefined && start >= windowStart) cpuAtStart = snapshot();
      try {
        await op();
      } catch (err) {
        if (start >= windowStart) {
          errors += 1;
          firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
      }
      const end = performance.now();
      if (end >= windowStart && end <= windowEnd) ops += 1;
      if (start >= windowStart) latencies.record(end - start);
      if (end > windowEnd && cpuAtEnd === undefined) cpuAtEnd = snapshot();
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, (_, i) => worker(i)));
  cpuAtEnd ??= snapshot();
  cpuAtStart ??= cpuAtEnd;

  const [p50Ms, p99Ms, maxMs] = latencies.quantiles(0.5, 0.99, 1);
  const clientUs =
    cpuAtEnd.client.user +
    cpuAtEnd.client.system -
    (cpuAtStart.client.user + cpuAtStart.client.system);
  return {
    ops,
    opsPerSec: ops / (options.durationMs / 1000),
    p50Ms: p50Ms!,
    p99Ms: p99Ms!,
    maxMs: maxMs!,
    errors,
    firstError,
    clientCpuUsPerOp: ops > 0 ? clientUs / ops : NaN,
    nodeCpuUsPerOp: ops > 0 ? (cpuAtEnd.nodes - cpuAtStart.nodes) / ops : NaN,
  };
}

/**
 * syncLoop measures a synchronous operation on this thread: one call at a
 * time, nothing else runs meanwhile. It is the one-core limit of `fn`.
 */
export function syncLoop(fn: () => unknown, warmupMs: number, durationMs: number): LoopResult {
  const latencies = new LatencyRecorder();
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) fn();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + durationMs;
  let ops = 0;
  let now = start;
  while (now < end) {
    fn();
    const after = performance.now();
    latencies.record(after - now);
    now = after;
    ops += 1;
  }
  const cpu = process.cpuUsage(cpu0);
  const [p50Ms, p99Ms, maxMs] = latencies.quantiles(0.5, 0.99, 1);
  return {
    ops,
    opsPerSec: ops / ((now - start) / 1000),
    p50Ms: p50Ms!,
    p99Ms: p99Ms!,
    maxMs: maxMs!,
    errors: 0,
    clientCpuUsPerOp: (cpu.user + cpu.system) / ops,
    nodeCpuUsPerOp: NaN,
  };
}

/** CLOCK_TICKS_PER_SECOND is Linux's USER_HZ, the unit of /proc/PID/stat times. */
const CLOCK_TICKS_PER_SECOND = 100;

/** cpuTicksUs is the user+system CPU time of processes, in µs (0 for gone ones). */
export function cpuTicksUs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start at state.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process is gone: it adds nothing more.
    }
  }
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}
