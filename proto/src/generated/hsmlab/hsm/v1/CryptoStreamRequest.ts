// Original file: proto/hsm.proto

import type { CryptoCall as _hsmlab_hsm_v1_CryptoCall, CryptoCall__Output as _hsmlab_hsm_v1_CryptoCall__Output } from '../../../hsmlab/hsm/v1/CryptoCall';
import type { Long } from '@grpc/proto-loader';

export interface CryptoStreamRequest {
  'calls'?: (_hsmlab_hsm_v1_CryptoCall)[];
  'cancel'?: (number | string | Long)[];
}

export interface CryptoStreamRequest__Output {
  'calls': (_hsmlab_hsm_v1_CryptoCall__Output)[];
  'cancel': (number)[];
}
