// Original file: proto/orchestrator.proto


export interface ApplyBackupRequest {
  'backupId'?: (string);
  'clusterId'?: (string);
}

export interface ApplyBackupRequest__Output {
  'backupId': (string);
  'clusterId': (string);
}
