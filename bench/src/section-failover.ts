import type { HsmCluster, KeyHandle } from '@hsmlab/client';
import type { BenchContext } from './context';
import { MESSAGE } from './crypto-cases';
import type { HsmProcess } from './hsm-process';
import { Lab } from './lab';
import { ms, num, spreadText, table, type SectionReport } from './report';
import { quantileSorted, spread } from './stats';
import { barChart } from './svg-chart';
import { sleepMs } from './timing';

/** IN_FLIGHT is the steady load the faults hit. */
const IN_FLIGHT = 16;
const BASELINE_MS = 1500;
/** FAULT_MS is how long a pause or cut lasts (a killed node is restarted after it). */
const FAULT_MS = 3000;
/** WINDOW_MS is the part of the fault whose calls count as affected. */
const WINDOW_MS = 2000;
const RECOVERY_MS = 1500;
/** BACK_TIMEOUT_MS bounds the wait for the SDK to route to a healed node again. */
const BACK_TIMEOUT_MS = 10_000;

interface CallRecord {
  startMs: number;
  endMs: number;
  ok: boolean;
}

interface Scenario {
  id: string;
  label: string;
  /** Nodes the fault hits. */
  victims(lab: Lab): HsmProcess[];
  inject(victims: HsmProcess[]): Promise<void>;
  heal(victims: HsmProcess[]): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'kill',
    label: 'node killed (SIGKILL), restarted 3 s later',
    victims: (lab) => [lab.nodes[2]!],
    inject: async (victims) => {
      await Promise.all(victims.map((node) => node.kill()));
    },
    heal: async (victims) => {
      await Promise.all(victims.map((node) => node.start()));
    },
  },
  {
    id: 'pause',
    label: 'node paused (SIGSTOP) for 3 s',
    victims: (lab) => [lab.nodes[3]!],
    inject: async (victims) => victims.forEach((node) => node.pause()),
    heal: async (victims) => victims.forEach((node) => node.resume()),
  },
  {
    id: 'az-cut',
    label: 'AZ a cut off for 3 s (SIGSTOP of both its nodes)',
    victims: (lab) => lab.nodes.slice(0, 2),
    inject: async (victims) => victims.forEach((node) => node.pause()),
    heal: async (victims) => victims.forEach((node) => node.resume()),
  },
];

/** SLOW_MS marks a call the fault clearly delayed. */
const SLOW_MS = 250;

interface Outcome {
  baselineP99Ms: number;
  /** p99 of the calls that were in flight at the instant of the fault. */
  inFlightP99Ms: number;
  slowCalls: number;
  faultP99Ms: number;
  faultMaxMs: number;
  errors: number;
  calls: number;
  /** Time from healing until the SDK routed to every victim again. */
  backMs: number;
}

