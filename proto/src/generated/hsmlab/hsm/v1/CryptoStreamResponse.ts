// Original file: proto/hsm.proto

import type { CryptoResult as _hsmlab_hsm_v1_CryptoResult, CryptoResult__Output as _hsmlab_hsm_v1_CryptoResult__Output } from '../../../hsmlab/hsm/v1/CryptoResult';
import type { NodeLoad as _hsmlab_hsm_v1_NodeLoad, NodeLoad__Output as _hsmlab_hsm_v1_NodeLoad__Output } from '../../../hsmlab/hsm/v1/NodeLoad';

export interface CryptoStreamResponse {
  'results'?: (_hsmlab_hsm_v1_CryptoResult)[];
  'load'?: (_hsmlab_hsm_v1_NodeLoad | null);
}

export interface CryptoStreamResponse__Output {
  'results': (_hsmlab_hsm_v1_CryptoResult__Output)[];
  'load': (_hsmlab_hsm_v1_NodeLoad__Output | null);
}
