// Original file: proto/orchestrator.proto

import type { Backup as _hsmlab_orchestrator_v1_Backup, Backup__Output as _hsmlab_orchestrator_v1_Backup__Output } from '../../../hsmlab/orchestrator/v1/Backup';

export interface ApplyBackupResponse {
  'backup'?: (_hsmlab_orchestrator_v1_Backup | null);
  'hsmId'?: (string);
  'objectsApplied'?: (number);
}

export interface ApplyBackupResponse__Output {
  'backup': (_hsmlab_orchestrator_v1_Backup__Output | null);
  'hsmId': (string);
  'objectsApplied': (number);
}
