// Original file: proto/hsm.proto

import type { NodeLoad as _hsmlab_hsm_v1_NodeLoad, NodeLoad__Output as _hsmlab_hsm_v1_NodeLoad__Output } from '../../../hsmlab/hsm/v1/NodeLoad';
import type { Long } from '@grpc/proto-loader';

export interface NodeInfo {
  'nodeId'?: (string);
  'az'?: (string);
  'clusterId'?: (string);
  'state'?: (string);
  'softwareVersion'?: (string);
  'load'?: (_hsmlab_hsm_v1_NodeLoad | null);
  'objectCount'?: (number);
  'startedAtMs'?: (number | string | Long);
  'restartCount'?: (number);
  'officerActivated'?: (boolean);
  'profile'?: (string);
}

export interface NodeInfo__Output {
  'nodeId': (string);
  'az': (string);
  'clusterId': (string);
  'state': (string);
  'softwareVersion': (string);
  'load': (_hsmlab_hsm_v1_NodeLoad__Output | null);
  'objectCount': (number);
  'startedAtMs': (number);
  'restartCount': (number);
  'officerActivated': (boolean);
  'profile': (string);
}
