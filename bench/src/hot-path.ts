// A focused probe of the hot path for profiling and before/after figures:
// one node, one operation, a fixed number of calls in flight.
//   node bench/dist/hot-path.js [--op ecdsa|aes32|hmac|aes-keygen] [--nodes 1] [--in-flight 64]
//     [--seconds 5] [--cpu-prof DIR]
// Run it under `node --cpu-prof` to profile the client side too.
import { mkdirSync } from 'node:fs';
import type { HsmCluster } from '@hsmlab/client';
import { MESSAGE } from './crypto-cases';
import { Lab } from './lab';
import * as crypto from 'node:crypto';
import { closedLoop, syncLoop } from './load-loop';
import { ms, num } from './report';

type ProbeOp = 'ecdsa' | 'aes32' | 'hmac' | 'aes-keygen';

/** inProcess is the same operation with node:crypto on this thread, for a back-to-back ratio. */
function inProcess(op: ProbeOp): () => unknown {
  switch (op) {
    case 'ecdsa': {
      const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      return () => crypto.sign('sha256', MESSAGE, key);
    }
    case 'aes32': {
      const key = crypto.createSecretKey(crypto.randomBytes(32));
      return () => {
        const cipher = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
        cipher.update(MESSAGE);
        cipher.final();
        return cipher.getAuthTag();
      };
    }
    case 'hmac': {
      const key = crypto.createSecretKey(crypto.randomBytes(32));
      return () => crypto.createHmac('sha256', key).update(MESSAGE).digest();
    }
    case 'aes-keygen':
      return () => crypto.createSecretKey(crypto.randomBytes(32));
  }
}

async function makeOp(sdk: HsmCluster, op: ProbeOp): Promise<() => Promise<unknown>> {
  switch (op) {
    case 'ecdsa': {
      const { privateKey } = await sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' });
      return () => sdk.crypto.sign(privateKey, 'ecdsa-sha256', MESSAGE);
    }
    case 'aes32': {
      const key = await sdk.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
      return () => sdk.crypto.encrypt(key, 'aes-gcm', MESSAGE);
    }
    case 'hmac': {
      const key = await sdk.keys.generateSymmetricKey({ keyType: 'generic-secret', sizeBits: 256 });
      return () => sdk.crypto.sign(key, 'hmac-sha256', MESSAGE);
    }
    case 'aes-keygen':
      return () => sdk.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  const op = flag('--op', 'ecdsa') as ProbeOp;
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
    const sdk = await lab.connect();
    try {
      const fn = await makeOp(sdk, op);
      const local = inProcess(op);
      for (let r = 0; r < repeats; r++) {
        const base = argv.includes('--no-inproc') ? { opsPerSec: NaN } : syncLoop(local, 200, 1000);
        const result = await closedLoop({
          makeOp: () => fn,
          inFlight,
          warmupMs: 500,
          durationMs: seconds * 1000,
          pids: lab.nodes.map((node) => node.pid),
        });
        console.log(
          `${op} @${inFlight}: ${num(result.opsPerSec)} ops/s, p50 ${ms(result.p50Ms)} ms, ` +
            `p99 ${ms(result.p99Ms)} ms, client ${num(result.clientCpuUsPerOp, 1)} µs/op, ` +
            `node ${num(result.nodeCpuUsPerOp, 1)} µs/op, errors ${result.errors}; ` +
            `in-process ${num(base.opsPerSec)} ops/s just before: ratio ${(result.opsPerSec / base.opsPerSec).toFixed(2)}`,
        );
      }
    } finally {
      await sdk.close();
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
