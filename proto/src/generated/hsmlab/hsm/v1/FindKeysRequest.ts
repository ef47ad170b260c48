// Original file: proto/hsm.proto

import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';
import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyClass as _hsmlab_hsm_v1_KeyClass, KeyClass__Output as _hsmlab_hsm_v1_KeyClass__Output } from '../../../hsmlab/hsm/v1/KeyClass';

export interface FindKeysRequest {
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'keyClass'?: (_hsmlab_hsm_v1_KeyClass);
  'ownedOnly'?: (boolean);
}

export interface FindKeysRequest__Output {
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'keyClass': (_hsmlab_hsm_v1_KeyClass__Output);
  'ownedOnly': (boolean);
}
