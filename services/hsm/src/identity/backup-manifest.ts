import { createHash, createPrivateKey, hkdfSync } from 'node:crypto';
import { aeadOpen, aeadSeal } from '../masking/aead';
import { MASKING_KEY_BYTES, assertMaskingKey } from '../masking/masking-key';
import { canonicalJson } from '../model/codec';
import type { Version } from '../model/version';
import { AttestationError } from './errors';
import { signAsIdentity, verifyIdentitySignature } from './identity-signature';
import type { IdentityKey } from './node-identity';
import { verifyIdentityChain } from './node-identity';

const MANIFEST_PURPOSE = 'hsmlab-backup-manifest-v1';
const BACKUP_WRAP_INFO = 'hsmlab backup v1';

/** BackupManifestFields are fields 1-10 of an appliance.v1.BackupManifest: what is signed. */
export interface BackupManifestFields {
  backupId: string;
  clusterId: string;
  domainId: string;
  sourceNodeId: string;
  createdAtMs: number;
  objectCount: number;
  /** manifestObjectsDigest of the backup's sealed objects. */
  objectsDigest: Buffer;
  /** The highest version in the backup; null for an empty backup. */
  maxVersion: Version | null;
  /** wrapMaskingKeyForBackup output. */
  wrappedMaskingKey: Buffer;
  /** The source node's identity chain. */
  signerChainPem: string;
}

/** BackupManifestValue is a signed appliance.v1.BackupManifest. */
export interface BackupManifestValue extends BackupManifestFields {
  /** ECDSA (DER) by the source node's identity key over fields 1-10. */
  signature: Buffer;
}

function manifestPayload(m: BackupManifestFields): Buffer {
  const v = m.maxVersion;
  return Buffer.from(
    canonicalJson({
      purpose: MANIFEST_PURPOSE,
      backupId: m.backupId,
      clusterId: m.clusterId,
      domainId: m.domainId,
      sourceNodeId: m.sourceNodeId,
      createdAtMs: m.createdAtMs,
      objectCount: m.objectCount,
      objectsDigest: m.objectsDigest,
      maxVersion: v ? { wallMs: v.wallMs, logical: v.logical, nodeId: v.nodeId } : null,
      wrappedMaskingKey: m.wrappedMaskingKey,
      signerChainPem: m.signerChainPem,
    }),
    'utf8',
  );
}

/** signManifest signs a backup manifest with the source node's identity key. */
export function signManifest(
  fields: BackupManifestFields,
  identity: IdentityKey,
): BackupManifestValue {
  return { ...fields, signature: signAsIdentity(identity, manifestPayload(fields)) };
}

function isManifestShape(m: BackupManifestValue): boolean {
  return (
    m !== null &&
    typeof m === 'object' &&
    typeof m.backupId === 'string' &&
    typeof m.clusterId === 'string' &&
    typeof m.domainId === 'string' &&
    typeof m.sourceNodeId === 'string' &&
    Number.isSafeInteger(m.createdAtMs) &&
    Number.isSafeInteger(m.objectCount) &&
    m.objectCount >= 0 &&
    Buffer.isBuffer(m.objectsDigest) &&
    (m.maxVersion === null || typeof m.maxVersion === 'object') &&
    Buffer.isBuffer(m.wrappedMaskingKey) &&
    typeof m.signerChainPem === 'string' &&
    Buffer.isBuffer(m.signature)
  );
}

/**
 * verifyManifest checks that a manifest was signed, unaltered, by a genuine
 * node: the signer chain must be the manufacturer CA's certificate for
 * sourceNodeId. The chain's validity is judged at createdAtMs, the time of
 * signing, so a backup stays restorable after its signer's certificate runs
 * out. It throws AttestationError otherwise.
 *
 * It does not check the objects against objectsDigest: the restorer hashes
 * the sealed objects it received (manifestObjectsDigest) and compares.
 */
export function verifyManifest(manifest: BackupManifestValue, manufacturerCaCertPem: string): void {
  if (!isManifestShape(manifest)) throw new AttestationError('malformed', 'backup manifest');
  const signerKey = verifyIdentityChain(
    manifest.signerChainPem,
    manufacturerCaCertPem,
    manifest.sourceNodeId,
    manifest.createdAtMs,
  );
  if (!verifyIdentitySignature(signerKey, manifestPayload(manifest), manifest.signature)) {
    throw new AttestationError('bad signature', 'backup manifest', manifest.sourceNodeId);
  }
}

/**
 * manifestObjectsDigest is SHA-256 over the sealed bytes of every object of a
 * backup, in handle order. Each blob is preceded by its length (4 bytes, big
 * endian) so that moving bytes from one blob to the next changes the digest.
 */
export function manifestObjectsDigest(sealedInHandleOrder: readonly Buffer[]): Buffer {
  const hash = createHash('sha256');
  const length = Buffer.alloc(4);
  for (const sealed of sealedInHandleOrder) {
    length.writeUInt32BE(sealed.length);
    hash.update(length);
    hash.update(sealed);
  }
  return hash.digest();
}

/**
 * backupWrappingKey derives the key that wraps a masking key in a backup from
 * the manufacturer CA private key, which only genuine HSM nodes hold: the
 * orchestrator, which stores backups, can never open one.
 */
function backupWrappingKey(manufacturerCaKeyPem: string, domainId: string): Buffer {
  const der = createPrivateKey(manufacturerCaKeyPem).export({ type: 'pkcs8', format: 'der' });
  const key = Buffer.from(
    hkdfSync('sha256', der, Buffer.from(domainId, 'utf8'), BACKUP_WRAP_INFO, 32),
  );
  der.fill(0);
  return key;
}

/** wrapMaskingKeyForBackup wraps a masking key so any genuine HSM can restore it. */
export function wrapMaskingKeyForBackup(
  maskingKey: Buffer,
  manufacturerCaKeyPem: string,
  domainId: string,
): Buffer {
  assertMaskingKey(maskingKey);
  const wrappingKey = backupWrappingKey(manufacturerCaKeyPem, domainId);
  const wrapped = aeadSeal(wrappingKey, maskingKey, Buffer.from(domainId, 'utf8'));
  wrappingKey.fill(0);
  return wrapped;
}

/**
 * unwrapMaskingKeyFromBackup reverses wrapMaskingKeyForBackup. It throws
 * AttestationError ('altered or forged') when the blob does not open: altered
 * bytes, another domain, or another manufacturer's key.
 */
export function unwrapMaskingKeyFromBackup(
  wrapped: Buffer,
  manufacturerCaKeyPem: string,
  domainId: string,
): Buffer {
  const wrappingKey = backupWrappingKey(manufacturerCaKeyPem, domainId);
  const maskingKey = aeadOpen(wrappingKey, wrapped, Buffer.from(domainId, 'utf8'));
  wrappingKey.fill(0);
  if (maskingKey === undefined) {
    throw new AttestationError(
      'altered or forged',
      'the backup masking key does not open with this manufacturer key and domain',
    );
  }
  if (maskingKey.length !== MASKING_KEY_BYTES) {
    throw new AttestationError('malformed', 'backup masking key has the wrong size');
  }
  return maskingKey;
}
