// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';

export interface DecryptRequest {
  'key'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
  'ciphertext'?: (Buffer | Uint8Array | string);
  'iv'?: (Buffer | Uint8Array | string);
  'aad'?: (Buffer | Uint8Array | string);
  'tag'?: (Buffer | Uint8Array | string);
}

export interface DecryptRequest__Output {
  'key': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
  'ciphertext': (Buffer);
  'iv': (Buffer);
  'aad': (Buffer);
  'tag': (Buffer);
}
