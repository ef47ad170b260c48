// Original file: proto/orchestrator.proto

import type { Long } from '@grpc/proto-loader';

export interface Backup {
  'backupId'?: (string);
  'clusterId'?: (string);
  'state'?: (string);
  'createdAtMs'?: (number | string | Long);
  'objectCount'?: (number);
  'deleteAtMs'?: (number | string | Long);
  'trigger'?: (string);
}

export interface Backup__Output {
  'backupId': (string);
  'clusterId': (string);
  'state': (string);
  'createdAtMs': (number);
  'objectCount': (number);
  'deleteAtMs': (number);
  'trigger': (string);
}
