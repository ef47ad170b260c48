// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';

export interface EncryptRequest {
  'key'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
  'plaintext'?: (Buffer | Uint8Array | string);
  'iv'?: (Buffer | Uint8Array | string);
  'aad'?: (Buffer | Uint8Array | string);
}

export interface EncryptRequest__Output {
  'key': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
  'plaintext': (Buffer);
  'iv': (Buffer);
  'aad': (Buffer);
}
