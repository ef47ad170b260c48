// Original file: proto/hsm.proto

import type { KeyFormat as _hsmlab_hsm_v1_KeyFormat, KeyFormat__Output as _hsmlab_hsm_v1_KeyFormat__Output } from '../../../hsmlab/hsm/v1/KeyFormat';
import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface ImportKeyRequest {
  'format'?: (_hsmlab_hsm_v1_KeyFormat);
  'material'?: (Buffer | Uint8Array | string);
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'clientRequestId'?: (string);
}

export interface ImportKeyRequest__Output {
  'format': (_hsmlab_hsm_v1_KeyFormat__Output);
  'material': (Buffer);
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'clientRequestId': (string);
}
