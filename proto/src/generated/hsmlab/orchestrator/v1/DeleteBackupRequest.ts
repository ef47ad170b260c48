// Original file: proto/orchestrator.proto


export interface DeleteBackupRequest {
  'backupId'?: (string);
}

export interface DeleteBackupRequest__Output {
  'backupId': (string);
}
