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
  'domainId'?: (string);
  'sourceHsmId'?: (string);
  'sizeBytes'?: (number | string | Long);
}

export interface Backup__Output {
  'backupId': (string);
  'clusterId': (string);
  'state': (string);
  'createdAtMs': (number);
  'objectCount': (number);
  'deleteAtMs': (number);
  'trigger': (string);
  'domainId': (string);
  'sourceHsmId': (string);
  'sizeBytes': (number);
}
