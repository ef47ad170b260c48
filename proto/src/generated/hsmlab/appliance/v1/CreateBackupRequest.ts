// Original file: proto/appliance.proto


export interface CreateBackupRequest {
  'backupId'?: (string);
}

export interface CreateBackupRequest__Output {
  'backupId': (string);
}
