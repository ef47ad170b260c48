// @hsmlab/client: the SDK services use to talk to an hsmlab cluster.
// Everything exported here is public API; every other module is internal.
export { HsmCluster } from './hsm-cluster';
export type { NodeStatus, NodeDescription } from './node-status';
export type { HsmClientOptions, TlsOptions, Credentials, BackoffOptions } from './options';
export type { CallOptions } from './cluster-core';
export type { KeyApi } from './key-api';
export type {
  CreateOptions,
  GenerateSymmetricKeyParams,
  GenerateKeyPairParams,
  ImportKeyParams,
  UnwrapKeyParams,
  DeriveKeyParams,
  FindKeysFilter,
} from './key-params';
export type { UserApi, UserRecord, ActivationReport } from './user-api';
export type {
  CryptoApi,
  Bytes,
  SignOptions,
  EncryptOptions,
  Ciphertext,
  DecryptInput,
} from './crypto-api';
export type { KeyHandle, KeyPair, KeyRef, KeyAttributes, ObjectVersion } from './key-handle';
export type {
  KeyType,
  KeyClass,
  Curve,
  Role,
  KeyFormat,
  DigestAlgorithm,
  SignatureFormat,
  Mechanism,
} from './wire-enums';
export type { ClusterEvent, ClusterEventType, EventOfType, NodeRef } from './events';
export type { HealthState } from './node-health';
export * from './errors';
export * from './error-guards';
