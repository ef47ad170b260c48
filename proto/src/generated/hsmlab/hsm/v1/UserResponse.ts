// Original file: proto/hsm.proto

import type { UserInfo as _hsmlab_hsm_v1_UserInfo, UserInfo__Output as _hsmlab_hsm_v1_UserInfo__Output } from '../../../hsmlab/hsm/v1/UserInfo';

export interface UserResponse {
  'user'?: (_hsmlab_hsm_v1_UserInfo | null);
}

export interface UserResponse__Output {
  'user': (_hsmlab_hsm_v1_UserInfo__Output | null);
}
