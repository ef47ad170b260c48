// Original file: proto/orchestrator.proto


export interface ListBackupsRequest {
  'clusterId'?: (string);
}

export interface ListBackupsRequest__Output {
  'clusterId': (string);
}
