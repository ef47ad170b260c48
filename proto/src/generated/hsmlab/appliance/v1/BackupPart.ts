// Original file: proto/appliance.proto

import type { MaskedObject as _hsmlab_hsm_v1_MaskedObject, MaskedObject__Output as _hsmlab_hsm_v1_MaskedObject__Output } from '../../../hsmlab/hsm/v1/MaskedObject';
import type { BackupManifest as _hsmlab_appliance_v1_BackupManifest, BackupManifest__Output as _hsmlab_appliance_v1_BackupManifest__Output } from '../../../hsmlab/appliance/v1/BackupManifest';

export interface BackupPart {
  'object'?: (_hsmlab_hsm_v1_MaskedObject | null);
  'manifest'?: (_hsmlab_appliance_v1_BackupManifest | null);
  'targetClusterId'?: (string);
  'part'?: "object"|"manifest"|"targetClusterId";
}

export interface BackupPart__Output {
  'object'?: (_hsmlab_hsm_v1_MaskedObject__Output | null);
  'manifest'?: (_hsmlab_appliance_v1_BackupManifest__Output | null);
  'targetClusterId'?: (string);
  'part'?: "object"|"manifest"|"targetClusterId";
}
