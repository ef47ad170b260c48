// Original file: proto/orchestrator.proto


export interface CreateClusterFromBackupRequest {
  'backupId'?: (string);
}

export interface CreateClusterFromBackupRequest__Output {
  'backupId': (string);
}
