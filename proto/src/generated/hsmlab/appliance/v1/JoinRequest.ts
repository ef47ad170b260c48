// Original file: proto/appliance.proto

import type { Long } from '@grpc/proto-loader';

export interface JoinRequest {
  'nodeId'?: (string);
  'clusterId'?: (string);
  'identityChainPem'?: (string);
  'ecdhPublicKey'?: (Buffer | Uint8Array | string);
  'issuedAtMs'?: (number | string | Long);
  'signature'?: (Buffer | Uint8Array | string);
}

export interface JoinRequest__Output {
  'nodeId': (string);
  'clusterId': (string);
  'identityChainPem': (string);
  'ecdhPublicKey': (Buffer);
  'issuedAtMs': (number);
  'signature': (Buffer);
}
