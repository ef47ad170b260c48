// Original file: proto/orchestrator.proto

import type { Cluster as _hsmlab_orchestrator_v1_Cluster, Cluster__Output as _hsmlab_orchestrator_v1_Cluster__Output } from '../../../hsmlab/orchestrator/v1/Cluster';

export interface ListClustersResponse {
  'clusters'?: (_hsmlab_orchestrator_v1_Cluster)[];
}

export interface ListClustersResponse__Output {
  'clusters': (_hsmlab_orchestrator_v1_Cluster__Output)[];
}
