import { createHash, randomBytes } from 'node:crypto';
import type { applianceV1, hsmV1 } from '@hsmlab/proto';

/** FakeObject is one object of the test double: its "sealed" bytes are random, not encrypted. */
export interface FakeObject {
  handle: string;
  type: hsmV1.ObjectType;
  version: { wallMs: number; logical: number; nodeId: string };
  tombstone: boolean;
  sealed: Buffer;
}

/** PutOptions shape an object a test writes directly into a double. */
export interface PutOptions {
  tombstone?: boolean;
  sealed?: Buffer;
  nodeId?: string;
}

/** compareFakeVersions orders versions like the nodes do: (wallMs, logical, nodeId). */
export function compareFakeVersions(a: FakeObject['version'], b: FakeObject['version']): number {
  if (a.wallMs !== b.wallMs) return a.wallMs - b.wallMs;
  if (a.logical !== b.logical) return a.logical - b.logical;
  return a.nodeId === b.nodeId ? 0 : a.nodeId < b.nodeId ? -1 : 1;
}

type Outcome = 'IMPORT_OUTCOME_APPLIED' | 'IMPORT_OUTCOME_ALREADY_CURRENT' | 'IMPORT_OUTCOME_STALE';

/**
 * FakeObjectStore is the object map of the TEST DOUBLE appliance: newer
 * version wins on import, digests are SHA-256 of the opaque bytes, and the
 * root digest covers the sorted list, like a node's.
 */
export class FakeObjectStore {
  readonly objects = new Map<string, FakeObject>();

  put(handle: string, wallMs: number, options: PutOptions & { nodeId: string }): FakeObject {
    const o: FakeObject = {
      handle,
      type: 'OBJECT_TYPE_KEY',
      version: { wallMs, logical: 0, nodeId: options.nodeId },
      tombstone: options.tombstone ?? false,
      sealed: options.sealed ?? randomBytes(48),
    };
    this.objects.set(handle, o);
    return o;
  }

  sorted(): FakeObject[] {
    return [...this.objects.values()].sort((a, b) => (a.handle < b.handle ? -1 : 1));
  }

  digestOf(o: FakeObject): Buffer {
    return createHash('sha256').update(o.sealed).digest();
  }

  /** digestPage answers ListDigests: handles after `after`, in order. */
  digestPage(after: string, size: number): applianceV1.ListDigestsResponse {
    const rest = this.sorted().filter((o) => o.handle > after);
    const page = rest.slice(0, size);
    return {
      digests: page.map((o) => ({ ...o, sealed: undefined, digest: this.digestOf(o) })),
      nextAfterHandle: rest.length > size ? page[page.length - 1]!.handle : '',
    };
  }

  rootDigest(): Buffer {
    const h = createHash('sha256');
    for (const o of this.sorted()) {
      const v = o.version;
      h.update(`${o.handle}|${v.wallMs}.${v.logical}@${v.nodeId}|`).update(this.digestOf(o));
    }
    return h.digest();
  }

  importAll(objects: readonly hsmV1.MaskedObject__Output[]): applianceV1.ImportResult[] {
    return objects.map((o) => ({
      handle: o.handle,
      outcome: this.importOne(o),
      current: this.objects.get(o.handle)?.version ?? null,
    }));
  }

  importOne(m: hsmV1.MaskedObject__Output): Outcome {
    const version = m.version!;
    const current = this.objects.get(m.handle);
    const c = current ? compareFakeVersions(version, current.version) : 1;
    if (c < 0) return 'IMPORT_OUTCOME_STALE';
    if (c === 0) return 'IMPORT_OUTCOME_ALREADY_CURRENT';
    this.objects.set(m.handle, {
      handle: m.handle,
      type: m.type,
      version: { ...version },
      tombstone: m.tombstone,
      sealed: Buffer.from(m.sealed),
    });
    return 'IMPORT_OUTCOME_APPLIED';
  }

  toMasked(domainId: string, o: FakeObject): hsmV1.MaskedObject {
    return {
      domainId,
      handle: o.handle,
      type: o.type,
      version: o.version,
      tombstone: o.tombstone,
      sealed: o.sealed,
    };
  }

  /** backupParts is what CreateBackup streams: objects in handle order, then a fake "signed" manifest. */
  backupParts(m: {
    backupId: string;
    clusterId: string;
    domainId: string;
    sourceNodeId: string;
  }): applianceV1.BackupPart[] {
    const objects = this.sorted();
    const hash = createHash('sha256');
    const len = Buffer.alloc(4);
    let max: FakeObject['version'] | null = null;
    for (const o of objects) {
      len.writeUInt32BE(o.sealed.length);
      hash.update(len).update(o.sealed);
      if (!max || compareFakeVersions(o.version, max) > 0) max = o.version;
    }
    const manifest: applianceV1.BackupManifest = {
      ...m,
      createdAtMs: Date.now(),
      objectCount: objects.length,
      objectsDigest: hash.digest(),
      maxVersion: max,
      wrappedMaskingKey: randomBytes(60),
      signerChainPem: 'GENUINE',
      signature: randomBytes(8),
    };
    return [...objects.map((o) => ({ object: this.toMasked(m.domainId, o) })), { manifest }];
  }
}
