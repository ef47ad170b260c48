// Original file: proto/appliance.proto

import type { ImportResult as _hsmlab_appliance_v1_ImportResult, ImportResult__Output as _hsmlab_appliance_v1_ImportResult__Output } from '../../../hsmlab/appliance/v1/ImportResult';

export interface ImportMaskedResponse {
  'results'?: (_hsmlab_appliance_v1_ImportResult)[];
}

export interface ImportMaskedResponse__Output {
  'results': (_hsmlab_appliance_v1_ImportResult__Output)[];
}
