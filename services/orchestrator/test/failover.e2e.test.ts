import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, USER_PASSWORD } from './helpers/lab';
import { waitFor } from './helpers/wait';

describe('failover - nodes killed, cut off and an orchestrator killed mid-join (real processes)', () => {
  let lab: Lab;
  let clusterId: string;
  const all = ['hsm-a1', 'hsm-b1', 'hsm-c1'];

  beforeAll(async () => {
    lab = await Lab.start();
    clusterId = await lab.activeCluster(
      [
        ['hsm-a1', 'a'],
        ['hsm-b1', 'b'],
        ['hsm-c1', 'c'],
      ],
      { proxied: true },
    );
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('marks a killed node DEGRADED, and a restarted one converges and is ACTIVE again without help', async () => {
    await lab.node('hsm-b1').kill('SIGKILL');
    const degraded = await lab.waitForHsmState(clusterId, 'hsm-b1', 'DEGRADED');
    expect(degraded.stateMessage).toMatch(/^unreachable: /);
    expect((await lab.control.describeCluster({ clusterId })).state).toBe('DEGRADED');

    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 50, 'while-b-down');
    await lab.node('hsm-b1').start();
    await lab.waitForHsmState(clusterId, 'hsm-b1', 'ACTIVE');
    await lab.waitForSameRoots(all);
    await lab.waitForClusterState(clusterId, 'ACTIVE');
  });

  it('converges a node cut off from the orchestrator that took writes of its own', async () => {
    const proxy = lab.proxies.get('hsm-c1')!;
    proxy.partition();
    await lab.waitForHsmState(clusterId, 'hsm-c1', 'DEGRADED');

    // A client in c1's partition keeps writing to it; another writes to a1.
    const onC = await lab.loggedIn('hsm-c1', 'alice', USER_PASSWORD);
    const fromC = await Lab.generateKeys(onC, 20, 'written-on-c');
    const onA = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(onA, 20, 'written-on-a');

    proxy.heal();
    await lab.waitForHsmState(clusterId, 'hsm-c1', 'ACTIVE');
    await lab.waitForSameRoots(all);
    for (const handle of fromC) {
      const { key } = await onA.call<{ key: { handle: string } }>('GetKey', { handle });
      expect(key.handle).toBe(handle);
    }
  });

  it('resumes a join after the orchestrator is killed and restarted', async () => {
    await lab.startNode('hsm-d1', 'b');
    await lab.addHsm(clusterId, 'hsm-d1');
    await lab.orchestrator.kill('SIGKILL');
    await lab.orchestrator.start();
    await lab.waitForHsmState(clusterId, 'hsm-d1', 'ACTIVE');
    await lab.waitForSameRoots([...all, 'hsm-d1']);
    const cluster = await lab.control.describeCluster({ clusterId });
    expect(cluster.hsms.map((h) => [h.hsmId, h.state])).toEqual([
      ['hsm-a1', 'ACTIVE'],
      ['hsm-b1', 'ACTIVE'],
      ['hsm-c1', 'ACTIVE'],
      ['hsm-d1', 'ACTIVE'],
    ]);
  });

  it('keeps serving the last known state after the orchestrator restarts', async () => {
    const before = await lab.control.describeCluster({ clusterId });
    await lab.orchestrator.stop();
    await lab.orchestrator.start();
    const after = await waitFor('describe after restart', () =>
      lab.control.describeCluster({ clusterId }),
    );
    expect(after.domainId).toBe(before.domainId);
    expect(after.hsms.map((h) => h.hsmId)).toEqual(before.hsms.map((h) => h.hsmId));
  });
});
