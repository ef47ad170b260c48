// Original file: proto/orchestrator.proto

import type { Backup as _hsmlab_orchestrator_v1_Backup, Backup__Output as _hsmlab_orchestrator_v1_Backup__Output } from '../../../hsmlab/orchestrator/v1/Backup';

export interface ListBackupsResponse {
  'backups'?: (_hsmlab_orchestrator_v1_Backup)[];
}

export interface ListBackupsResponse__Output {
  'backups': (_hsmlab_orchestrator_v1_Backup__Output)[];
}
