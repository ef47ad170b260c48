// Original file: proto/orchestrator.proto


export interface CreateBackupRequest {
  'clusterId'?: (string);
}

export interface CreateBackupRequest__Output {
  'clusterId': (string);
}
