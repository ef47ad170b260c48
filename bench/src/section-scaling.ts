import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '@hsmlab/hsm';
import { Registry } from 'prom-client';
import type { BenchContext } from './context';
import { MESSAGE } from './crypto-cases';
import { Lab } from './lab';
import { closedLoop, type LoopResult } from './load-loop';
import { ms, num, ratio, spreadText, table, type SectionReport } from './report';
import { spread } from './stats';
import { diffCounts, readSdkCounts, type SdkCounts } from './sdk-metrics';
import { lineChart } from './svg-chart';
import { sleepMs } from './timing';

export const NODE_COUNTS = [1, 2, 3, 6];
/** IN_FLIGHT_PER_NODE keeps each node's queue well inside its profile's maxQueueMs. */
const IN_FLIGHT_PER_NODE = 32;
/** BENCH_EC_SIGN_PER_SECOND is the default profile's EC sign rate per node. */
const BENCH_EC_SIGN_PER_SECOND = 1000;

/**
 * benchProfile writes the default scaling profile: 1,000 EC signs/s per node,
 * so six nodes (6,000/s) stay within what two cores can serve with the SDK
 * in the same machine. hsm2m.medium's 1,500/s would ask 9,000/s of six nodes.
 */
function benchProfile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hsmlab-bench-profile-')), 'bench-ec1000.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bench-ec1000',
      source: 'hsmlab bench: 1,000 EC signs/s per node, so 6 nodes fit on 2 cores',
      opsPerSecond: {
        'rsa-sign': 700,
        'ec-sign': BENCH_EC_SIGN_PER_SECOND,
        symmetric: 3000,
        'key-generation': 100,
      },
      maxQueueMs: 100,
    }),
  );
  return file;
}

/**
 * runScalingSection measures ECDSA P-256 sign through the SDK to 1, 2, 3 and
 * 6 profiled nodes of one cluster (the SDK is given the first k nodes), and
 * compares each with k times the one-node figure and with k times the
 * profile's rate.
 */
export async function runScalingSection(ctx: BenchContext): Promise<SectionReport> {
  const profileArg = ctx.args.scalingProfile ?? benchProfile();
  const profile = loadProfile(profileArg);
  const perNode = profile.opsPerSecond['ec-sign'];
  const maxNodes = Math.max(...NODE_COUNTS);
  ctx.progress(`scaling: starting ${maxNodes} nodes with profile ${profile.name}`);
  const lab = await Lab.start(
    Array.from({ length: maxNodes }, (_, i) => ({
      nodeId: `scale-${i + 1}`,
      az: 'abc'[i % 3]!,
      profile: profileArg,
    })),
    ctx.nodeExecArgv,
  );
  const results = new Map<number, LoopResult[]>(NODE_COUNTS.map((k) => [k, []]));
  const counts = new Map<number, SdkCounts[]>(NODE_COUNTS.map((k) => [k, []]));
  try {
    const writer = await lab.connect();
    const { privateKey } = await writer.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' });
    await sleepMs(500);
    await writer.close();
    for (const k of NODE_COUNTS) {
      const nodes = lab.nodes.slice(0, k);
      const registry = new Registry();
      const sdk = await lab.connect(nodes, { registry });
      try {
        const op = () => sdk.crypto.sign(privateKey, 'ecdsa-sha256', MESSAGE);
        for (let run = 1; run <= ctx.args.runs; run++) {
          ctx.progress(`scaling: ${k} node(s), run ${run}/${ctx.args.runs}`);
          const before = await readSdkCounts(registry);
          results.get(k)!.push(
            await closedLoop({
              makeOp: () => op,
              inFlight: IN_FLIGHT_PER_NODE * k,
              warmupMs: ctx.timing.warmupMs * 2,
              durationMs: ctx.timing.windowMs * 2,
              pids: nodes.map((node) => node.pid),
            }),
          );
          counts.get(k)!.push(diffCounts(before, await readSdkCounts(registry)));
        }
      } finally {
        await sdk.close();
      }
    }
  } finally {
    await lab.stop();
  }

  const one = spread(results.get(1)!.map((r) => r.opsPerSec)).median;
  const rows = NODE_COUNTS.map((k) => {
    const rs = results.get(k)!;
    const ops = spread(rs.map((r) => r.opsPerSec));
    const errors = rs.reduce((sum, r) => sum + r.errors, 0);
    // Each node's share of the successful calls, against the even share 1/k.
    const shares = counts.get(k)!.flatMap((c) => {
      const total = [...c.okByNode.values()].reduce((a, b) => a + b, 0);
      return [...c.okByNode.values()].map((v) => (v / total) * k);
    });
    const busy = counts
      .get(k)!
      .reduce((sum, c) => sum + (c.retriesByReason.get('RESOURCE_EXHAUSTED') ?? 0), 0);
    const served = counts
      .get(k)!
      .reduce((sum, c) => sum + [...c.okByNode.values()].reduce((a, b) => a + b, 0), 0);
    return [
      String(k),
      String(IN_FLIGHT_PER_NODE * k),
      spreadText(ops),
      num(k * one),
      ratio(ops.median, k * one),
      num(k * perNode),
      ratio(ops.median, k * perNode),
      spreadText(spread(rs.map((r) => r.p50Ms)), ms),
      spreadText(spread(rs.map((r) => r.p99Ms)), ms),
      String(errors),
      shares.length > 0
        ? `${Math.min(...shares).toFixed(2)}–${Math.max(...shares).toFixed(2)}`
        : '—',
      served > 0 ? num((busy / served) * 1000, 1) : '—',
    ];
  });
  const lines = [
    `ECDSA P-256 sign through the SDK to k nodes of one cluster, each with capacity profile ` +
      `**${profile.name}** (${num(perNode)} EC signs/s per node; source: ${profile.source}). ` +
      `${IN_FLIGHT_PER_NODE} calls in flight per node. "ideal" is k × the measured one-node ` +
      'figure; "nominal" is k × the profile rate. "node share vs even" is each node\'s share of ' +
      'the calls divided by 1/k (1.00 = perfectly even); busy retries are RESOURCE_EXHAUSTED ' +
      'answers the SDK retried elsewhere.',
    '',
    ...table(
      [
        'nodes',
        'in flight',
        'ops/s',
        'ideal (k × 1 node)',
        'vs ideal',
        'nominal',
        'vs nominal',
        'p50 ms',
        'p99 ms',
        'errors',
        'node share vs even',
        'busy retries per 1k calls',
      ],
      rows,
    ),
  ];
  const points = (pick: (k: number) => { median: number; min: number; max: number }) =>
    NODE_COUNTS.map((k) => ({ x: k, ...pick(k) }));
  return {
    title: 'Scaling with capacity profiles',
    lines,
    charts: [
      {
        file: 'scaling.svg',
        title: 'Scaling with profiles',
        svg: lineChart({
          title: `ECDSA P-256 sign vs nodes (profile ${profile.name})`,
          xLabel: 'nodes',
          yLabel: 'ops/s',
          series: [
            {
              name: 'measured',
              points: points((k) => spread(results.get(k)!.map((r) => r.opsPerSec))),
            },
            {
              name: 'ideal (k × 1 node)',
              points: points((k) => ({ median: k * one, min: k * one, max: k * one })),
            },
            {
              name: 'nominal (k × profile)',
              points: points((k) => ({ median: k * perNode, min: k * perNode, max: k * perNode })),
            },
          ],
        }),
      },
    ],
  };
}
