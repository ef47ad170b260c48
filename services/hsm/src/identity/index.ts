export { AttestationError, isAttestationError, findAttestationError } from './errors';
export type { AttestationReason } from './errors';
export type { CertificateAndKey } from './certificate-authority';
export {
  MANUFACTURER_CA_CERT_FILE,
  MANUFACTURER_CA_KEY_FILE,
  DEFAULT_MANUFACTURER_CA_VALID_DAYS,
  createManufacturerCa,
  writeManufacturerCa,
  loadManufacturerCa,
} from './manufacturer-ca';
export type { ManufacturerCa, ManufacturerCaOptions } from './manufacturer-ca';
export {
  DEFAULT_LAB_CA_VALID_DAYS,
  DEFAULT_TLS_VALID_DAYS,
  createLabCa,
  issueTlsCertificate,
} from './tls-certificates';
export type { LabCaOptions, TlsCertificateOptions } from './tls-certificates';
export {
  NODE_IDENTITY_OU,
  DEFAULT_NODE_IDENTITY_VALID_DAYS,
  issueNodeIdentity,
  identityPrivateKey,
  verifyIdentityChain,
} from './node-identity';
export type { NodeIdentity, IdentityKey, IssueNodeIdentityOptions } from './node-identity';
export { signAsIdentity, verifyIdentitySignature } from './identity-signature';
export {
  DEFAULT_JOIN_REQUEST_MAX_AGE_MS,
  createJoinRequest,
  grantJoin,
  completeJoin,
} from './join';
export type { CreateJoinRequestOptions, GrantJoinOptions, CompleteJoinOptions } from './join';
export type { JoinRequestValue, JoinGrantValue } from './join-messages';
export {
  signManifest,
  verifyManifest,
  manifestObjectsDigest,
  wrapMaskingKeyForBackup,
  unwrapMaskingKeyFromBackup,
} from './backup-manifest';
export type { BackupManifestFields, BackupManifestValue } from './backup-manifest';
