// Original file: proto/hsm.proto

import type { ObjectType as _hsmlab_hsm_v1_ObjectType, ObjectType__Output as _hsmlab_hsm_v1_ObjectType__Output } from '../../../hsmlab/hsm/v1/ObjectType';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface MaskedObject {
  'domainId'?: (string);
  'handle'?: (string);
  'type'?: (_hsmlab_hsm_v1_ObjectType);
  'version'?: (_hsmlab_hsm_v1_Version | null);
  'tombstone'?: (boolean);
  'sealed'?: (Buffer | Uint8Array | string);
}

export interface MaskedObject__Output {
  'domainId': (string);
  'handle': (string);
  'type': (_hsmlab_hsm_v1_ObjectType__Output);
  'version': (_hsmlab_hsm_v1_Version__Output | null);
  'tombstone': (boolean);
  'sealed': (Buffer);
}
