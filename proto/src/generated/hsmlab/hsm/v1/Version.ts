// Original file: proto/hsm.proto

import type { Long } from '@grpc/proto-loader';

export interface Version {
  'wallMs'?: (number | string | Long);
  'logical'?: (number);
  'nodeId'?: (string);
}

export interface Version__Output {
  'wallMs': (number);
  'logical': (number);
  'nodeId': (string);
}
