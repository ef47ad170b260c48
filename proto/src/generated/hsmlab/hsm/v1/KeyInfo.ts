// Original file: proto/hsm.proto

import type { KeyType as _hsmlab_hsm_v1_KeyType, KeyType__Output as _hsmlab_hsm_v1_KeyType__Output } from '../../../hsmlab/hsm/v1/KeyType';
import type { KeyClass as _hsmlab_hsm_v1_KeyClass, KeyClass__Output as _hsmlab_hsm_v1_KeyClass__Output } from '../../../hsmlab/hsm/v1/KeyClass';
import type { Curve as _hsmlab_hsm_v1_Curve, Curve__Output as _hsmlab_hsm_v1_Curve__Output } from '../../../hsmlab/hsm/v1/Curve';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from '../../../hsmlab/hsm/v1/KeyAttributes';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface KeyInfo {
  'handle'?: (string);
  'keyType'?: (_hsmlab_hsm_v1_KeyType);
  'keyClass'?: (_hsmlab_hsm_v1_KeyClass);
  'sizeBits'?: (number);
  'curve'?: (_hsmlab_hsm_v1_Curve);
  'owner'?: (string);
  'sharedWith'?: (string)[];
  'attributes'?: (_hsmlab_hsm_v1_KeyAttributes | null);
  'publicKeyDer'?: (Buffer | Uint8Array | string);
  'version'?: (_hsmlab_hsm_v1_Version | null);
  'checkValue'?: (Buffer | Uint8Array | string);
}

export interface KeyInfo__Output {
  'handle': (string);
  'keyType': (_hsmlab_hsm_v1_KeyType__Output);
  'keyClass': (_hsmlab_hsm_v1_KeyClass__Output);
  'sizeBits': (number);
  'curve': (_hsmlab_hsm_v1_Curve__Output);
  'owner': (string);
  'sharedWith': (string)[];
  'attributes': (_hsmlab_hsm_v1_KeyAttributes__Output | null);
  'publicKeyDer': (Buffer);
  'version': (_hsmlab_hsm_v1_Version__Output | null);
  'checkValue': (Buffer);
}
