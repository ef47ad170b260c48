import type { BenchContext } from './context';
import { CRYPTO_CASES, type CryptoCase, type Prepared, type Target } from './crypto-cases';
import { Lab } from './lab';
import { closedLoop, syncLoop, type LoopResult } from './load-loop';
import { ms, num, ratio, spreadText, table, type SectionReport } from './report';
import { spread } from './stats';
import { barChart } from './svg-chart';
import { InProcessPoolTarget, InProcessSyncTarget } from './target-in-process';
import { SdkTarget } from './target-sdk';
import { ensurePkcs11Built } from './pkcs11-build';
import { loadPkcs11js, SoftHsmTarget } from './target-softhsm';

/** IN_FLIGHT is the concurrency of the throughput columns (the goal's 64). */
export const IN_FLIGHT = 64;

interface Cell {
  throughput: LoopResult[];
  single: LoopResult[];
  skipped?: string;
}

/** measure runs one case on one target: at IN_FLIGHT, then at 1 in flight. */
async function measure(ctx: BenchContext, target: Target, prepared: Prepared, cell: Cell) {
  const t = ctx.timing;
  if (prepared.kind === 'unsupported') {
    cell.skipped = prepared.reason;
    return;
  }
  if (prepared.kind === 'sync') {
    // One call at a time is all a synchronous call can do: the same window serves both columns.
    const result = syncLoop(prepared.fn, t.warmupMs, t.windowMs);
    cell.throughput.push(result);
    cell.single.push(result);
    return;
  }
  const pids = target.pids();
  cell.throughput.push(
    await closedLoop({
      makeOp: prepared.makeOp,
      inFlight: IN_FLIGHT,
      pids,
      ...windows(t.warmupMs, t.windowMs),
    }),
  );
  cell.single.push(
    await closedLoop({
      makeOp: prepared.makeOp,
      inFlight: 1,
      pids,
      ...windows(t.warmupMs / 3, t.latencyWindowMs),
    }),
  );
}

function windows(warmupMs: number, durationMs: number) {
  return { warmupMs, durationMs };
}

/**
 * runCryptoSection compares every crypto case across node:crypto in-process,
 * SoftHSM2, and hsmlab through the SDK to 1 and 3 nodes. Runs interleave the
 * targets so drift on the machine touches them all alike.
 */
