import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/hsm-client';
import { Lab, OFFICER_PASSWORD, USER_PASSWORD } from './helpers/lab';
import { waitFor } from './helpers/wait';

describe('cluster life cycle - real HSM processes and a real orchestrator process', () => {
  let lab: Lab;
  let clusterId: string;
  const nodes = ['hsm-a1', 'hsm-b1', 'hsm-c1'];

  beforeAll(async () => {
    lab = await Lab.start();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('creates, initialises and activates a 3-node cluster in 3 AZs', async () => {
    clusterId = await lab.activeCluster([
      ['hsm-a1', 'a'],
      ['hsm-b1', 'b'],
      ['hsm-c1', 'c'],
    ]);
    expect(clusterId).toMatch(/^cluster-[a-z0-9]{11}$/);
    const cluster = await lab.control.describeCluster({ clusterId });
    expect(cluster.state).toBe('ACTIVE');
    expect(cluster.domainId).toBe(clusterId);
    expect(cluster.activatedAtMs).toBeGreaterThan(0);
    expect(cluster.hsms.map((h) => [h.hsmId, h.az, h.state])).toEqual([
      ['hsm-a1', 'a', 'ACTIVE'],
      ['hsm-b1', 'b', 'ACTIVE'],
      ['hsm-c1', 'c', 'ACTIVE'],
    ]);
    const list = await lab.control.listClusters({});
    expect(list.clusters.map((c) => c.clusterId)).toContain(clusterId);
  });

  it('spreads keys and users made on one node to the others through resync', async () => {
    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    const handles = await Lab.generateKeys(alice, 30, 'spread');
    const pair = await alice.call<{
      privateKey: { handle: string };
      publicKey: { handle: string };
    }>('GenerateKeyPair', {
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
      privateAttributes: { sign: true },
      publicAttributes: { verify: true },
    });
    const officer = await lab.loggedIn('hsm-a1', 'admin', OFFICER_PASSWORD);
    await officer.call('CreateUser', {
      username: 'bob',
      role: 'ROLE_CRYPTO_USER',
      password: 'bob-pass-123',
    });

    await lab.waitForSameRoots(nodes);
    const aliceOnC = await lab.loggedIn('hsm-c1', 'alice', USER_PASSWORD);
    for (const handle of [...handles, pair.privateKey.handle]) {
      const { key } = await aliceOnC.call<{ key: { handle: string } }>('GetKey', { handle });
      expect(key.handle).toBe(handle);
    }
    const signed = await aliceOnC.call<{ signature: Buffer }>('Sign', {
      key: pair.privateKey.handle,
      mechanism: 'MECHANISM_ECDSA_SHA256',
      data: Buffer.from('made on a1, used on c1'),
    });
    expect(signed.signature.length).toBeGreaterThan(0);
    const bobOnB = await lab.loggedIn('hsm-b1', 'bob', 'bob-pass-123');
    expect(bobOnB.token).not.toBe('');
  });

  it('spreads deletes as tombstones', async () => {
    const alice = await lab.loggedIn('hsm-b1', 'alice', USER_PASSWORD);
    const [handle] = await Lab.generateKeys(alice, 1, 'to-delete');
    await lab.waitForSameRoots(nodes);
    await alice.call('DeleteKey', { handle });
    await lab.waitForSameRoots(nodes);
    const aliceOnA = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    expect((await codeOf(aliceOnA.call('GetKey', { handle }))).code).toBe(status.NOT_FOUND);
  });

  it('describes every HSM with its object count and whether it is in sync', async () => {
    await lab.waitForSameRoots(nodes);
    const cluster = await waitFor('health data', async () => {
      const c = await lab.control.describeCluster({ clusterId });
      return c.hsms.every((h) => h.inSync && h.objectCount > 30 && h.lastSeenMs > 0)
        ? c
        : undefined;
    });
    const counts = new Set(cluster.hsms.map((h) => h.objectCount));
    expect(counts.size).toBe(1);
    expect(cluster.hsms.every((h) => h.capacity > 0)).toBe(true);
  });

  it('logs each event as one JSON line with the cluster id and HSM id', () => {
    const records = lab.orchestrator.logRecords();
    const changes = records.filter(
      (r) => r.msg === 'hsm state changed' && r.clusterId === clusterId,
    );
    expect(changes.length).toBeGreaterThanOrEqual(3);
    for (const r of changes) {
      expect(r.component).toBe('orchestrator');
      expect(typeof r.hsmId).toBe('string');
      expect(typeof r.from).toBe('string');
      expect(typeof r.to).toBe('string');
    }
  });

  it('removes an HSM: DELETE_IN_PROGRESS, then gone, with an HSM_REMOVED backup', async () => {
    const removed = await lab.control.removeHsm({ clusterId, hsmId: 'hsm-c1' });
    expect(removed.hsmId).toBe('hsm-c1');
    await waitFor('hsm-c1 gone', async () => {
      const c = await lab.control.describeCluster({ clusterId });
      return c.hsms.every((h) => h.hsmId !== 'hsm-c1') ? c : undefined;
    });
    const { backups } = await lab.control.listBackups({ clusterId });
    expect(backups.map((b) => b.trigger)).toContain('HSM_REMOVED');
    expect((await lab.control.describeCluster({ clusterId })).state).toBe('ACTIVE');
  });
});
