// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';
import type { SignatureFormat as _hsmlab_hsm_v1_SignatureFormat, SignatureFormat__Output as _hsmlab_hsm_v1_SignatureFormat__Output } from '../../../hsmlab/hsm/v1/SignatureFormat';

export interface SignRequest {
  'key'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
  'data'?: (Buffer | Uint8Array | string);
  'format'?: (_hsmlab_hsm_v1_SignatureFormat);
  'saltLength'?: (number);
}

export interface SignRequest__Output {
  'key': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
  'data': (Buffer);
  'format': (_hsmlab_hsm_v1_SignatureFormat__Output);
  'saltLength': (number);
}
