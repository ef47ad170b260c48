// Original file: proto/hsm.proto

import type { UserInfo as _hsmlab_hsm_v1_UserInfo, UserInfo__Output as _hsmlab_hsm_v1_UserInfo__Output } from '../../../hsmlab/hsm/v1/UserInfo';

export interface ListUsersResponse {
  'users'?: (_hsmlab_hsm_v1_UserInfo)[];
}

export interface ListUsersResponse__Output {
  'users': (_hsmlab_hsm_v1_UserInfo__Output)[];
}
