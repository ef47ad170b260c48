// Original file: proto/appliance.proto

import type { ApplianceStatus as _hsmlab_appliance_v1_ApplianceStatus, ApplianceStatus__Output as _hsmlab_appliance_v1_ApplianceStatus__Output } from '../../../hsmlab/appliance/v1/ApplianceStatus';

export interface RestoreBackupResponse {
  'objectsApplied'?: (number);
  'status'?: (_hsmlab_appliance_v1_ApplianceStatus | null);
}

export interface RestoreBackupResponse__Output {
  'objectsApplied': (number);
  'status': (_hsmlab_appliance_v1_ApplianceStatus__Output | null);
}
