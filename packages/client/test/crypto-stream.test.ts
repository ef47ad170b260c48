import { status as Status } from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, DeadlineExceededError, type HsmCluster } from '../src/index';
import type { FakeHsmNode } from './helpers/fake-hsm-node';
import { connectTo, startFakes, stopAll, waitFor } from './helpers/fake-cluster';

let fakes: FakeHsmNode[] = [];
let cluster: HsmCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  await stopAll(fakes);
});

describe('crypto stream', () => {
  it('coalesces concurrent calls into a few stream messages', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const signatures = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        cluster!.crypto.sign(key, 'hmac-sha256', `message ${i}`),
      ),
    );

    expect(new Set(signatures.map((s) => s.toString('hex'))).size).toBe(200);
    expect(fakes[0]!.cryptoResults).toBe(200);
    // 200 calls made in one tick travel in one message (256 per batch at most).
    expect(fakes[0]!.streamMessages).toBeLessThanOrEqual(2);
    expect(fakes[0]!.count('CryptoStream')).toBe(1);
  });

  it('holds calls back past the per-stream limit of the node, and runs them all', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes, { defaultDeadlineMs: 60_000, attemptTimeoutMs: 60_000 });
    fakes[0]!.delayMs = 300;

    const digests = await Promise.all(
      Array.from({ length: 5000 }, (_, i) => cluster!.crypto.digest('sha256', `m${i}`)),
    );

    expect(digests).toHaveLength(5000);
    expect(fakes[0]!.cryptoResults).toBe(5000);
    // The node's limit is 4096 calls in flight per stream: the rest waited in the SDK.
    expect(fakes[0]!.peakInFlight).toBeLessThanOrEqual(4096);
    expect(fakes[0]!.peakInFlight).toBeGreaterThan(1000);
  });

  it('runs every kind of crypto operation on the stream', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const signature = await cluster.crypto.sign(key, 'hmac-sha256', 'data');
    expect(await cluster.crypto.verify(key, 'hmac-sha256', 'data', signature)).toBe(true);
    expect(await cluster.crypto.verify(key, 'hmac-sha256', 'other', signature)).toBe(false);
    const sealed = await cluster.crypto.encrypt(key, 'aes-gcm', 'secret');
    expect((await cluster.crypto.decrypt(key, 'aes-gcm', sealed)).toString()).toBe('secret');
    expect((await cluster.crypto.digest('sha256', 'abc')).toString('hex')).toMatch(/^ba7816bf/);
    expect(await cluster.crypto.generateRandom(32)).toHaveLength(32);
    expect(fakes[0]!.count('CryptoStream')).toBe(1);
  });

  it('gives up on a call at its deadline and cancels it on the node', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes, { attemptTimeoutMs: 100 });
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    fakes[0]!.delayMs = 2000;

    const error = await cluster.crypto
      .sign(key, 'hmac-sha256', 'x', { deadlineMs: 400 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as DeadlineExceededError).message).toContain('400 ms');
    await waitFor(() => fakes[0]!.cancelled.length > 0, 2000, 'a cancel message');
  });

  it('cancels a call on the node when the caller aborts', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    fakes[0]!.delayMs = 1000;
    const controller = new AbortController();

    const pending = cluster.crypto.sign(key, 'hmac-sha256', 'x', { signal: controller.signal });
    await waitFor(() => fakes[0]!.streamMessages > 0, 2000, 'the call to reach the node');
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await waitFor(() => fakes[0]!.cancelled.length === 1, 2000, 'a cancel message');
  });

  it('fails only the calls of a broken stream and retries them on another node', async () => {
    fakes = await startFakes([{ delayMs: 150 }, { delayMs: 150 }]);
    const registry = new Registry();
    cluster = await connectTo(fakes, { registry });
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    const calls = Array.from({ length: 40 }, (_, i) =>
      cluster!.crypto.sign(key, 'hmac-sha256', `m${i}`),
    );
    await waitFor(
      () => fakes[0]!.streamMessages > 0 && fakes[1]!.streamMessages > 0,
      2000,
      'both streams',
    );
    fakes[0]!.breakStreams(Status.UNAVAILABLE);
    const results = await Promise.allSettled(calls);

    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    // hsm-1 answered none (its stream broke before its delay ran out); hsm-2 answered all.
    expect(fakes[0]!.cryptoResults).toBe(0);
    expect(fakes[1]!.cryptoResults).toBe(40);
    const retries = await registry.getSingleMetric('hsmlab_client_retries_total')!.get();
    const fromHsm1 = retries.values.filter((v) => v.labels.node === 'hsm-1');
    expect(fromHsm1.reduce((sum, v) => sum + v.value, 0)).toBeGreaterThan(0);
  });
});
