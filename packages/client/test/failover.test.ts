import { status as Status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClusterUnavailableError,
  KeyNotFoundError,
  UnauthenticatedError,
  type HsmCluster,
  type KeyHandle,
} from '../src/index';
import type { FakeHsmNode } from './helpers/fake-hsm-node';
import { collect, connectTo, startFakes, stopAll, waitFor } from './helpers/fake-cluster';

let fakes: FakeHsmNode[] = [];
let cluster: HsmCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  await stopAll(fakes);
});

/** signLoop signs in `workers` loops until `stop()` says so; it returns every settled call. */
function signLoop(key: KeyHandle, workers: number, stop: () => boolean) {
  const settled: PromiseSettledResult<Buffer>[] = [];
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stop()) {
        const [result] = await Promise.allSettled([cluster!.crypto.sign(key, 'hmac-sha256', 'x')]);
        settled.push(result!);
      }
    }),
  );
  return { settled, done };
}

describe('failover', () => {
  it('loses no call when a node is killed under steady load, and takes it back after restart', async () => {
    fakes = await startFakes([{ delayMs: 2 }, { delayMs: 2 }, { delayMs: 2 }]);
    cluster = await connectTo(fakes);
    const events = collect(cluster);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    let stop = false;
    const loop = signLoop(key, 6, () => stop);

    await waitFor(() => fakes[1]!.cryptoResults > 20, 5000, 'traffic on hsm-2');
    await fakes[1]!.stop();
    await waitFor(
      () => events.some((e) => e.type === 'node-down' && e.node.nodeId === 'hsm-2'),
      3000,
      'node-down',
    );
    const servedWhileDown = fakes[1]!.cryptoResults;
    await fakes[1]!.restart();
    await waitFor(
      () => events.some((e) => e.type === 'node-back' && e.node.nodeId === 'hsm-2'),
      3000,
      'node-back',
    );
    await waitFor(
      () => fakes[1]!.cryptoResults > servedWhileDown + 20,
      3000,
      'traffic back on hsm-2',
    );
    stop = true;
    await loop.done;

    expect(loop.settled.length).toBeGreaterThan(60);
    expect(loop.settled.filter((r) => r.status === 'rejected')).toEqual([]);
  });

  it('routes around a paused node within one attempt timeout and takes it back on resume', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes, { attemptTimeoutMs: 300, defaultDeadlineMs: 2000 });
    const events = collect(cluster);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    fakes[0]!.pause();
    const signatures = await Promise.all(
      Array.from({ length: 20 }, () => cluster!.crypto.sign(key, 'hmac-sha256', 'x')),
    );
    expect(signatures).toHaveLength(20);
    expect(events.find((e) => e.type === 'node-down')?.node.nodeId).toBe('hsm-1');
    expect(cluster.nodes().find((n) => n.nodeId === 'hsm-1')?.routable).toBe(false);

    fakes[0]!.resume();
    await waitFor(() => cluster!.nodes().every((n) => n.routable), 3000, 'hsm-1 back');
    expect(events.some((e) => e.type === 'node-back' && e.node.nodeId === 'hsm-1')).toBe(true);
  });

  it('retries elsewhere when a node is busy, and leaves it alone for a while', async () => {
    fakes = await startFakes([{}, {}]);
    // hsm-2 looks loaded, so the first attempt goes to hsm-1, which sheds it.
    fakes[1]!.reportedInFlight = 50;
    cluster = await connectTo(fakes);
    const events = collect(cluster);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    fakes[0]!.failNext('Crypto', Status.RESOURCE_EXHAUSTED, 1);

    const signature = await cluster.crypto.sign(key, 'hmac-sha256', 'x');

    expect(signature).toHaveLength(32);
    const degraded = events.find((e) => e.type === 'node-degraded');
    expect(degraded).toMatchObject({ reason: 'busy', node: { nodeId: 'hsm-1' } });
    await waitFor(
      () => events.some((e) => e.type === 'node-back' && e.node.nodeId === 'hsm-1'),
      3000,
      'back',
    );
  });

  it('treats a key missing on one node as lag and finds it on another', async () => {
    fakes = await startFakes([{}, {}]);
    // The key exists on hsm-2 only; hsm-2 looks loaded, so hsm-1 is tried first.
    const only = fakes[1]!.store.createKey('key-lagging', {
      keyType: 'KEY_TYPE_AES',
      keyClass: 'KEY_CLASS_SECRET',
      sizeBits: 256,
      owner: 'alice',
      sharedWith: [],
      attributes: {},
    });
    fakes[1]!.reportedInFlight = 50;
    cluster = await connectTo(fakes);

    const signature = await cluster.crypto.sign(only.handle, 'hmac-sha256', 'x');

    expect(signature).toEqual(fakes[1]!.store.sign(only, Buffer.from('x')));
    expect(fakes[0]!.cryptoResults).toBe(1);
  });

  it('fails with KeyNotFoundError when no node has the key', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes);

    const error = await cluster.crypto
      .sign('key-nowhere', 'hmac-sha256', 'x')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KeyNotFoundError);
    expect((error as KeyNotFoundError).handle).toBe('key-nowhere');
  });

  it('fails with ClusterUnavailableError within the deadline when every node is down', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes);
    await stopAll(fakes);

    const error = await cluster.crypto
      .sign('key-1', 'hmac-sha256', 'x', { deadlineMs: 500 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ClusterUnavailableError);
  });

  it('logs in again, once, when a node forgot the session', async () => {
    fakes = await startFakes([{}]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    const logins = fakes[0]!.count('Login');

    fakes[0]!.forgetSessions();
    await cluster.keys.getKey(key);
    expect(fakes[0]!.count('Login')).toBe(logins + 1);

    await fakes[0]!.restart();
    await cluster.crypto.sign(key, 'hmac-sha256', 'after restart');
    expect(fakes[0]!.count('Login')).toBeGreaterThan(logins + 1);
  });

  it('refuses to connect with wrong credentials', async () => {
    fakes = await startFakes([{}]);

    const error = await connectTo(fakes, {
      credentials: { username: 'alice', password: 'nope' },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnauthenticatedError);
  });
});
