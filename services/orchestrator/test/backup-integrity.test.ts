import type { applianceV1 } from '@hsmlab/proto';
import { describe, expect, it } from 'vitest';
import { decodeParts, encodeParts } from '../src/backup/backup-format';
import { computeObjectsDigest, verifyBackupParts } from '../src/backup/backup-integrity';
import { BackupIntegrityError } from '../src/errors';

const DOMAIN = 'cluster-aaaaaaaaaaa';

function parts(count: number, backupId = 'backup-aaaaaaaaaaa'): applianceV1.BackupPart__Output[] {
  const objects = Array.from({ length: count }, (_, i) => ({
    domainId: DOMAIN,
    handle: `key:${String(i).padStart(4, '0')}`,
    type: 'OBJECT_TYPE_KEY' as const,
    version: { wallMs: 100 + i, logical: 0, nodeId: 'hsm-1' },
    tombstone: false,
    sealed: Buffer.from(`sealed-${i}`),
  }));
  const manifest: applianceV1.BackupManifest__Output = {
    backupId,
    clusterId: DOMAIN,
    domainId: DOMAIN,
    sourceNodeId: 'hsm-1',
    createdAtMs: 1,
    objectCount: count,
    objectsDigest: computeObjectsDigest(objects),
    maxVersion: count > 0 ? objects[count - 1]!.version : null,
    wrappedMaskingKey: Buffer.from('wrapped'),
    signerChainPem: 'chain',
    signature: Buffer.from('sig'),
  };
  return [
    ...objects.map((object) => ({ object, part: 'object' as const })),
    { manifest, part: 'manifest' as const },
  ];
}

function expectRefused(fn: () => unknown, message: RegExp): void {
  expect(fn).toThrow(BackupIntegrityError);
  expect(fn).toThrow(message);
}

describe('backup integrity - what the orchestrator checks without any key', () => {
  it('accepts a whole backup and returns its manifest and objects', () => {
    const v = verifyBackupParts('backup-aaaaaaaaaaa', parts(3), DOMAIN);
    expect(v.objects).toHaveLength(3);
    expect(v.manifest.objectCount).toBe(3);
  });

  it('refuses a stream cut before the manifest', () => {
    expectRefused(
      () => verifyBackupParts('backup-aaaaaaaaaaa', parts(3).slice(0, 2), DOMAIN),
      /no manifest/,
    );
  });

  it('refuses a backup with an object dropped', () => {
    const p = parts(3);
    p.splice(1, 1);
    expectRefused(
      () => verifyBackupParts('backup-aaaaaaaaaaa', p, DOMAIN),
      /counts 3 objects, the backup holds 2/,
    );
  });

  it('refuses an altered object', () => {
    const p = parts(3);
    p[1]!.object!.sealed = Buffer.from('sealed-X');
    expectRefused(() => verifyBackupParts('backup-aaaaaaaaaaa', p, DOMAIN), /objects digest/);
  });

  it('refuses another masking domain, another backup id, objects out of order', () => {
    expectRefused(
      () => verifyBackupParts('backup-aaaaaaaaaaa', parts(2), 'cluster-bbbbbbbbbbb'),
      /is of domain cluster-aaaaaaaaaaa/,
    );
    expectRefused(() => verifyBackupParts('backup-bbbbbbbbbbb', parts(2), DOMAIN), /names backup/);
    const p = parts(3);
    [p[0], p[1]] = [p[1]!, p[0]!];
    expectRefused(() => verifyBackupParts('backup-aaaaaaaaaaa', p, DOMAIN), /out of handle order/);
  });

  it('refuses an empty backup of another masking domain at its manifest', () => {
    expectRefused(
      () => verifyBackupParts('backup-aaaaaaaaaaa', parts(0), 'cluster-bbbbbbbbbbb'),
      /masking domain cluster-aaaaaaaaaaa, expected/,
    );
  });

  it('refuses parts after the manifest', () => {
    const p = parts(2);
    p.push(p[0]!);
    expectRefused(() => verifyBackupParts('backup-aaaaaaaaaaa', p, DOMAIN), /after the manifest/);
  });

  it('refuses an unsigned manifest', () => {
    const p = parts(1);
    p[1]!.manifest!.signature = Buffer.alloc(0);
    expectRefused(() => verifyBackupParts('backup-aaaaaaaaaaa', p, DOMAIN), /not signed/);
  });

  it('length-prefixes each object in the digest, so bytes cannot slide between objects', () => {
    const a = computeObjectsDigest([{ sealed: Buffer.from('ab') }, { sealed: Buffer.from('c') }]);
    const b = computeObjectsDigest([{ sealed: Buffer.from('a') }, { sealed: Buffer.from('bc') }]);
    expect(a.equals(b)).toBe(false);
  });
});

describe('backup format - parts file', () => {
  it('round-trips parts byte for byte', () => {
    const p = parts(5);
    const decoded = decodeParts(encodeParts(p));
    expect(decoded).toHaveLength(6);
    expect(
      verifyBackupParts('backup-aaaaaaaaaaa', decoded, DOMAIN).objects.map((o) =>
        o.sealed.toString(),
      ),
    ).toEqual(p.slice(0, 5).map((x) => x.object!.sealed.toString()));
  });

  it('fails on a truncated file or a foreign header', () => {
    const data = encodeParts(parts(5));
    expect(() => decodeParts(data.subarray(0, data.length - 3))).toThrow(/truncated/);
    expect(() => decodeParts(Buffer.from('not a backup'))).toThrow(/bad header/);
  });
});
