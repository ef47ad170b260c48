// Original file: proto/hsm.proto

import type { ImportOutcome as _hsmlab_hsm_v1_ImportOutcome, ImportOutcome__Output as _hsmlab_hsm_v1_ImportOutcome__Output } from '../../../hsmlab/hsm/v1/ImportOutcome';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface ImportMaskedObjectResponse {
  'outcome'?: (_hsmlab_hsm_v1_ImportOutcome);
  'current'?: (_hsmlab_hsm_v1_Version | null);
}

export interface ImportMaskedObjectResponse__Output {
  'outcome': (_hsmlab_hsm_v1_ImportOutcome__Output);
  'current': (_hsmlab_hsm_v1_Version__Output | null);
}
