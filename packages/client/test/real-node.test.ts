// The SDK against REAL hsmlab node processes (services/hsm), three of them
// joined into one cluster. Skipped when the node is not built.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HsmCluster, HsmError, KeyAvailabilityError, type KeyHandle } from '../src/index';
import { RawHsm } from '../../../test/helpers/hsm-client';
import { HSM_MAIN, tempDir, type NodeProcess } from '../../../test/helpers/node-process';
import { collect, waitFor } from './helpers/fake-cluster';
import { startRealCluster } from './helpers/real-cluster';

const ALICE = { username: 'alice', password: 'alice-pass-1' };

/** profile writes a capacity profile whose EC sign rate (the reported capacity) is `ecSignPerSecond`. */
function profile(ecSignPerSecond: number): string {
  const file = join(tempDir('hsmlab-profile-'), `ec-${ecSignPerSecond}.json`);
  const opsPerSecond = {
    'rsa-sign': 1000,
    'ec-sign': ecSignPerSecond,
    symmetric: 5000,
    'key-generation': 500,
  };
  writeFileSync(
    file,
    JSON.stringify({
      name: `test-${ecSignPerSecond}`,
      source: 'test',
      opsPerSecond,
      maxQueueMs: 2000,
    }),
  );
  return file;
}

let nodes: NodeProcess[] = [];
let sdk: HsmCluster;
let registry: Registry;
let key: KeyHandle;

/** servedBy reads the SDK's own per-node count of successful sign attempts. */
async function servedBy(): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('hsmlab_client_calls_total')!.get();
  const counts: Record<string, number> = {};
  for (const value of metric.values) {
    if (value.labels.operation !== 'sign' || value.labels.outcome !== 'ok') continue;
    counts[String(value.labels.node)] = (counts[String(value.labels.node)] ?? 0) + value.value;
  }
  return counts;
}

