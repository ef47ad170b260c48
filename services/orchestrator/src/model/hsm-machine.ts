import type { HsmRecord, HsmState } from './records';

/**
 * HSM_TRANSITIONS is the HSM state machine. CREATE_IN_PROGRESS ends in ACTIVE
 * (join done) or CREATE_FAILED (join refused); ACTIVE and DEGRADED swap on
 * health and sync; anything but DELETE_IN_PROGRESS can be removed.
 */
const HSM_TRANSITIONS: Readonly<Record<HsmState, readonly HsmState[]>> = {
  CREATE_IN_PROGRESS: ['ACTIVE', 'CREATE_FAILED', 'DELETE_IN_PROGRESS'],
  ACTIVE: ['DEGRADED', 'DELETE_IN_PROGRESS'],
  DEGRADED: ['ACTIVE', 'DELETE_IN_PROGRESS'],
  CREATE_FAILED: ['DELETE_IN_PROGRESS'],
  DELETE_IN_PROGRESS: [],
};

/** canTransition tells whether the machine allows from → to. */
export function canTransition(from: HsmState, to: HsmState): boolean {
  return HSM_TRANSITIONS[from].includes(to);
}

/**
 * transitionHsm moves hsm to `to` with a state message. Staying in the same
 * state only updates the message. An illegal move is a bug in the caller and
 * throws with both states and the HSM id.
 */
export function transitionHsm(hsm: HsmRecord, to: HsmState, message: string): void {
  if (hsm.state !== to && !canTransition(hsm.state, to)) {
    throw new Error(`invariant: HSM ${hsm.hsmId} cannot go ${hsm.state} -> ${to}`);
  }
  hsm.state = to;
  hsm.stateMessage = message;
  if (to !== 'CREATE_IN_PROGRESS' && to !== 'CREATE_FAILED') hsm.joinPhase = 'DONE';
}

/** ProbeOutcome is what one health check of a node found: failure is data. */
export type ProbeOutcome =
  | {
      ok: true;
      nodeId: string;
      domainId: string;
      objectCount: number;
      load: number;
      capacity: number;
    }
  | { ok: false; error: string };

/** HealthPolicy is the part of the options that health verdicts read. */
export interface HealthPolicy {
  unhealthyAfterFailures: number;
  /** The cluster's masking domain; empty while uninitialised. */
  domainId: string;
}

/**
 * applyProbe folds one health check into hsm at nowMs. Only ACTIVE HSMs are
 * demoted here: after `unhealthyAfterFailures` failures in a row, or at once
 * when the node answers as someone else (another node id or masking domain,
 * or no masking key: its data is gone). Promotion back to ACTIVE is the
 * resync round's job (see applyResync), so a node that returns is caught up
 * before clients see it again.
 */
export function applyProbe(
  hsm: HsmRecord,
  probe: ProbeOutcome,
  policy: HealthPolicy,
  nowMs: number,
): void {
  if (!probe.ok) {
    hsm.consecutiveFailures += 1;
    hsm.inSync = false;
    if (hsm.state === 'ACTIVE' && hsm.consecutiveFailures >= policy.unhealthyAfterFailures) {
      transitionHsm(hsm, 'DEGRADED', `unreachable: ${probe.error}`);
    } else if (hsm.state === 'DEGRADED') {
      hsm.stateMessage = `unreachable: ${probe.error}`;
    }
    return;
  }
  hsm.consecutiveFailures = 0;
  hsm.lastSeenMs = nowMs;
  hsm.objectCount = probe.objectCount;
  hsm.load = probe.load;
  hsm.capacity = probe.capacity;
  if (hsm.state !== 'ACTIVE' && hsm.state !== 'DEGRADED') return;

  const wrong = identityProblem(hsm, probe, policy);
  if (wrong !== undefined) {
    hsm.inSync = false;
    transitionHsm(hsm, 'DEGRADED', wrong);
  } else if (hsm.state === 'DEGRADED' && hsm.stateMessage.startsWith('unreachable')) {
    hsm.stateMessage = 'reachable again; waiting for resync';
  }
}

/** identityProblem says why a node's answer disqualifies it, or undefined. */
export function identityProblem(
  hsm: HsmRecord,
  probe: Extract<ProbeOutcome, { ok: true }>,
  policy: HealthPolicy,
): string | undefined {
  if (probe.nodeId !== hsm.hsmId) {
    return `address ${hsm.address} now answers as node ${probe.nodeId}`;
  }
  if (policy.domainId !== '' && probe.domainId === '') {
    return 'node has no masking key (its data was lost); remove it and add it again';
  }
  if (policy.domainId !== '' && probe.domainId !== policy.domainId) {
    return `node belongs to masking domain ${probe.domainId}, not ${policy.domainId}`;
  }
  return undefined;
}

/**
 * applyResync folds the outcome of a resync round into an HSM that took part.
 * caughtUp means every copy the round planned for the HSM landed. A DEGRADED
 * HSM that answers as itself and caught up becomes ACTIVE again; an ACTIVE
 * HSM that could not take its copies becomes DEGRADED.
 */
export function applyResync(hsm: HsmRecord, caughtUp: boolean, error: string | undefined): void {
  hsm.inSync = caughtUp;
  if (hsm.state === 'DEGRADED' && caughtUp && hsm.consecutiveFailures === 0) {
    transitionHsm(hsm, 'ACTIVE', '');
  } else if (hsm.state === 'ACTIVE' && !caughtUp && error !== undefined) {
    transitionHsm(hsm, 'DEGRADED', `resync failed: ${error}`);
  }
}
