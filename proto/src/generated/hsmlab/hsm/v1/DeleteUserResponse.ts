// Original file: proto/hsm.proto

import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface DeleteUserResponse {
  'version'?: (_hsmlab_hsm_v1_Version | null);
}

export interface DeleteUserResponse__Output {
  'version': (_hsmlab_hsm_v1_Version__Output | null);
}
