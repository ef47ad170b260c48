import type { BenchContext } from './context';
import { MESSAGE } from './crypto-cases';
import { Lab } from './lab';
import { closedLoop, type LoopResult } from './load-loop';
import { ms, num, spreadText, table, type SectionReport } from './report';
import { spread } from './stats';
import { lineChart } from './svg-chart';

export const SWEEP_LEVELS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/**
 * runSweepSection measures ECDSA P-256 sign through the SDK to one node at
 * 1 to 256 calls in flight, with where the CPU time goes at each level.
 */
export async function runSweepSection(ctx: BenchContext): Promise<SectionReport> {
  ctx.progress('sweep: starting a 1-node lab');
  const lab = await Lab.start([{ nodeId: 'sweep-a', az: 'a' }], ctx.nodeExecArgv);
  const results = new Map<number, LoopResult[]>(SWEEP_LEVELS.map((level) => [level, []]));
  try {
    const sdk = await lab.connect();
    try {
      const { privateKey } = await sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' });
      const op = () => sdk.crypto.sign(privateKey, 'ecdsa-sha256', MESSAGE);
      for (let run = 1; run <= ctx.args.runs; run++) {
        for (const level of SWEEP_LEVELS) {
          ctx.progress(`sweep: run ${run}/${ctx.args.runs}, ${level} in flight`);
          results.get(level)!.push(
            await closedLoop({
              makeOp: () => op,
              inFlight: level,
              warmupMs: ctx.timing.warmupMs,
              durationMs: ctx.timing.windowMs,
              pids: lab.nodes.map((node) => node.pid),
            }),
          );
        }
      }
    } finally {
      await sdk.close();
    }
  } finally {
    await lab.stop();
  }

  const medians = SWEEP_LEVELS.map((level) => spread(results.get(level)!.map((r) => r.opsPerSec)));
  const peak = Math.max(...medians.map((m) => m.median));
  const kneeIndex = medians.findIndex((m) => m.median >= 0.9 * peak);
  const coresAt = (i: number): number => {
    const rs = results.get(SWEEP_LEVELS[i]!)!;
    const client = spread(rs.map((r) => r.clientCpuUsPerOp)).median;
    const node = spread(rs.map((r) => r.nodeCpuUsPerOp)).median;
    return ((client + node) * medians[i]!.median) / 1e6;
  };
  const plateau = SWEEP_LEVELS.map((_, i) => i).filter((i) => i >= kneeIndex);
  const plateauCores = spread(plateau.map(coresAt)).median;
  const rows = SWEEP_LEVELS.map((level, i) => {
    const rs = results.get(level)!;
    const cpu = (pick: (r: LoopResult) => number) => spread(rs.map(pick)).median;
    const client = cpu((r) => r.clientCpuUsPerOp);
    const node = cpu((r) => r.nodeCpuUsPerOp);
    const cores = coresAt(i);
    return [
      String(level),
      spreadText(medians[i]!),
      spreadText(spread(rs.map((r) => r.p50Ms)), ms),
      spreadText(spread(rs.map((r) => r.p99Ms)), ms),
      num(client, 1),
      num(node, 1),
      num(cores, 2),
    ];
  });
  const lines = [
    'ECDSA P-256 sign through the SDK to one node, closed loop. "cores busy" is ' +
      '(client + node CPU time per op) × ops/s: 2.0 means both cores of this machine are saturated.',
    '',
    ...table(
      ['in flight', 'ops/s', 'p50 ms', 'p99 ms', 'client µs/op', 'node µs/op', 'cores busy'],
      rows,
    ),
    '',
    `Throughput first reaches 90% of its peak (${num(peak)} ops/s) at ${SWEEP_LEVELS[kneeIndex]} in flight; ` +
      'beyond that more calls in flight only add queueing latency (p50 grows in step with the count). ' +
      `From there on, client and node together keep about ${num(plateauCores, 2)} cores busy: ` +
      'a value near 1 means they take turns (a whole batch each way) rather than working at once, ' +
      'so a call costs client plus node CPU time; near 2 would mean both cores are saturated.',
  ];
  const series = (name: string, pick: (r: LoopResult) => number) => ({
    name,
    points: SWEEP_LEVELS.map((level) => ({ x: level, ...spread(results.get(level)!.map(pick)) })),
  });
  return {
    title: 'Concurrency sweep',
    lines,
    charts: [
      {
        file: 'sweep-throughput.svg',
        title: 'Sweep: throughput',
        svg: lineChart({
          title: 'ECDSA P-256 sign, SDK → 1 node: throughput vs calls in flight',
          xLabel: 'calls in flight',
          yLabel: 'ops/s',
          logX: true,
          series: [series('ops/s', (r) => r.opsPerSec)],
        }),
      },
      {
        file: 'sweep-latency.svg',
        title: 'Sweep: latency',
        svg: lineChart({
          title: 'ECDSA P-256 sign, SDK → 1 node: latency vs calls in flight',
          xLabel: 'calls in flight',
          yLabel: 'ms',
          logX: true,
          series: [series('p50', (r) => r.p50Ms), series('p99', (r) => r.p99Ms)],
        }),
      },
    ],
  };
}
