import { createHash } from 'node:crypto';
import type { applianceV1, hsmV1 } from '@hsmlab/proto';
import { BackupIntegrityError } from '../errors';
import { compareVersions, formatVersion, type VersionLike } from '../sync/version';

/** VerifiedBackup is a backup whose parts agree with its manifest. */
export interface VerifiedBackup {
  readonly manifest: applianceV1.BackupManifest__Output;
  readonly objects: readonly hsmV1.MaskedObject__Output[];
}

/**
 * computeObjectsDigest is the manifest's objects_digest as the nodes compute
 * it: SHA-256 over the sealed bytes of every object in handle order, each
 * preceded by its length (4 bytes, big-endian), so bytes cannot slide from
 * one object into the next without changing the digest.
 */
export function computeObjectsDigest(objects: readonly { sealed: Uint8Array }[]): Buffer {
  const hash = createHash('sha256');
  const length = Buffer.alloc(4);
  for (const o of objects) {
    length.writeUInt32BE(o.sealed.byteLength);
    hash.update(length);
    hash.update(o.sealed);
  }
  return hash.digest();
}

/** maxVersionOf returns the highest version among objects, or null when there are none. */
export function maxVersionOf(
  objects: readonly { version: VersionLike | null }[],
): VersionLike | null {
  let max: VersionLike | null = null;
  for (const o of objects) if (compareVersions(o.version, max) > 0) max = o.version;
  return max;
}

/**
 * verifyBackupParts checks what the orchestrator can check of a backup
 * without any key: exactly one manifest and it comes last (a truncated stream
 * has none), it names the expected backup and masking domain, the object
 * count and objects digest match, handles are strictly increasing, every
 * object is of the manifest's domain, the manifest's max version is the
 * objects' highest, and it carries a signature and signer chain. The
 * signature itself is checked by the node that restores the backup, which
 * holds the manufacturer CA. Any failure is a BackupIntegrityError.
 */
export function verifyBackupParts(
  backupId: string,
  parts: readonly applianceV1.BackupPart__Output[],
  expectedDomainId?: string,
): VerifiedBackup {
  const bad = (message: string) => new BackupIntegrityError(backupId, message);
  const last = parts[parts.length - 1];
  if (!last || last.part !== 'manifest' || !last.manifest) {
    throw bad('no manifest at the end (truncated?)');
  }
  const manifest = last.manifest;
  const objects: hsmV1.MaskedObject__Output[] = [];
  for (const part of parts.slice(0, -1)) {
    if (part.part !== 'object' || !part.object)
      throw bad('a manifest or empty part before the end');
    objects.push(part.object);
  }

  if (manifest.backupId !== backupId) throw bad(`manifest names backup "${manifest.backupId}"`);
  if (expectedDomainId !== undefined && manifest.domainId !== expectedDomainId) {
    throw bad(`masking domain ${manifest.domainId}, expected ${expectedDomainId}`);
  }
  if (manifest.objectCount !== objects.length) {
    throw bad(
      `manifest counts ${manifest.objectCount} objects, the backup holds ${objects.length}`,
    );
  }
  for (let i = 0; i < objects.length; i += 1) {
    const o = objects[i]!;
    if (i > 0 && !(objects[i - 1]!.handle < o.handle))
      throw bad(`objects out of handle order at "${o.handle}"`);
    if (o.domainId !== manifest.domainId)
      throw bad(`object "${o.handle}" is of domain ${o.domainId}`);
  }
  if (!computeObjectsDigest(objects).equals(manifest.objectsDigest)) {
    throw bad('objects digest does not match the manifest (altered object?)');
  }
  const max = maxVersionOf(objects);
  if (objects.length > 0 && compareVersions(max, manifest.maxVersion) !== 0) {
    throw bad(
      `manifest max version ${formatVersion(manifest.maxVersion)}, objects reach ${formatVersion(max)}`,
    );
  }
  if (manifest.signature.length === 0 || manifest.signerChainPem === '') {
    throw bad('manifest is not signed');
  }
  if (manifest.wrappedMaskingKey.length === 0) throw bad('manifest carries no wrapped masking key');
  return { manifest, objects };
}
