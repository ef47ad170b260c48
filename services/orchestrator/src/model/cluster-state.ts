import type { ClusterRecord, ClusterState } from './records';

/**
 * deriveClusterState computes a cluster's state from its record; nothing sets
 * it by hand. UNINITIALIZED: no masking key. INITIALIZED: a masking key, but
 * no node has yet reported an activated crypto officer. ACTIVE: activated and
 * every member serving. DEGRADED: activated, and some HSM is DEGRADED, or no
 * HSM is ACTIVE. CREATE_IN_PROGRESS and CREATE_FAILED HSMs are not serving
 * members yet, so they do not degrade the cluster; their own state says what
 * is going on.
 */
export function deriveClusterState(cluster: ClusterRecord): {
  state: ClusterState;
  message: string;
} {
  if (cluster.domainId === '') return { state: 'UNINITIALIZED', message: '' };
  if (cluster.pendingRestoreBackupId !== '') {
    return {
      state: 'INITIALIZED',
      message: `waiting for a first HSM to restore backup ${cluster.pendingRestoreBackupId} onto`,
    };
  }
  if (cluster.activatedAtMs === 0) return { state: 'INITIALIZED', message: '' };

  const degraded = cluster.hsms.filter((h) => h.state === 'DEGRADED').map((h) => h.hsmId);
  if (degraded.length > 0) {
    return { state: 'DEGRADED', message: `degraded HSMs: ${degraded.join(', ')}` };
  }
  if (!cluster.hsms.some((h) => h.state === 'ACTIVE')) {
    return { state: 'DEGRADED', message: 'no ACTIVE HSM' };
  }
  return { state: 'ACTIVE', message: '' };
}