export async function runCryptoSection(ctx: BenchContext): Promise<SectionReport> {
  const targets: Target[] = [new InProcessSyncTarget(), new InProcessPoolTarget()];
  const notes: string[] = [];
  const unbuilt = ensurePkcs11Built(ctx.progress);
  const pkcs11 = unbuilt ?? loadPkcs11js();
  if (typeof pkcs11 === 'string') notes.push(`SoftHSM2 not measured: ${pkcs11}.`);
  else targets.push(SoftHsmTarget.open(pkcs11));

  ctx.progress('crypto: starting a 3-node lab');
  const lab = await Lab.start(
    [
      { nodeId: 'crypto-a', az: 'a' },
      { nodeId: 'crypto-b', az: 'b' },
      { nodeId: 'crypto-c', az: 'c' },
    ],
    ctx.nodeExecArgv,
  );
  const cells = new Map<string, Cell>();
  const cellOf = (target: Target, c: CryptoCase): Cell => {
    const key = `${target.id}/${c}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { throughput: [], single: [] }));
    return cell;
  };
  try {
    targets.push(await SdkTarget.open(lab, lab.nodes.slice(0, 1), 'sdk-1'));
    targets.push(await SdkTarget.open(lab, lab.nodes, 'sdk-3'));
    const prepared = new Map<string, Prepared>();
    for (let run = 1; run <= ctx.args.runs; run++) {
      for (const { id: c } of CRYPTO_CASES) {
        ctx.progress(`crypto: run ${run}/${ctx.args.runs}, ${c}`);
        for (const target of targets) {
          const key = `${target.id}/${c}`;
          let p = prepared.get(key);
          if (p === undefined) {
            try {
              p = await target.prepare(c);
            } catch (err) {
              p = { kind: 'unsupported', reason: `set-up failed: ${(err as Error).message}` };
            }
            prepared.set(key, p);
          }
          await measure(ctx, target, p, cellOf(target, c));
        }
      }
    }
  } finally {
    for (const target of targets) await target.close();
    await lab.stop();
  }
  return render(targets, cellOf, notes);
}

function render(
  targets: Target[],
  cellOf: (target: Target, c: CryptoCase) => Cell,
  notes: string[],
): SectionReport {
  const lines: string[] = [
    `Throughput and latency at ${IN_FLIGHT} calls in flight, and latency at 1 in flight. ` +
      'Median over runs, (min–max) in brackets. "vs in-proc" is the ratio to node:crypto on one ' +
      'core (sync, cached KeyObject); "vs SoftHSM2" the ratio to SoftHSM2 through pkcs11js. ' +
      'CPU columns are CPU time per operation of the calling process and of the node processes.',
    '',
  ];
  const inproc = targets.find((t) => t.id === 'inproc')!;
  const softhsm = targets.find((t) => t.id === 'softhsm');
  const median = (results: LoopResult[], pick: (r: LoopResult) => number) =>
    spread(results.map(pick)).median;
  const chartSeries = targets.map((target) => ({
    name: target.label,
    values: [] as { median: number; min: number; max: number }[],
  }));

  for (const { id: c, label } of CRYPTO_CASES) {
    lines.push(`### ${label}`, '');
    const base = median(cellOf(inproc, c).throughput, (r) => r.opsPerSec);
    const soft = softhsm ? median(cellOf(softhsm, c).throughput, (r) => r.opsPerSec) : NaN;
    const rows = targets.map((target, i) => {
      const cell = cellOf(target, c);
      if (cell.skipped !== undefined || cell.throughput.length === 0) {
        chartSeries[i]!.values.push({ median: NaN, min: NaN, max: NaN });
        return [
          target.label,
          `not measured: ${cell.skipped ?? 'no data'}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ];
      }
      const ops = spread(cell.throughput.map((r) => r.opsPerSec));
      chartSeries[i]!.values.push(ops);
      const errors = cell.throughput.reduce((sum, r) => sum + r.errors, 0);
      const firstError = cell.throughput.find((r) => r.firstError)?.firstError;
      return [
        target.label + (errors > 0 ? ` (${errors} errors: ${firstError})` : ''),
        spreadText(ops),
        spreadText(spread(cell.throughput.map((r) => r.p50Ms)), ms),
        spreadText(spread(cell.throughput.map((r) => r.p99Ms)), ms),
        spreadText(spread(cell.single.map((r) => r.p50Ms)), ms),
        ratio(ops.median, base),
        ratio(ops.median, soft),
        num(
          median(cell.throughput, (r) => r.clientCpuUsPerOp),
          1,
        ),
        num(
          median(cell.throughput, (r) => r.nodeCpuUsPerOp),
          1,
        ),
      ];
    });
    lines.push(
      ...table(
        [
          'target',
          `ops/s @${IN_FLIGHT}`,
          `p50 ms @${IN_FLIGHT}`,
          `p99 ms @${IN_FLIGHT}`,
          'p50 ms @1',
          'vs in-proc',
          'vs SoftHSM2',
          'client µs/op',
          'node µs/op',
        ],
        rows,
      ),
      '',
    );
  }
  lines.push(...notes.map((n) => `- ${n}`));
  return {
    title: 'Crypto throughput and latency',
    lines,
    charts: [
      {
        file: 'crypto-throughput.svg',
        title: 'Crypto throughput by target',
        svg: barChart({
          title: `Crypto throughput, ${IN_FLIGHT} in flight (ops/s, log scale)`,
          yLabel: 'ops/s',
          categories: CRYPTO_CASES.map((c) => c.id),
          series: chartSeries,
          logY: true,
        }),
      },
    ],
  };
}
