import type { hsmV1 } from '@hsmlab/proto';
import type { HealthState } from './node-health';

/** NodeStatus is the SDK's current view of one member node. */
export interface NodeStatus {
  readonly nodeId: string;
  readonly address: string;
  readonly az: string | undefined;
  readonly health: HealthState;
  /** False when the membership (orchestrator) does not allow traffic to it. */
  readonly active: boolean;
  readonly routable: boolean;
  readonly ownInFlight: number;
  readonly reportedInFlight: number;
  readonly capacity: number;
}

/** NodeDescription is what a node says about itself (GetNodeInfo). */
export interface NodeDescription {
  readonly nodeId: string;
  readonly address: string;
  readonly az: string;
  readonly clusterId: string;
  /** UNINITIALIZED or INITIALIZED. */
  readonly state: string;
  readonly softwareVersion: string;
  readonly inFlight: number;
  readonly capacity: number;
  readonly objectCount: number;
  readonly startedAtMs: number;
  readonly restartCount: number;
  readonly officerActivated: boolean;
  readonly profile: string;
}

/** describeNode converts a node's GetNodeInfo reply. */
export function describeNode(info: hsmV1.NodeInfo__Output, address: string): NodeDescription {
  return {
    nodeId: info.nodeId,
    address,
    az: info.az,
    clusterId: info.clusterId,
    state: info.state,
    softwareVersion: info.softwareVersion,
    inFlight: info.load?.inFlight ?? 0,
    capacity: info.load?.capacity ?? 0,
    objectCount: info.objectCount,
    startedAtMs: Number(info.startedAtMs),
    restartCount: info.restartCount,
    officerActivated: info.officerActivated,
    profile: info.profile,
  };
}
