// Original file: proto/hsm.proto

import type { KeyInfo as _hsmlab_hsm_v1_KeyInfo, KeyInfo__Output as _hsmlab_hsm_v1_KeyInfo__Output } from '../../../hsmlab/hsm/v1/KeyInfo';

export interface KeyResponse {
  'key'?: (_hsmlab_hsm_v1_KeyInfo | null);
}

export interface KeyResponse__Output {
  'key': (_hsmlab_hsm_v1_KeyInfo__Output | null);
}
