import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, USER_PASSWORD, makeManufacturer } from './helpers/lab';
import { waitFor } from './helpers/wait';

describe('attested join - real HSM processes', () => {
  let lab: Lab;
  let clusterId: string;

  beforeAll(async () => {
    lab = await Lab.start();
    clusterId = await lab.activeCluster([
      ['hsm-a1', 'a'],
      ['hsm-b1', 'b'],
      ['hsm-c1', 'c'],
    ]);
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('joins a fourth node with 1,000 keys, with identical digests before it is ACTIVE', async () => {
    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 1000, 'bulk');
    await lab.waitForSameRoots(['hsm-a1', 'hsm-b1', 'hsm-c1'], 120_000);

    await lab.startNode('hsm-d1', 'a');
    const watch = lab.control.watch(clusterId);
    const added = await lab.addHsm(clusterId, 'hsm-d1');
    expect(added.state).toBe('CREATE_IN_PROGRESS');
    await waitFor(
      'hsm-d1 ACTIVE event',
      () =>
        watch.events.some(
          (e) =>
            e.kind === 'HSM_STATE_CHANGED' &&
            e.hsmId === 'hsm-d1' &&
            e.cluster?.hsms.find((h) => h.hsmId === 'hsm-d1')?.state === 'ACTIVE',
        ),
      120_000,
    );
    watch.cancel();

    const lists = await Promise.all(
      ['hsm-a1', 'hsm-b1', 'hsm-c1', 'hsm-d1'].map((id) => lab.digests(id)),
    );
    expect(lists[3]!.length).toBeGreaterThanOrEqual(1000);
    for (const list of lists) expect(list).toEqual(lists[0]);

    // The join's own convergence check ran before the state change was made.
    const records = lab.orchestrator.logRecords();
    const converged = records.findIndex(
      (r) => r.msg === 'join converged: root digests identical' && r.hsmId === 'hsm-d1',
    );
    const active = records.findIndex(
      (r) => r.msg === 'hsm state changed' && r.hsmId === 'hsm-d1' && r.to === 'ACTIVE',
    );
    expect(converged).toBeGreaterThanOrEqual(0);
    expect(converged).toBeLessThan(active);
    expect(records.some((r) => r.msg === 'join granted' && r.hsmId === 'hsm-d1')).toBe(true);
    const { backups } = await lab.control.listBackups({ clusterId });
    expect(backups.filter((b) => b.trigger === 'HSM_ADDED').length).toBeGreaterThanOrEqual(3);
  });

  it('writes every sync-plane call of the join into the nodes audit logs', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const auditText = (nodeId: string) => {
      const dir = lab.node(nodeId).dataDir;
      return readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.includes('audit'))
        .map((f) => {
          try {
            return readFileSync(join(dir, f), 'utf8');
          } catch {
            return '';
          }
        })
        .join('\n');
    };
    expect(auditText('hsm-d1')).toMatch(/appliance\.GetJoinRequest[\s\S]*appliance\.CompleteJoin/);
    expect(auditText('hsm-a1') + auditText('hsm-b1') + auditText('hsm-c1')).toMatch(
      /appliance\.GrantJoin/,
    );
  });

  it('refuses a node whose identity comes from a forged manufacturer CA', async () => {
    const forger = await makeManufacturer();
    await lab.startNode('hsm-x1', 'b', { manufacturer: forger });
    await lab.addHsm(clusterId, 'hsm-x1');
    const refused = await lab.waitForHsmState(clusterId, 'hsm-x1', 'CREATE_FAILED');
    expect(refused.stateMessage).toMatch(/^join refused by hsm-[abcd]1: /);
    const x = await lab.applianceOn('hsm-x1');
    const st = await x.sync<{ domainId: string; objectCount: number }>('GetStatus', {});
    expect(st.domainId).toBe('');
    const cluster = await lab.control.describeCluster({ clusterId });
    expect(cluster.state).toBe('ACTIVE');
    expect(
      cluster.hsms
        .filter((h) => h.state === 'ACTIVE')
        .map((h) => h.hsmId)
        .sort(),
    ).toEqual(['hsm-a1', 'hsm-b1', 'hsm-c1', 'hsm-d1']);
  });
});