/** signLoop signs in `workers` loops until stopped; it returns every settled call. */
function signLoop(workers: number) {
  let stopped = false;
  const settled: PromiseSettledResult<Buffer>[] = [];
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stopped) {
        const [result] = await Promise.allSettled([sdk.crypto.sign(key, 'ecdsa-sha256', 'steady')]);
        settled.push(result!);
      }
    }),
  );
  return {
    settled,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

describe.skipIf(!existsSync(HSM_MAIN) && process.env.CI !== 'true')('real nodes', () => {
  beforeAll(async () => {
    nodes = await startRealCluster([
      { nodeId: 'rn-1', az: 'a', extraArgs: ['--profile', profile(200)] },
      { nodeId: 'rn-2', az: 'b', extraArgs: ['--profile', profile(200)] },
      { nodeId: 'rn-3', az: 'c', extraArgs: ['--profile', profile(400)] },
    ]);
    const addresses = nodes.map((node) => node.address);
    const setup = await HsmCluster.connect({ nodes: addresses, insecure: true, env: {} });
    await setup.users.activateOfficer('officer-pass-1');
    await setup.close();
    const officer = await HsmCluster.connect({
      nodes: addresses,
      insecure: true,
      credentials: { username: 'admin', password: 'officer-pass-1' },
    });
    await officer.users.createUser(ALICE.username, 'crypto-user', ALICE.password);
    await officer.close();

    registry = new Registry();
    sdk = await HsmCluster.connect({
      nodes: addresses,
      insecure: true,
      credentials: ALICE,
      registry,
      healthCheckIntervalMs: 250,
      attemptTimeoutMs: 1000,
    });
    ({ privateKey: key } = await sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' }));
  });

  afterAll(async () => {
    await sdk?.close();
    await Promise.all(nodes.map((node) => node.stop()));
  });

  it('spreads signs across three nodes in proportion to capacity (1:1:2 within ±8 points)', async () => {
    const before = await servedBy();
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (let i = 0; i < 30; i++) await sdk.crypto.sign(key, 'ecdsa-sha256', `load ${i}`);
      }),
    );
    const after = await servedBy();
    const served = ['rn-1', 'rn-2', 'rn-3'].map((id) => (after[id] ?? 0) - (before[id] ?? 0));
    const shares = served.map((n) => n / 1200);

    expect(served.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(Math.abs(shares[0]! - 0.25)).toBeLessThan(0.08);
    expect(Math.abs(shares[1]! - 0.25)).toBeLessThan(0.08);
    expect(Math.abs(shares[2]! - 0.5)).toBeLessThan(0.08);
  });

  it('holds an acknowledged create on at least two nodes the moment it returns', async () => {
    const created = await sdk.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const holders = await Promise.all(
      nodes.map(async (node) => {
        const raw = new RawHsm(node.address);
        try {
          await raw.login(ALICE.username, ALICE.password);
          await raw.call('GetKey', { handle: created.handle });
          return 1;
        } catch {
          return 0;
        } finally {
          raw.close();
        }
      }),
    );
    expect(holders.reduce((a: number, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
  });

  it('makes one key when a create is retried with the same request id on another node', async () => {
    const requestId = 'retried-create-1';
    // The first attempt lands on rn-1 only, as if its reply had been lost.
    const lonely = await HsmCluster.connect({
      nodes: [nodes[0]!.address],
      insecure: true,
      credentials: ALICE,
      minReplicas: 1,
    });
    const first = await lonely.keys.generateSymmetricKey(
      { keyType: 'aes', sizeBits: 256 },
      { clientRequestId: requestId },
    );
    await lonely.close();

    const retried = await sdk.keys.generateSymmetricKey(
      { keyType: 'aes', sizeBits: 256 },
      { clientRequestId: requestId },
    );

    expect(retried.handle).toBe(first.handle);
    const labelled = await sdk.keys.findKeys({ keyType: 'aes' });
    expect(labelled.filter((k) => k.handle === first.handle)).toHaveLength(1);
  });

  it('loses no call when a node is killed under a steady stream of signs, and uses it again after restart', async () => {
    const events = collect(sdk);
    const loop = signLoop(6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nodes[1]!.kill('SIGKILL');
    await waitFor(
      () => events.some((e) => e.type === 'node-down' && e.node.nodeId === 'rn-2'),
      5000,
      'rn-2 down',
    );
    // Down long enough for the probe backoff to reach its cap.
    await new Promise((resolve) => setTimeout(resolve, 3500));

    const atStart = (await servedBy())['rn-2'] ?? 0;
    await nodes[1]!.start();
    // Bound, not a measurement: the restarted node must get traffic within 2 s of being healthy.
    await waitForAsync(
      async () => ((await servedBy())['rn-2'] ?? 0) > atStart,
      2000,
      'traffic on rn-2 within 2 s of its restart',
    );
    expect(events.some((e) => e.type === 'node-back' && e.node.nodeId === 'rn-2')).toBe(true);
    await loop.stop();

    const failed = loop.settled.filter((r) => r.status === 'rejected');
    expect(loop.settled.length).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  });

  it('routes around a paused node within one deadline and takes it back after SIGCONT', async () => {
    const events = collect(sdk);
    const loop = signLoop(4);
    nodes[2]!.pause();
    await waitFor(
      () => events.some((e) => e.type === 'node-down' && e.node.nodeId === 'rn-3'),
      5000,
      'rn-3 down',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    nodes[2]!.resume();
    await waitFor(
      () => events.some((e) => e.type === 'node-back' && e.node.nodeId === 'rn-3'),
      5000,
      'rn-3 back',
    );
    await loop.stop();

    expect(loop.settled.filter((r) => r.status === 'rejected')).toEqual([]);
  });

  it('fails creates fast with KeyAvailabilityError while signs still work on the one node left', async () => {
    const events = collect(sdk);
    await nodes[1]!.kill('SIGKILL');
    await nodes[2]!.kill('SIGKILL');
    await waitFor(
      () => events.filter((e) => e.type === 'node-down').length >= 2,
      5000,
      'two nodes down',
    );

    const error = await sdk.keys
      .generateSymmetricKey({ keyType: 'aes', sizeBits: 256 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KeyAvailabilityError);
    expect(error).toBeInstanceOf(HsmError);
    expect(await sdk.crypto.sign(key, 'ecdsa-sha256', 'one node left')).toBeInstanceOf(Buffer);
  });
});

async function waitForAsync(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
