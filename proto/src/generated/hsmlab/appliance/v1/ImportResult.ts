// Original file: proto/appliance.proto

import type { ImportOutcome as _hsmlab_hsm_v1_ImportOutcome, ImportOutcome__Output as _hsmlab_hsm_v1_ImportOutcome__Output } from '../../../hsmlab/hsm/v1/ImportOutcome';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';

export interface ImportResult {
  'handle'?: (string);
  'outcome'?: (_hsmlab_hsm_v1_ImportOutcome);
  'current'?: (_hsmlab_hsm_v1_Version | null);
}

export interface ImportResult__Output {
  'handle': (string);
  'outcome': (_hsmlab_hsm_v1_ImportOutcome__Output);
  'current': (_hsmlab_hsm_v1_Version__Output | null);
}
