// A focused probe of the hot path for profiling and before/after figures:
// one node, one operation, a fixed number of calls in flight.
//   node bench/dist/hot-path.js [--op ecdsa|aes32|hmac|aes-keygen] [--nodes 1] [--in-flight 64]
//     [--seconds 5] [--cpu-prof DIR]
// Run it under `node --cpu-prof` to profile the client side too.
import { mkdirSync } from 'node:fs';
import type { CryptoCase } from './crypto-cases';
import { Lab } from './lab';
import { closedLoop, syncLoop } from './load-loop';
import { ms, num } from './report';
import { InProcessSyncTarget } from './target-in-process';
import { SdkTarget } from './target-sdk';

/** PROBE_CASES maps each probe to its row of the crypto table, whose targets run it. */
const PROBE_CASES = {
  ecdsa: 'ecdsa-p256-sign',
  aes32: 'aes-gcm-32',
  hmac: 'hmac-sha256',
  'aes-keygen': 'aes256-keygen',
} as const satisfies Record<string, CryptoCase>;

type ProbeOp = keyof typeof PROBE_CASES;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  const op = flag('--op', 'ecdsa') as ProbeOp;
  if (!Object.hasOwn(PROBE_CASES, op)) throw new Error(`unknown --op ${op}`);
  const inFlight = Number(flag('--in-flight', '64'));
  const seconds = Number(flag('--seconds', '5'));
  const repeats = Number(flag('--repeats', '1'));
  const profDir = flag('--cpu-prof', '');
  const execArgv = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  if (profDir) mkdirSync(profDir, { recursive: true });

  const nodeCount = Number(flag('--nodes', '1'));
  const specs = ['a', 'b', 'c', 'a', 'b', 'c'].slice(0, nodeCount).map((az, i) => ({
    nodeId: `probe-${i + 1}`,
    az,
  }));
  const lab = await Lab.start(specs, execArgv);
  try {
    const target = await SdkTarget.open(lab, lab.nodes, 'sdk');
    try {
      const remote = await target.prepare(PROBE_CASES[op]);
      const local = await new InProcessSyncTarget().prepare(PROBE_CASES[op]);
      if (remote.kind !== 'async' || local.kind !== 'sync') throw new Error(`${op} has no probe`);
      for (let r = 0; r < repeats; r++) {
        const base = argv.includes('--no-inproc')
          ? { opsPerSec: NaN }
          : syncLoop(local.fn, 200, 1000);
        const result = await closedLoop({
          makeOp: remote.makeOp,
          inFlight,
          warmupMs: 500,
          durationMs: seconds * 1000,
          pids: target.pids(),
        });
        console.log(
          `${op} @${inFlight}: ${num(result.opsPerSec)} ops/s, p50 ${ms(result.p50Ms)} ms, ` +
            `p99 ${ms(result.p99Ms)} ms, client ${num(result.clientCpuUsPerOp, 1)} µs/op, ` +
            `node ${num(result.nodeCpuUsPerOp, 1)} µs/op, errors ${result.errors}; ` +
            `in-process ${num(base.opsPerSec)} ops/s just before: ratio ${(result.opsPerSec / base.opsPerSec).toFixed(2)}`,
        );
      }
    } finally {
      await target.close();
    }
  } finally {
    await lab.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
