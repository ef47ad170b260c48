// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';
import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyClass as _hsmlab_hsm_v1_KeyClass, KeyClass__Output as _hsmlab_hsm_v1_KeyClass__Output } from '../../../hsmlab/hsm/v1/KeyClass';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface UnwrapKeyRequest {
  'unwrappingKey'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
  'wrapped'?: (Buffer | Uint8Array | string);
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'keyClass'?: (_hsmlab_hsm_v1_KeyClass);
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'clientRequestId'?: (string);
}

export interface UnwrapKeyRequest__Output {
  'unwrappingKey': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
  'wrapped': (Buffer);
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'keyClass': (_hsmlab_hsm_v1_KeyClass__Output);
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'clientRequestId': (string);
}
