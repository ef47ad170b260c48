import { describe, expect, it } from 'vitest';
import { deriveClusterState } from '../src/model/cluster-state';
import { applyProbe, applyResync, canTransition, transitionHsm } from '../src/model/hsm-machine';
import { newHsmRecord, type ClusterRecord, type HsmRecord } from '../src/model/records';

const policy = { unhealthyAfterFailures: 2, domainId: 'cluster-aaaaaaaaaaa' };
const ok = (over: Partial<{ nodeId: string; domainId: string }> = {}) => ({
  ok: true as const,
  nodeId: 'hsm-1',
  domainId: 'cluster-aaaaaaaaaaa',
  objectCount: 7,
  load: 2,
  capacity: 100,
  ...over,
});
const down = { ok: false as const, error: 'connection refused' };

function activeHsm(): HsmRecord {
  const h = newHsmRecord({
    hsmId: 'hsm-1',
    az: 'a',
    address: '127.0.0.1:1',
    nowMs: 0,
    joinPhase: 'KEY_TRANSPORT',
  });
  transitionHsm(h, 'ACTIVE', '');
  return h;
}

describe('hsm state machine - transitions', () => {
  it('allows only the documented moves', () => {
    expect(canTransition('CREATE_IN_PROGRESS', 'ACTIVE')).toBe(true);
    expect(canTransition('CREATE_IN_PROGRESS', 'CREATE_FAILED')).toBe(true);
    expect(canTransition('ACTIVE', 'DEGRADED')).toBe(true);
    expect(canTransition('DEGRADED', 'ACTIVE')).toBe(true);
    expect(canTransition('CREATE_FAILED', 'ACTIVE')).toBe(false);
    expect(canTransition('ACTIVE', 'CREATE_IN_PROGRESS')).toBe(false);
    expect(canTransition('DELETE_IN_PROGRESS', 'ACTIVE')).toBe(false);
  });

  it('throws with both states on an illegal move', () => {
    const h = activeHsm();
    transitionHsm(h, 'DELETE_IN_PROGRESS', 'removing');
    expect(() => transitionHsm(h, 'ACTIVE', '')).toThrow(
      /hsm-1 cannot go DELETE_IN_PROGRESS -> ACTIVE/,
    );
  });

  it('marks the join done when an HSM leaves CREATE_IN_PROGRESS', () => {
    const h = activeHsm();
    expect(h.joinPhase).toBe('DONE');
  });
});

describe('hsm state machine - health', () => {
  it('degrades an ACTIVE HSM only after the configured failures in a row', () => {
    const h = activeHsm();
    applyProbe(h, down, policy, 1000);
    expect(h.state).toBe('ACTIVE');
    applyProbe(h, down, policy, 2000);
    expect(h.state).toBe('DEGRADED');
    expect(h.stateMessage).toBe('unreachable: connection refused');
  });

  it('resets the failure count on any success', () => {
    const h = activeHsm();
    applyProbe(h, down, policy, 1000);
    applyProbe(h, ok(), policy, 2000);
    applyProbe(h, down, policy, 3000);
    expect(h.state).toBe('ACTIVE');
    expect(h.lastSeenMs).toBe(2000);
    expect(h.objectCount).toBe(7);
  });

  it('keeps a returning HSM DEGRADED until a resync round catches it up', () => {
    const h = activeHsm();
    applyProbe(h, down, policy, 1);
    applyProbe(h, down, policy, 2);
    applyProbe(h, ok(), policy, 3);
    expect(h.state).toBe('DEGRADED');
    expect(h.stateMessage).toBe('reachable again; waiting for resync');
    applyResync(h, true, undefined);
    expect(h.state).toBe('ACTIVE');
    expect(h.inSync).toBe(true);
  });

  it('degrades at once a node that answers as another node or domain, or lost its key', () => {
    for (const [probe, message] of [
      [ok({ nodeId: 'hsm-9' }), /answers as node hsm-9/],
      [ok({ domainId: 'cluster-bbbbbbbbbbb' }), /masking domain cluster-bbbbbbbbbbb/],
      [ok({ domainId: '' }), /no masking key/],
    ] as const) {
      const h = activeHsm();
      applyProbe(h, probe, policy, 1);
      expect(h.state).toBe('DEGRADED');
      expect(h.stateMessage).toMatch(message);
    }
  });

  it('degrades an ACTIVE HSM whose resync imports failed, but not one merely behind', () => {
    const behind = activeHsm();
    applyResync(behind, false, undefined);
    expect(behind.state).toBe('ACTIVE');
    expect(behind.inSync).toBe(false);
    const failing = activeHsm();
    applyResync(failing, false, 'ImportMasked failed');
    expect(failing.state).toBe('DEGRADED');
  });

  it('leaves joining HSMs alone', () => {
    const h = newHsmRecord({
      hsmId: 'hsm-1',
      az: 'a',
      address: 'x:1',
      nowMs: 0,
      joinPhase: 'RESTORE',
    });
    applyProbe(h, down, policy, 1);
    applyProbe(h, down, policy, 2);
    expect(h.state).toBe('CREATE_IN_PROGRESS');
  });
});

describe('cluster state - derived from the record', () => {
  const cluster = (over: Partial<ClusterRecord>): ClusterRecord => ({
    clusterId: 'cluster-aaaaaaaaaaa',
    domainId: 'cluster-aaaaaaaaaaa',
    createdAtMs: 0,
    activatedAtMs: 5,
    sourceBackupId: '',
    pendingRestoreBackupId: '',
    lastScheduledBackupMs: 0,
    state: 'UNINITIALIZED',
    stateMessage: '',
    hsms: [activeHsm()],
    ...over,
  });

  it('goes UNINITIALIZED, INITIALIZED, ACTIVE', () => {
    expect(deriveClusterState(cluster({ domainId: '' })).state).toBe('UNINITIALIZED');
    expect(deriveClusterState(cluster({ activatedAtMs: 0 })).state).toBe('INITIALIZED');
    expect(deriveClusterState(cluster({})).state).toBe('ACTIVE');
  });

  it('is DEGRADED with a DEGRADED HSM or without an ACTIVE one', () => {
    const h = activeHsm();
    transitionHsm(h, 'DEGRADED', 'unreachable');
    expect(deriveClusterState(cluster({ hsms: [activeHsm(), h] }))).toEqual({
      state: 'DEGRADED',
      message: 'degraded HSMs: hsm-1',
    });
    expect(deriveClusterState(cluster({ hsms: [] })).state).toBe('DEGRADED');
  });

  it('is not degraded by an HSM that is still joining', () => {
    const joining = newHsmRecord({
      hsmId: 'hsm-2',
      az: 'b',
      address: 'x:2',
      nowMs: 0,
      joinPhase: 'RESTORE',
    });
    expect(deriveClusterState(cluster({ hsms: [activeHsm(), joining] })).state).toBe('ACTIVE');
  });

  it('waits for its first HSM when made from a backup', () => {
    const c = cluster({
      pendingRestoreBackupId: 'backup-aaaaaaaaaaa',
      sourceBackupId: 'backup-aaaaaaaaaaa',
      hsms: [],
    });
    expect(deriveClusterState(c).state).toBe('INITIALIZED');
  });
});
