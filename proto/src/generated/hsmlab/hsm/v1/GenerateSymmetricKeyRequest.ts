// Original file: proto/hsm.proto

import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface GenerateSymmetricKeyRequest {
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'sizeBits'?: (number);
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'clientRequestId'?: (string);
}

export interface GenerateSymmetricKeyRequest__Output {
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'sizeBits': (number);
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'clientRequestId': (string);
}
