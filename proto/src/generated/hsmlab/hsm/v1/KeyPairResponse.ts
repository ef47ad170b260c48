// Original file: proto/hsm.proto

import type { KeyInfo as _hsmlab_hsm_v1_KeyInfo, KeyInfo__Output as _hsmlab_hsm_v1_KeyInfo__Output } from '../../../hsmlab/hsm/v1/KeyInfo';

export interface KeyPairResponse {
  'publicKey'?: (_hsmlab_hsm_v1_KeyInfo | null);
  'privateKey'?: (_hsmlab_hsm_v1_KeyInfo | null);
}

export interface KeyPairResponse__Output {
  'publicKey': (_hsmlab_hsm_v1_KeyInfo__Output | null);
  'privateKey': (_hsmlab_hsm_v1_KeyInfo__Output | null);
}
