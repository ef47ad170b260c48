// Original file: proto/hsm.proto

import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { Curve as _hsmlab_hsm_v1_Curve, Curve__Output as _hsmlab_hsm_v1_Curve__Output } from '../../../hsmlab/hsm/v1/Curve';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';

export interface GenerateKeyPairRequest {
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'modulusBits'?: (number);
  'publicExponent'?: (number);
  'curve'?: (_hsmlab_hsm_v1_Curve);
  'publicAttributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'privateAttributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'clientRequestId'?: (string);
}

export interface GenerateKeyPairRequest__Output {
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'modulusBits': (number);
  'publicExponent': (number);
  'curve': (_hsmlab_hsm_v1_Curve__Output);
  'publicAttributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'privateAttributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'clientRequestId': (string);
}
