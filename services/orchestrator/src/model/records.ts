/**
 * Records are the orchestrator's own view of clusters and HSMs: what it
 * persists in state.json and turns into control-plane messages. They hold no
 * key material and no secrets, only ids, addresses, states and counters.
 */

/** HSM_STATES are the states an HSM moves through (see hsm-machine.ts). */
export const HSM_STATES = [
  'CREATE_IN_PROGRESS',
  'ACTIVE',
  'DEGRADED',
  'DELETE_IN_PROGRESS',
  'CREATE_FAILED',
] as const;
export type HsmState = (typeof HSM_STATES)[number];

/** CLUSTER_STATES are derived from the HSMs (see cluster-state.ts), never set by hand. */
export const CLUSTER_STATES = ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED'] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

/**
 * JoinPhase is how far a CREATE_IN_PROGRESS HSM got. AWAIT_INIT: the cluster
 * has no masking key yet. KEY_TRANSPORT: the node needs the masking key.
 * RESTORE: it has the key and needs a backup. RESYNC: it has the backup and
 * needs a delta resync. DONE: the join finished (the HSM left
 * CREATE_IN_PROGRESS).
 */
export const JOIN_PHASES = ['AWAIT_INIT', 'KEY_TRANSPORT', 'RESTORE', 'RESYNC', 'DONE'] as const;
export type JoinPhase = (typeof JOIN_PHASES)[number];

/** HsmRecord is one member of a cluster. */
export interface HsmRecord {
  /** The node's own node id (it writes versions under it). */
  hsmId: string;
  az: string;
  address: string;
  state: HsmState;
  /** Why the HSM is in its state; empty when there is nothing to say. */
  stateMessage: string;
  addedAtMs: number;
  /** Invariant: DONE whenever state is not CREATE_IN_PROGRESS or CREATE_FAILED. */
  joinPhase: JoinPhase;
  /** From the last successful health check. */
  objectCount: number;
  load: number;
  capacity: number;
  lastSeenMs: number;
  /** Failed health checks in a row; reset by any success. */
  consecutiveFailures: number;
  /** Set by the last resync round that reached the HSM. */
  inSync: boolean;
}

/** ClusterRecord is one logical HSM. */
export interface ClusterRecord {
  clusterId: string;
  /** Masking domain; empty until the cluster is initialised (or made from a backup). */
  domainId: string;
  createdAtMs: number;
  /** When a node first reported an activated crypto officer; 0 before. */
  activatedAtMs: number;
  /** The backup this cluster was made from; empty otherwise. */
  sourceBackupId: string;
  /**
   * The backup the cluster's first HSM must be restored from; empty once an
   * HSM holds the masking key. Invariant: non-empty only if sourceBackupId is.
   */
  pendingRestoreBackupId: string;
  /** When the last SCHEDULED backup was attempted (success or not). */
  lastScheduledBackupMs: number;
  state: ClusterState;
  stateMessage: string;
  /** In the order they were added; the first is the initialisation target. */
  hsms: HsmRecord[];
}

/**
 * UNOBSERVED_FIELDS are an HsmRecord's observed fields (from health checks
 * and resync rounds) at their values before any observation.
 */
export const UNOBSERVED_FIELDS: Readonly<
  Pick<
    HsmRecord,
    'objectCount' | 'load' | 'capacity' | 'lastSeenMs' | 'consecutiveFailures' | 'inSync'
  >
> = {
  objectCount: 0,
  load: 0,
  capacity: 0,
  lastSeenMs: 0,
  consecutiveFailures: 0,
  inSync: false,
};

/** newHsmRecord makes the record of a freshly added HSM. */
export function newHsmRecord(fields: {
  hsmId: string;
  az: string;
  address: string;
  nowMs: number;
  joinPhase: JoinPhase;
}): HsmRecord {
  return {
    hsmId: fields.hsmId,
    az: fields.az,
    address: fields.address,
    state: 'CREATE_IN_PROGRESS',
    stateMessage: '',
    addedAtMs: fields.nowMs,
    joinPhase: fields.joinPhase,
    ...UNOBSERVED_FIELDS,
  };
}

/** findHsm returns the HSM with hsmId, or undefined. */
export function findHsm(cluster: ClusterRecord, hsmId: string): HsmRecord | undefined {
  return cluster.hsms.find((h) => h.hsmId === hsmId);
}

/** activeHsms lists the HSMs clients may route to. */
export function activeHsms(cluster: ClusterRecord): HsmRecord[] {
  return cluster.hsms.filter((h) => h.state === 'ACTIVE');
}
