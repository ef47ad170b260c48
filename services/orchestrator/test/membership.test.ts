import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAppliance } from './helpers/fake-appliance';
import { waitFor } from './helpers/wait';
import { doubleCluster, startDoubles, startInProcess, type InProcess } from './helpers/in-process';

describe('membership - join, health and resync against test doubles', () => {
  let p: InProcess;
  let doubles: FakeAppliance[] = [];

  afterEach(async () => {
    await p?.stop();
    await Promise.all(doubles.map((d) => d.stop()));
    doubles = [];
  });

  function hsm(clusterId: string, hsmId: string) {
    return p.orch.clusters.getCluster(clusterId).hsms.find((h) => h.hsmId === hsmId)!;
  }

  it('initialises on the first HSM and joins the others by grant, backup, then resync', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
      ['hsm-c', 'c'],
    ]);
    const { clusterId } = await p.orch.clusters.createCluster();
    for (const d of doubles) await p.orch.clusters.addHsm({ clusterId, address: d.address });
    expect(p.orch.clusters.getCluster(clusterId).hsms.map((h) => [h.hsmId, h.az, h.state])).toEqual(
      [
        ['hsm-a', 'a', 'CREATE_IN_PROGRESS'],
        ['hsm-b', 'b', 'CREATE_IN_PROGRESS'],
        ['hsm-c', 'c', 'CREATE_IN_PROGRESS'],
      ],
    );

    const cluster = await p.orch.clusters.initializeCluster(clusterId);
    expect(cluster.domainId).toBe(clusterId);
    expect(cluster.state).toBe('INITIALIZED');
    doubles[0]!.put('key:0001', 5);
    await p.orch.idle();

    const [a, b, c] = doubles;
    expect(p.orch.clusters.getCluster(clusterId).hsms.map((h) => h.state)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
    for (const joiner of [b!, c!]) {
      const steps = joiner.calls.filter((m) =>
        ['GetJoinRequest', 'CompleteJoin', 'RestoreBackup'].includes(m),
      );
      expect(steps).toEqual(['GetJoinRequest', 'CompleteJoin', 'RestoreBackup']);
      expect(joiner.objects.has('key:0001')).toBe(true);
      expect(joiner.rootDigest().equals(a!.rootDigest())).toBe(true);
    }
    expect(a!.calls.filter((m) => m === 'GrantJoin')).toHaveLength(2);

    doubles[0]!.officerActivated = true;
    await p.orch.rounds.healthRound();
    expect(p.orch.clusters.getCluster(clusterId).state).toBe('ACTIVE');
    expect(
      p.orch.backups
        .listBackups(clusterId)
        .map((x) => x.trigger)
        .sort(),
    ).toEqual(['ACTIVATION', 'HSM_ADDED', 'HSM_ADDED']);
  });

  it('refuses a node whose identity does not chain to the manufacturer CA, with the reason', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-x', 'b'],
    ]);
    doubles[1]!.genuine = false;
    const clusterId = await doubleCluster(p, doubles.slice(0, 1));
    await p.orch.clusters.addHsm({ clusterId, address: doubles[1]!.address });
    await p.orch.idle();
    const x = hsm(clusterId, 'hsm-x');
    expect(x.state).toBe('CREATE_FAILED');
    expect(x.stateMessage).toMatch(
      /join refused by hsm-a: .*does not verify against the manufacturer CA/,
    );
    expect(doubles[1]!.calls).not.toContain('RestoreBackup');
    expect(doubles[1]!.domainId).toBe('');
    expect(p.orch.clusters.getCluster(clusterId).state).toBe('ACTIVE');
  });

  it('keeps a join waiting while no ACTIVE HSM can grant, then finishes it', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
    ]);
    const clusterId = await doubleCluster(p, doubles.slice(0, 1));
    doubles[0]!.failures.set('GrantJoin', { code: status.UNAVAILABLE, details: 'busy' });
    await p.orch.clusters.addHsm({ clusterId, address: doubles[1]!.address });
    await p.orch.idle();
    expect(hsm(clusterId, 'hsm-b').state).toBe('CREATE_IN_PROGRESS');
    expect(hsm(clusterId, 'hsm-b').stateMessage).toMatch(/no ACTIVE HSM could grant the join/);

    doubles[0]!.failures.clear();
    await p.orch.rounds.resyncRound();
    await p.orch.idle();
    expect(hsm(clusterId, 'hsm-b').state).toBe('ACTIVE');
  });

  it('resumes an unfinished join after the orchestrator restarts', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
    ]);
    const clusterId = await doubleCluster(p, doubles.slice(0, 1));
    doubles[0]!.failures.set('CreateBackup', { code: status.UNAVAILABLE, details: 'busy' });
    doubles[0]!.failures.set('GrantJoin', { code: status.UNAVAILABLE, details: 'busy' });
    await p.orch.clusters.addHsm({ clusterId, address: doubles[1]!.address });
    await p.orch.idle();
    await p.restart();
    expect(hsm(clusterId, 'hsm-b').state).toBe('CREATE_IN_PROGRESS');

    doubles[0]!.failures.clear();
    await p.orch.rounds.resyncRound();
    await p.orch.idle();
    expect(hsm(clusterId, 'hsm-b').state).toBe('ACTIVE');
    expect(doubles[1]!.rootDigest().equals(doubles[0]!.rootDigest())).toBe(true);
  });

  it('degrades an unreachable HSM after two failed checks and reactivates it only after resync', async () => {
    p = await startInProcess({ unhealthyAfterFailures: 2 });
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
      ['hsm-c', 'c'],
    ]);
    const clusterId = await doubleCluster(p, doubles);
    const c = doubles[2]!;
    await c.stop();
    await p.orch.rounds.healthRound();
    expect(hsm(clusterId, 'hsm-c').state).toBe('ACTIVE');
    await p.orch.rounds.healthRound();
    expect(hsm(clusterId, 'hsm-c').state).toBe('DEGRADED');
    expect(p.orch.clusters.getCluster(clusterId).state).toBe('DEGRADED');

    doubles[0]!.put('key:late', 50);
    await p.orch.rounds.resyncRound();
    expect(doubles[1]!.objects.has('key:late')).toBe(true);
    await c.restart();
    // The channel may still be in its reconnect backoff: health rounds run until one reaches the node.
    await waitFor('hsm-c answering', async () => {
      await p.orch.rounds.healthRound();
      return hsm(clusterId, 'hsm-c').consecutiveFailures === 0;
    });
    expect(hsm(clusterId, 'hsm-c').state).toBe('DEGRADED');
    expect(hsm(clusterId, 'hsm-c').stateMessage).toBe('reachable again; waiting for resync');
    await p.orch.rounds.resyncRound();
    expect(hsm(clusterId, 'hsm-c').state).toBe('ACTIVE');
    expect(c.objects.has('key:late')).toBe(true);
    expect(p.orch.clusters.getCluster(clusterId).state).toBe('ACTIVE');
    const changes = p.logs
      .filter((l) => l.msg === 'hsm state changed' && l.hsmId === 'hsm-c')
      .map((l) => `${l.from}->${l.to}`);
    expect(changes.slice(-2)).toEqual(['ACTIVE->DEGRADED', 'DEGRADED->ACTIVE']);
  });

  it('copies the winning version of every differing object, tombstones and writes made on any node', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
      ['hsm-c', 'c'],
    ]);
    const clusterId = await doubleCluster(p, doubles);
    const [a, b, c] = doubles;
    a!.put('key:1', 10);
    b!.put('key:1', 20, { tombstone: true });
    c!.put('key:2', 30);
    for (let i = 0; i < 1200; i += 1) a!.put(`key:bulk:${String(i).padStart(5, '0')}`, 40);
    await p.orch.rounds.resyncRound();
    for (const d of doubles) {
      expect(d.objects.get('key:1')!.tombstone).toBe(true);
      expect(d.objects.has('key:2')).toBe(true);
      expect(d.rootDigest().equals(a!.rootDigest())).toBe(true);
    }
    expect(p.orch.clusters.getCluster(clusterId).hsms.every((h) => h.inSync)).toBe(true);
  });

  it('leaves a handle with two contents for one version alone and counts the conflict', async () => {
    p = await startInProcess();
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
    ]);
    await doubleCluster(p, doubles);
    doubles[0]!.put('key:1', 10, {
      nodeId: 'hsm-a',
      sealed: Buffer.from('one-one-one-one-one-one-one-one'),
    });
    doubles[1]!.put('key:1', 10, {
      nodeId: 'hsm-a',
      sealed: Buffer.from('two-two-two-two-two-two-two-two'),
    });
    await p.orch.rounds.resyncRound();
    expect(doubles[0]!.objects.get('key:1')!.sealed.toString()).toMatch(/^one/);
    expect(doubles[1]!.objects.get('key:1')!.sealed.toString()).toMatch(/^two/);
    const metric = await p.orch.metrics.resyncConflicts.get();
    expect(metric.values[0]!.value).toBe(1);
  });

  it('refuses bad AddHsm input with the field named', async () => {
    p = await startInProcess();
    doubles = await startDoubles([['hsm-a', 'a']]);
    const { clusterId } = await p.orch.clusters.createCluster();
    await expect(p.orch.clusters.addHsm({ clusterId, address: 'nope' })).rejects.toThrow(
      /address: "nope" is not host:port/,
    );
    await expect(
      p.orch.clusters.addHsm({ clusterId, address: doubles[0]!.address, hsmId: 'hsm-z' }),
    ).rejects.toThrow(/hsm_id: "hsm-z" given, but .* is node hsm-a/);
    await p.orch.clusters.addHsm({ clusterId, address: doubles[0]!.address });
    await expect(
      p.orch.clusters.addHsm({ clusterId, address: doubles[0]!.address }),
    ).rejects.toThrow(/already hsm-a/);
    await expect(p.orch.clusters.addHsm({ clusterId, address: '127.0.0.1:1' })).rejects.toThrow(
      /cannot reach/,
    );
  });
});
