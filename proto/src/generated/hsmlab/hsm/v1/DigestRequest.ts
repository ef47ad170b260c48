// Original file: proto/hsm.proto

import type { DigestAlgorithm as _hsmlab_hsm_v1_DigestAlgorithm, DigestAlgorithm__Output as _hsmlab_hsm_v1_DigestAlgorithm__Output } from '../../../hsmlab/hsm/v1/DigestAlgorithm';

export interface DigestRequest {
  'algorithm'?: (_hsmlab_hsm_v1_DigestAlgorithm);
  'data'?: (Buffer | Uint8Array | string);
}

export interface DigestRequest__Output {
  'algorithm': (_hsmlab_hsm_v1_DigestAlgorithm__Output);
  'data': (Buffer);
}
