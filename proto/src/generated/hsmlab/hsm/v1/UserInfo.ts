// Original file: proto/hsm.proto

import type { Role as _hsmlab_hsm_v1_Role, Role__Output as _hsmlab_hsm_v1_Role__Output } from '../../../hsmlab/hsm/v1/Role';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface UserInfo {
  'username'?: (string);
  'role'?: (_hsmlab_hsm_v1_Role);
  'locked'?: (boolean);
  'failedLogins'?: (number);
  'activated'?: (boolean);
  'version'?: (_hsmlab_hsm_v1_Version | null);
}

export interface UserInfo__Output {
  'username': (string);
  'role': (_hsmlab_hsm_v1_Role__Output);
  'locked': (boolean);
  'failedLogins': (number);
  'activated': (boolean);
  'version': (_hsmlab_hsm_v1_Version__Output | null);
}
