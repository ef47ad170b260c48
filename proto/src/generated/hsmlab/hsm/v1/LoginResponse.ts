// Original file: proto/hsm.proto

import type { Role as _hsmlab_hsm_v1_Role, Role__Output as _hsmlab_hsm_v1_Role__Output } from '../../../hsmlab/hsm/v1/Role';
import type { Long } from '@grpc/proto-loader';

export interface LoginResponse {
  'sessionToken'?: (string);
  'role'?: (_hsmlab_hsm_v1_Role);
  'expiresAtMs'?: (number | string | Long);
  'nodeId'?: (string);
}

export interface LoginResponse__Output {
  'sessionToken': (string);
  'role': (_hsmlab_hsm_v1_Role__Output);
  'expiresAtMs': (number);
  'nodeId': (string);
}
