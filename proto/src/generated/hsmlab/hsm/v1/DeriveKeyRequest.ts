// Original file: proto/hsm.proto

import type { Mechanism as _hsmlab_hsm_v1_Mechanism, Mechanism__Output as _hsmlab_hsm_v1_Mechanism__Output } from '../../../hsmlab/hsm/v1/Mechanism';
import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface DeriveKeyRequest {
  'baseKey'?: (string);
  'mechanism'?: (_hsmlab_hsm_v1_Mechanism);
  'peerPublicKey'?: (Buffer | Uint8Array | string);
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'sizeBits'?: (number);
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'clientRequestId'?: (string);
}

export interface DeriveKeyRequest__Output {
  'baseKey': (string);
  'mechanism': (_hsmlab_hsm_v1_Mechanism__Output);
  'peerPublicKey': (Buffer);
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'sizeBits': (number);
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'clientRequestId': (string);
}
