import { createHash, type Hash } from 'node:crypto';
import type { applianceV1, hsmV1 } from '@hsmlab/proto';
import { BackupIntegrityError } from '../errors';
import { compareVersions, formatVersion, type VersionLike } from '../sync/version';

/** VerifiedBackup is a backup whose parts agree with its manifest. */
export interface VerifiedBackup {
  readonly manifest: applianceV1.BackupManifest__Output;
  readonly objects: readonly hsmV1.MaskedObject__Output[];
}

/** LENGTH is scratch space for hashObject: update() copies it at once, so one buffer serves all. */
const LENGTH = Buffer.alloc(4);

function hashObject(hash: Hash, sealed: Uint8Array): void {
  LENGTH.writeUInt32BE(sealed.byteLength);
  hash.update(LENGTH);
  hash.update(sealed);
}

/**
 * computeObjectsDigest is the manifest's objects_digest as the nodes compute
 * it: SHA-256 over the sealed bytes of every object in handle order, each
 * preceded by its length (4 bytes, big-endian), so bytes cannot slide from
 * one object into the next without changing the digest.
 */
export function computeObjectsDigest(objects: readonly { sealed: Uint8Array }[]): Buffer {
  const hash = createHash('sha256');
  for (const o of objects) hashObject(hash, o.sealed);
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
 * BackupVerifier checks a backup as its parts go by, so a backup can be
 * relayed from one node to another while it is checked. It checks what the
 * orchestrator can check without any key: objects in strictly increasing
 * handle order, each of the manifest's domain; exactly one manifest, last (a
 * truncated stream has none), naming the expected backup and masking domain,
 * with the right object count, objects digest and max version, and with a
 * signature, signer chain and wrapped key. The signature itself is checked
 * by the node that restores the backup, which holds the manufacturer CA.
 * Every failure is a BackupIntegrityError.
 */
export class BackupVerifier {
  private readonly hash = createHash('sha256');
  private readonly objects: hsmV1.MaskedObject__Output[] = [];
  private max: VersionLike | null = null;
  /** Set once the manifest is accepted; nothing may follow it. */
  private verified: VerifiedBackup | undefined;

  constructor(
    private readonly backupId: string,
    private readonly expectedDomainId?: string,
  ) {}

  private bad(message: string): BackupIntegrityError {
    return new BackupIntegrityError(this.backupId, message);
  }

  /** add takes the next part; it returns the verified backup once the manifest passed. */
  add(part: applianceV1.BackupPart__Output): VerifiedBackup | undefined {
    if (this.verified) throw this.bad('parts after the manifest');
    if (part.part === 'object' && part.object) {
      const o = part.object;
      const previous = this.objects[this.objects.length - 1];
      if (previous && !(previous.handle < o.handle)) {
        throw this.bad(`objects out of handle order at "${o.handle}"`);
      }
      if (this.expectedDomainId !== undefined && o.domainId !== this.expectedDomainId) {
        throw this.bad(`object "${o.handle}" is of domain ${o.domainId}`);
      }
      hashObject(this.hash, o.sealed);
      if (compareVersions(o.version, this.max) > 0) this.max = o.version;
      this.objects.push(o);
      return undefined;
    }
    if (part.part === 'manifest' && part.manifest) return this.finish(part.manifest);
    throw this.bad('an empty part');
  }

  /** complete tells whether the manifest has been accepted. */
  complete(): boolean {
    return this.verified !== undefined;
  }

  /** end is called when the stream ends; a backup without a manifest is truncated. */
  end(): VerifiedBackup {
    if (!this.verified) throw this.bad('no manifest at the end (truncated?)');
    return this.verified;
  }

  private finish(manifest: applianceV1.BackupManifest__Output): VerifiedBackup {
    const n = this.objects.length;
    if (manifest.backupId !== this.backupId) {
      throw this.bad(`manifest names backup "${manifest.backupId}"`);
    }
    if (this.expectedDomainId !== undefined && manifest.domainId !== this.expectedDomainId) {
      throw this.bad(`masking domain ${manifest.domainId}, expected ${this.expectedDomainId}`);
    }
    if (this.objects.some((o) => o.domainId !== manifest.domainId)) {
      throw this.bad(`objects of another domain than the manifest's ${manifest.domainId}`);
    }
    if (manifest.objectCount !== n) {
      throw this.bad(`manifest counts ${manifest.objectCount} objects, the backup holds ${n}`);
    }
    if (!this.hash.digest().equals(manifest.objectsDigest)) {
      throw this.bad('objects digest does not match the manifest (altered object?)');
    }
    if (n > 0 && compareVersions(this.max, manifest.maxVersion) !== 0) {
      const [said, seen] = [formatVersion(manifest.maxVersion), formatVersion(this.max)];
      throw this.bad(`manifest max version ${said}, objects reach ${seen}`);
    }
    if (manifest.signature.length === 0 || manifest.signerChainPem === '') {
      throw this.bad('manifest is not signed');
    }
    if (manifest.wrappedMaskingKey.length === 0) {
      throw this.bad('manifest carries no wrapped masking key');
    }
    this.verified = { manifest, objects: this.objects };
    return this.verified;
  }
}

/** verifyBackupParts runs a BackupVerifier over a whole list of parts. */
export function verifyBackupParts(
  backupId: string,
  parts: readonly applianceV1.BackupPart__Output[],
  expectedDomainId?: string,
): VerifiedBackup {
  const verifier = new BackupVerifier(backupId, expectedDomainId);
  for (const part of parts) verifier.add(part);
  return verifier.end();
}