/** steadyLoad signs with IN_FLIGHT loops until stopped, recording every call. */
function steadyLoad(sdk: HsmCluster, key: KeyHandle) {
  const records: CallRecord[] = [];
  let stopped = false;
  const done = Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (!stopped) {
        const startMs = performance.now();
        let ok = true;
        try {
          await sdk.crypto.sign(key, 'ecdsa-sha256', MESSAGE);
        } catch {
          ok = false;
        }
        records.push({ startMs, endMs: performance.now(), ok });
      }
    }),
  );
  return {
    records,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function waitRoutable(sdk: HsmCluster, victims: HsmProcess[]): Promise<number> {
  const t0 = performance.now();
  const ids = new Set(victims.map((node) => node.address));
  while (performance.now() - t0 < BACK_TIMEOUT_MS) {
    const back = sdk.nodes().filter((n) => ids.has(n.address) && n.routable).length;
    if (back === ids.size) return performance.now() - t0;
    await sleepMs(10);
  }
  return NaN;
}

async function runOnce(
  sdk: HsmCluster,
  key: KeyHandle,
  lab: Lab,
  scenario: Scenario,
): Promise<Outcome> {
  const victims = scenario.victims(lab);
  const load = steadyLoad(sdk, key);
  const t0 = performance.now();
  await sleepMs(BASELINE_MS);
  const faultAt = performance.now();
  await scenario.inject(victims);
  await sleepMs(FAULT_MS);
  await scenario.heal(victims);
  const backMs = await waitRoutable(sdk, victims);
  await sleepMs(RECOVERY_MS);
  await load.stop();

  const latencies = (rs: CallRecord[]) => rs.map((r) => r.endMs - r.startMs).sort((a, b) => a - b);
  const baseline = load.records.filter((r) => r.startMs >= t0 + 300 && r.endMs < faultAt);
  const affected = load.records.filter(
    (r) => r.endMs >= faultAt && r.startMs < faultAt + WINDOW_MS,
  );
  const faultLat = latencies(affected);
  const caught = load.records.filter((r) => r.startMs < faultAt && r.endMs >= faultAt);
  return {
    baselineP99Ms: quantileSorted(latencies(baseline), 0.99),
    inFlightP99Ms: quantileSorted(latencies(caught), 0.99),
    slowCalls: faultLat.filter((l) => l >= SLOW_MS).length,
    faultP99Ms: quantileSorted(faultLat, 0.99),
    faultMaxMs: faultLat[faultLat.length - 1] ?? NaN,
    errors: affected.filter((r) => !r.ok).length,
    calls: affected.length,
    backMs,
  };
}

/**
 * runFailoverSection puts a steady stream of signs on a 4-node cluster in
 * three AZs (a: 2 nodes, b, c) and measures what a node kill, a node pause
 * and an AZ cut cost the calls in flight, with the SDK's default timeouts.
 */
export async function runFailoverSection(ctx: BenchContext): Promise<SectionReport> {
  ctx.progress('failover: starting a 4-node lab in 3 AZs');
  const lab = await Lab.start(
    [
      { nodeId: 'fo-a1', az: 'a' },
      { nodeId: 'fo-a2', az: 'a' },
      { nodeId: 'fo-b1', az: 'b' },
      { nodeId: 'fo-c1', az: 'c' },
    ],
    ctx.nodeExecArgv,
  );
  const outcomes = new Map<string, Outcome[]>(SCENARIOS.map((s) => [s.id, []]));
  try {
    const sdk = await lab.connect();
    try {
      const { privateKey } = await sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' });
      await sleepMs(500);
      for (let run = 1; run <= ctx.args.runs; run++) {
        for (const scenario of SCENARIOS) {
          ctx.progress(`failover: ${scenario.id}, run ${run}/${ctx.args.runs}`);
          outcomes.get(scenario.id)!.push(await runOnce(sdk, privateKey, lab, scenario));
        }
      }
    } finally {
      await sdk.close();
    }
  } finally {
    await lab.stop();
  }

  const rows = SCENARIOS.map((scenario) => {
    const os = outcomes.get(scenario.id)!;
    const timing = (f: (o: Outcome) => number) => spreadText(spread(os.map(f)), ms);
    const count = (f: (o: Outcome) => number) => os.reduce((sum, o) => sum + f(o), 0);
    return [
      scenario.label,
      timing((o) => o.baselineP99Ms),
      timing((o) => o.inFlightP99Ms),
      timing((o) => o.faultP99Ms),
      timing((o) => o.faultP99Ms - o.baselineP99Ms),
      timing((o) => o.faultMaxMs),
      num(count((o) => o.slowCalls)),
      `${count((o) => o.errors)} of ${num(count((o) => o.calls))}`,
      timing((o) => o.backMs),
    ];
  });
  const lines = [
    `A steady ${IN_FLIGHT} signs in flight through the SDK (default options: attempt timeout ` +
      '1,500 ms, health checks every 1,000 ms) to a 4-node cluster: AZ a holds 2 nodes, AZ b and c ' +
      `one each. Baseline: the ${BASELINE_MS / 1000} s before the fault. Affected: calls in flight ` +
      `at the fault or started in the ${WINDOW_MS / 1000} s after it ("window"); "p99 extra" is ` +
      `window p99 minus baseline p99. An AZ cut is emulated by ` +
      'SIGSTOP of every node in the AZ: packets are not answered, as in a partition, but the ' +
      'kernel still accepts connections. "back after" is from healing to the SDK routing to the node again.',
    '',
    ...table(
      [
        'fault',
        'baseline p99 ms',
        'in flight at fault: p99 ms',
        'window p99 ms',
        'p99 extra ms',
        'max ms',
        `calls ≥ ${SLOW_MS} ms (all runs)`,
        'errors (of calls, all runs)',
        'back after ms',
      ],
      rows,
    ),
  ];
  return {
    title: 'Failover',
    lines,
    charts: [
      {
        file: 'failover.svg',
        title: 'Failover: p99 extra latency',
        svg: barChart({
          title: 'Failover: p99 latency of affected calls (ms)',
          yLabel: 'ms',
          categories: SCENARIOS.map((s) => s.id),
          series: [
            {
              name: 'baseline p99',
              values: SCENARIOS.map((s) => spread(outcomes.get(s.id)!.map((o) => o.baselineP99Ms))),
            },
            {
              name: 'fault p99',
              values: SCENARIOS.map((s) => spread(outcomes.get(s.id)!.map((o) => o.faultP99Ms))),
            },
          ],
        }),
      },
    ],
  };
}
