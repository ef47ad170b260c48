// Original file: proto/orchestrator.proto

import type { Cluster as _hsmlab_orchestrator_v1_Cluster, Cluster__Output as _hsmlab_orchestrator_v1_Cluster__Output } from '../../../hsmlab/orchestrator/v1/Cluster';

export interface ClusterEvent {
  'kind'?: (string);
  'cluster'?: (_hsmlab_orchestrator_v1_Cluster | null);
  'hsmId'?: (string);
}

export interface ClusterEvent__Output {
  'kind': (string);
  'cluster': (_hsmlab_orchestrator_v1_Cluster__Output | null);
  'hsmId': (string);
}
