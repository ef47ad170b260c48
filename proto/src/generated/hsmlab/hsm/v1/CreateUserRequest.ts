// Original file: proto/hsm.proto

import type { Role as _hsmlab_hsm_v1_Role, Role__Output as _hsmlab_hsm_v1_Role__Output } from '../../../hsmlab/hsm/v1/Role';

export interface CreateUserRequest {
  'username'?: (string);
  'role'?: (_hsmlab_hsm_v1_Role);
  'password'?: (string);
}

export interface CreateUserRequest__Output {
  'username': (string);
  'role': (_hsmlab_hsm_v1_Role__Output);
  'password': (string);
}
