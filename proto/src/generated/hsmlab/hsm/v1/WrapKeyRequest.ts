// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';

export interface WrapKeyRequest {
  'wrappingKey'?: (string);
  'key'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
}

export interface WrapKeyRequest__Output {
  'wrappingKey': (string);
  'key': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
}
