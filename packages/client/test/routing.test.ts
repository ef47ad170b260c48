import { afterEach, describe, expect, it } from 'vitest';
import type { HsmCluster, KeyHandle } from '../src/index';
import type { FakeHsmNode } from './helpers/fake-hsm-node';
import { connectTo, startFakes, stopAll } from './helpers/fake-cluster';

let fakes: FakeHsmNode[] = [];
let cluster: HsmCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  await stopAll(fakes);
});

/** drive runs `workers` loops of `each` sequential signs and returns each node's share of the calls. */
async function drive(key: KeyHandle, workers: number, each: number): Promise<number[]> {
  const before = fakes.map((fake) => fake.cryptoResults);
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < each; i++) await cluster!.crypto.sign(key, 'hmac-sha256', `${w}/${i}`);
    }),
  );
  const served = fakes.map((fake, i) => fake.cryptoResults - before[i]!);
  const total = served.reduce((a, b) => a + b, 0);
  expect(total).toBe(workers * each);
  return served.map((n) => n / total);
}

describe('least-loaded routing', () => {
  it('spreads calls in proportion to capacity (1:1:2, within ±8 points)', async () => {
    fakes = await startFakes([
      { capacity: 1, delayMs: 4 },
      { capacity: 1, delayMs: 4 },
      { capacity: 2, delayMs: 4 },
    ]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const shares = await drive(key, 48, 40);

    expect(shares[0]).toBeGreaterThan(0.25 - 0.08);
    expect(shares[0]).toBeLessThan(0.25 + 0.08);
    expect(shares[1]).toBeGreaterThan(0.25 - 0.08);
    expect(shares[1]).toBeLessThan(0.25 + 0.08);
    expect(shares[2]).toBeGreaterThan(0.5 - 0.08);
    expect(shares[2]).toBeLessThan(0.5 + 0.08);
  });

  it('sends less traffic to a slow node', async () => {
    fakes = await startFakes([{ delayMs: 2 }, { delayMs: 20 }]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const [fast, slow] = await drive(key, 16, 30);

    // In-flight calls pile up on the slow node, so it is picked less often.
    expect(slow).toBeLessThan(fast! / 2);
  });

  it('avoids a node that reports a heavy load from other clients', async () => {
    fakes = await startFakes([{ delayMs: 2 }, { delayMs: 2 }]);
    fakes[1]!.reportedInFlight = 500;
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const [idle, loaded] = await drive(key, 8, 20);

    expect(idle).toBeGreaterThan(0.95);
    expect(loaded).toBeLessThan(0.05);
  });
});
