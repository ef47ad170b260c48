// Original file: proto/hsm.proto

import type { KeyInfo as _hsmlab_hsm_v1_KeyInfo, KeyInfo__Output as _hsmlab_hsm_v1_KeyInfo__Output } from '../../../hsmlab/hsm/v1/KeyInfo';

export interface FindKeysResponse {
  'keys'?: (_hsmlab_hsm_v1_KeyInfo)[];
}

export interface FindKeysResponse__Output {
  'keys': (_hsmlab_hsm_v1_KeyInfo__Output)[];
}
