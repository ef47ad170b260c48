// Original file: proto/hsm.proto

import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface SetAttributesRequest {
  'handle'?: (string);
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
}

export interface SetAttributesRequest__Output {
  'handle': (string);
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
}
