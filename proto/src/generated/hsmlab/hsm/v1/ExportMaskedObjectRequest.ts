// Original file: proto/hsm.proto

import type { ObjectType as _hsmlab_hsm_v1_ObjectType, ObjectType__Output as _hsmlab_hsm_v1_ObjectType__Output } from '../../../hsmlab/hsm/v1/ObjectType';

export interface ExportMaskedObjectRequest {
  'handle'?: (string);
  'type'?: (_hsmlab_hsm_v1_ObjectType);
}

export interface ExportMaskedObjectRequest__Output {
  'handle': (string);
  'type': (_hsmlab_hsm_v1_ObjectType__Output);
}
