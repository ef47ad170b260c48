// Original file: proto/orchestrator.proto

import type { Hsm as _hsmlab_orchestrator_v1_Hsm, Hsm__Output as _hsmlab_orchestrator_v1_Hsm__Output } from '../../../hsmlab/orchestrator/v1/Hsm';
import type { Long } from '@grpc/proto-loader';

export interface Cluster {
  'clusterId'?: (string);
  'state'?: (string);
  'stateMessage'?: (string);
  'hsms'?: (_hsmlab_orchestrator_v1_Hsm)[];
  'domainId'?: (string);
  'createdAtMs'?: (number | string | Long);
  'sourceBackupId'?: (string);
  'activatedAtMs'?: (number | string | Long);
}

export interface Cluster__Output {
  'clusterId': (string);
  'state': (string);
  'stateMessage': (string);
  'hsms': (_hsmlab_orchestrator_v1_Hsm__Output)[];
  'domainId': (string);
  'createdAtMs': (number);
  'sourceBackupId': (string);
  'activatedAtMs': (number);
}
