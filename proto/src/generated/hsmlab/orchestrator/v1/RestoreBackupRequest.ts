// Original file: proto/orchestrator.proto


export interface RestoreBackupRequest {
  'backupId'?: (string);
}

export interface RestoreBackupRequest__Output {
  'backupId': (string);
}
