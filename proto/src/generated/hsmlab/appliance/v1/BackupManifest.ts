// Original file: proto/appliance.proto

import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from '../../../hsmlab/hsm/v1/Version';
import type { Long } from '@grpc/proto-loader';

export interface BackupManifest {
  'backupId'?: (string);
  'clusterId'?: (string);
  'domainId'?: (string);
  'sourceNodeId'?: (string);
  'createdAtMs'?: (number | string | Long);
  'objectCount'?: (number);
  'objectsDigest'?: (Buffer | Uint8Array | string);
  'maxVersion'?: (_hsmlab_hsm_v1_Version | null);
  'wrappedMaskingKey'?: (Buffer | Uint8Array | string);
  'signerChainPem'?: (string);
  'signature'?: (Buffer | Uint8Array | string);
}

export interface BackupManifest__Output {
  'backupId': (string);
  'clusterId': (string);
  'domainId': (string);
  'sourceNodeId': (string);
  'createdAtMs': (number);
  'objectCount': (number);
  'objectsDigest': (Buffer);
  'maxVersion': (_hsmlab_hsm_v1_Version__Output | null);
  'wrappedMaskingKey': (Buffer);
  'signerChainPem': (string);
  'signature': (Buffer);
}
