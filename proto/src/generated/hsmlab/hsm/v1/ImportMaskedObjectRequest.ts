// Original file: proto/hsm.proto

import type { MaskedObject as _hsmlab_hsm_v1_MaskedObject, MaskedObject__Output as _hsmlab_hsm_v1_MaskedObject__Output } from '../../../hsmlab/hsm/v1/MaskedObject';

export interface ImportMaskedObjectRequest {
  'object'?: (_hsmlab_hsm_v1_MaskedObject | null);
}

export interface ImportMaskedObjectRequest__Output {
  'object': (_hsmlab_hsm_v1_MaskedObject__Output | null);
}
