// Original file: proto/appliance.proto

import type { MaskedObject as _hsmlab_hsm_v1_MaskedObject, MaskedObject__Output as _hsmlab_hsm_v1_MaskedObject__Output } from '../../../hsmlab/hsm/v1/MaskedObject';

export interface ImportMaskedRequest {
  'objects'?: (_hsmlab_hsm_v1_MaskedObject)[];
}

export interface ImportMaskedRequest__Output {
  'objects': (_hsmlab_hsm_v1_MaskedObject__Output)[];
}
