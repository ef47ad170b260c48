// Original file: proto/orchestrator.proto

import type { Long } from '@grpc/proto-loader';

export interface Hsm {
  'hsmId'?: (string);
  'az'?: (string);
  'address'?: (string);
  'state'?: (string);
  'stateMessage'?: (string);
  'objectCount'?: (number);
  'load'?: (number | string);
  'capacity'?: (number | string);
  'inSync'?: (boolean);
  'lastSeenMs'?: (number | string | Long);
  'addedAtMs'?: (number | string | Long);
}

export interface Hsm__Output {
  'hsmId': (string);
  'az': (string);
  'address': (string);
  'state': (string);
  'stateMessage': (string);
  'objectCount': (number);
  'load': (number);
  'capacity': (number);
  'inSync': (boolean);
  'lastSeenMs': (number);
  'addedAtMs': (number);
}
