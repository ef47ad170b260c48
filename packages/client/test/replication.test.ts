import { randomUUID } from 'node:crypto';
import { status as Status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyAvailabilityError, type HsmCluster } from '../src/index';
import type { FakeHsmNode } from './helpers/fake-hsm-node';
import { idempotentHandle } from './helpers/fake-hsm-store';
import { collect, connectTo, startFakes, stopAll, waitFor } from './helpers/fake-cluster';

let fakes: FakeHsmNode[] = [];
let cluster: HsmCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  await stopAll(fakes);
});

function keysOn(fake: FakeHsmNode): string[] {
  return [...fake.store.objects.values()]
    .filter((o) => o.type === 'OBJECT_TYPE_KEY')
    .map((o) => o.handle);
}

describe('replicated writes', () => {
  it('returns a create only once the other reachable nodes hold the same version', async () => {
    fakes = await startFakes([{}, {}, {}]);
    cluster = await connectTo(fakes);

    const key = await cluster.keys.generateSymmetricKey({
      keyType: 'aes',
      sizeBits: 256,
      attributes: { label: 'k' },
    });

    for (const fake of fakes)
      expect(fake.store.objects.get(key.handle)?.version).toEqual(key.version);
    expect(key).toMatchObject({
      keyType: 'aes',
      keyClass: 'secret',
      sizeBits: 256,
      owner: 'alice',
    });
  });

  it('fails fast with KeyAvailabilityError when too few nodes are reachable, while signs still work', async () => {
    fakes = await startFakes([{}, {}, {}]);
    cluster = await connectTo(fakes);
    const events = collect(cluster);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    await fakes[1]!.stop();
    await fakes[2]!.stop();
    await waitFor(
      () => events.filter((e) => e.type === 'node-down').length === 2,
      3000,
      'two nodes down',
    );
    const creates = fakes[0]!.count('GenerateSymmetricKey');

    const error = await cluster.keys
      .generateSymmetricKey({ keyType: 'aes', sizeBits: 256 })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KeyAvailabilityError);
    expect(error).toMatchObject({ replicas: 0, required: 2 });
    // Nothing was written: the SDK refused before sending the create.
    expect(fakes[0]!.count('GenerateSymmetricKey')).toBe(creates);
    expect(await cluster.crypto.sign(key, 'hmac-sha256', 'still works')).toHaveLength(32);
  });

  it('says how many nodes hold the key when the spread falls short', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes);
    for (const fake of fakes) fake.failNext('ImportMaskedObject', Status.INTERNAL, 10);

    const error = (await cluster.keys
      .generateSymmetricKey({ keyType: 'aes', sizeBits: 256 })
      .catch((e: unknown) => e)) as KeyAvailabilityError;

    expect(error).toBeInstanceOf(KeyAvailabilityError);
    expect(error).toMatchObject({ replicas: 1, required: 2 });
    expect(error.message).toContain('held by 1 node');
    expect(fakes.filter((fake) => fake.store.objects.has(error.handle!))).toHaveLength(1);
  });

  it('accepts a single replica only when minReplicas: 1 says so', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes, { minReplicas: 1 });
    await fakes[1]!.stop();
    await waitFor(
      () => cluster!.nodes().filter((n) => n.routable).length === 1,
      3000,
      'hsm-2 down',
    );

    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 128 });

    expect(fakes[0]!.store.objects.has(key.handle)).toBe(true);
  });

  it('refuses writes when minReplicas exceeds the cluster, rather than downgrading', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes, { minReplicas: 3 });

    await expect(
      cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 128 }),
    ).rejects.toMatchObject({
      name: 'KeyAvailabilityError',
      required: 3,
    });
  });

  it('returns the newer version when a target answers STALE', async () => {
    fakes = await startFakes([{}, {}]);
    const requestId = randomUUID();
    const handle = idempotentHandle('alice', requestId);
    // hsm-2 already holds a newer version of the handle (the same create,
    // retried after a lost reply, finished there later).
    const newer = fakes[1]!.store.createKey(handle, {
      keyType: 'KEY_TYPE_AES',
      keyClass: 'KEY_CLASS_SECRET',
      sizeBits: 256,
      owner: 'alice',
      sharedWith: [],
      attributes: {},
    });
    newer.version = { ...newer.version, wallMs: Date.now() + 60_000 };
    fakes[1]!.reportedInFlight = 50;
    cluster = await connectTo(fakes);

    const key = await cluster.keys.generateSymmetricKey(
      { keyType: 'aes', sizeBits: 256 },
      { clientRequestId: requestId },
    );

    expect(fakes[0]!.count('GenerateSymmetricKey')).toBe(1);
    expect(key.handle).toBe(handle);
    expect(key.version).toEqual(newer.version);
    expect(fakes[0]!.store.objects.get(handle)?.version).toEqual(newer.version);
  });

  it('reuses the client request id when retrying a create whose reply was lost', async () => {
    fakes = await startFakes([{}, {}]);
    fakes[1]!.reportedInFlight = 50;
    cluster = await connectTo(fakes);
    fakes[0]!.loseReplyNext('GenerateSymmetricKey');

    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    // Both nodes ran the create; the retry named the same key, so there is one key.
    expect(fakes[0]!.count('GenerateSymmetricKey')).toBe(1);
    expect(fakes[1]!.count('GenerateSymmetricKey')).toBe(1);
    expect(keysOn(fakes[0]!)).toEqual([key.handle]);
    expect(keysOn(fakes[1]!)).toEqual([key.handle]);
    expect(fakes[0]!.store.objects.get(key.handle)?.version).toEqual(key.version);
  });

  it('replicates a delete as a tombstone', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes);
    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });

    await cluster.keys.deleteKey(key);

    for (const fake of fakes) expect(fake.store.objects.get(key.handle)?.tombstone).toBe(true);
    await expect(cluster.keys.getKey(key)).rejects.toMatchObject({ name: 'KeyNotFoundError' });
  });
});

describe('users', () => {
  it('activates the officer on every reachable node', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes, { credentials: undefined });

    const report = await cluster.users.activateOfficer('officer-pw');
    const again = await cluster.users.activateOfficer('officer-pw');

    expect([...report.activated].sort()).toEqual(['hsm-1', 'hsm-2']);
    expect([...again.alreadyActive].sort()).toEqual(['hsm-1', 'hsm-2']);
  });

  it('changes your own password on every node and logs in with it from then on', async () => {
    fakes = await startFakes([{}, {}]);
    cluster = await connectTo(fakes);

    await cluster.users.changePassword('alice', 'new-pw');
    for (const fake of fakes) fake.forgetSessions();
    await cluster.keys.findKeys();

    for (const fake of fakes) expect(fake.store.user('alice')?.password).toBe('new-pw');
  });
});
