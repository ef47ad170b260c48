import { status, type ServiceError } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlClient } from './helpers/control-client';
import type { FakeAppliance } from './helpers/fake-appliance';
import { startDoubles, startInProcess, type InProcess } from './helpers/in-process';
import { waitFor } from './helpers/wait';

describe('watch cluster - discovery over the control plane (test doubles)', () => {
  let p: InProcess;
  let doubles: FakeAppliance[] = [];
  let control: ControlClient;

  afterEach(async () => {
    control?.close();
    await p?.stop();
    await Promise.all(doubles.map((d) => d.stop()));
    doubles = [];
  });

  it('sends a SNAPSHOT first, then membership and state changes as they happen', async () => {
    p = await startInProcess({ unhealthyAfterFailures: 1 });
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
    ]);
    control = new ControlClient(p.orch.address);
    const { clusterId } = await control.createCluster({});
    const watch = control.watch(clusterId);
    await waitFor('snapshot', () => watch.events.length > 0);
    expect(watch.events[0]).toMatchObject({
      kind: 'SNAPSHOT',
      cluster: { clusterId, state: 'UNINITIALIZED' },
    });

    await control.addHsm({ clusterId, address: doubles[0]!.address });
    await control.addHsm({ clusterId, address: doubles[1]!.address });
    await control.initializeCluster({ clusterId });
    await p.orch.idle();
    doubles[0]!.officerActivated = true;
    await p.orch.rounds.healthRound();
    await doubles[1]!.stop();
    await p.orch.rounds.healthRound();
    await control.removeHsm({ clusterId, hsmId: 'hsm-b' });
    await p.orch.idle();

    const seen = () =>
      watch.events.map((e) => [
        e.kind,
        e.hsmId,
        e.kind === 'CLUSTER_STATE_CHANGED' || e.kind === 'SNAPSHOT'
          ? e.cluster!.state
          : (e.cluster!.hsms.find((h) => h.hsmId === e.hsmId)?.state ?? '-'),
      ]);
    await waitFor('removal event', () => seen().some((e) => e[0] === 'HSM_REMOVED'));
    expect(seen()).toEqual([
      ['SNAPSHOT', '', 'UNINITIALIZED'],
      ['HSM_ADDED', 'hsm-a', 'CREATE_IN_PROGRESS'],
      ['HSM_ADDED', 'hsm-b', 'CREATE_IN_PROGRESS'],
      ['HSM_STATE_CHANGED', 'hsm-a', 'ACTIVE'],
      ['CLUSTER_STATE_CHANGED', '', 'INITIALIZED'],
      ['HSM_STATE_CHANGED', 'hsm-b', 'ACTIVE'],
      ['CLUSTER_STATE_CHANGED', '', 'ACTIVE'],
      ['HSM_STATE_CHANGED', 'hsm-b', 'DEGRADED'],
      ['CLUSTER_STATE_CHANGED', '', 'DEGRADED'],
      ['HSM_STATE_CHANGED', 'hsm-b', 'DELETE_IN_PROGRESS'],
      ['CLUSTER_STATE_CHANGED', '', 'ACTIVE'],
      ['HSM_REMOVED', 'hsm-b', '-'],
    ]);
    watch.cancel();
  });

  it('answers NOT_FOUND for an unknown cluster and INVALID_ARGUMENT for a malformed id', async () => {
    p = await startInProcess();
    control = new ControlClient(p.orch.address);
    const watch = control.watch('cluster-doesnotexst');
    const err = await waitFor('watch error', () => watch.error());
    expect(err.code).toBe(status.NOT_FOUND);
    const bad = await control.describeCluster({ clusterId: 'nope' }).catch((e: ServiceError) => e);
    expect((bad as ServiceError).code).toBe(status.INVALID_ARGUMENT);
    expect((bad as ServiceError).details).toMatch(/cluster_id: "nope" is not a cluster id/);
  });
});
