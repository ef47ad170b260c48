// Original file: proto/appliance.proto

import type { NodeLoad as _hsmlab_hsm_v1_NodeLoad, NodeLoad__Output as _hsmlab_hsm_v1_NodeLoad__Output } from '../../../hsmlab/hsm/v1/NodeLoad';
import type { Long } from '@grpc/proto-loader';

export interface ApplianceStatus {
  'nodeId'?: (string);
  'az'?: (string);
  'clusterId'?: (string);
  'domainId'?: (string);
  'state'?: (string);
  'objectCount'?: (number);
  'rootDigest'?: (Buffer | Uint8Array | string);
  'load'?: (_hsmlab_hsm_v1_NodeLoad | null);
  'restartCount'?: (number);
  'auditSequence'?: (number | string | Long);
  'identityChainPem'?: (string);
  'startedAtMs'?: (number | string | Long);
  'softwareVersion'?: (string);
}

export interface ApplianceStatus__Output {
  'nodeId': (string);
  'az': (string);
  'clusterId': (string);
  'domainId': (string);
  'state': (string);
  'objectCount': (number);
  'rootDigest': (Buffer);
  'load': (_hsmlab_hsm_v1_NodeLoad__Output | null);
  'restartCount': (number);
  'auditSequence': (number);
  'identityChainPem': (string);
  'startedAtMs': (number);
  'softwareVersion': (string);
}
