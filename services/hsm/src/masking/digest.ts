import { createHash, createHmac } from 'node:crypto';
import { encodeObject } from '../model/codec';
import type { StoredObject } from '../model/objects';
import type { Version } from '../model/version';
import type { ObjectTypeName } from './object-type';
import { objectTypeOfKind } from './object-type';

/** ObjectDigestValue is an appliance.v1.ObjectDigest. */
export interface ObjectDigestValue {
  handle: string;
  type: ObjectTypeName;
  version: Version;
  tombstone: boolean;
  /** HMAC-SHA256 of the object's canonical bytes under the digest key. */
  digest: Buffer;
}

/** DigestRootEntry is what rootDigest reads of each digest. */
export interface DigestRootEntry {
  readonly handle: string;
  readonly version: Version;
  readonly digest: Buffer;
}

/**
 * objectDigest is the keyed hash of one object version's content. Because
 * the encoding is canonical, nodes holding the same version compute the same
 * digest; the key (deriveDigestKey) keeps it opaque to the orchestrator.
 */
export function objectDigest(digestKey: Buffer, obj: StoredObject): Buffer {
  return createHmac('sha256', digestKey).update(encodeObject(obj)).digest();
}

/** objectDigestEntry is the ObjectDigest a node lists for obj. */
export function objectDigestEntry(digestKey: Buffer, obj: StoredObject): ObjectDigestValue {
  return {
    handle: obj.handle,
    type: objectTypeOfKind(obj.kind),
    version: {
      wallMs: obj.version.wallMs,
      logical: obj.version.logical,
      nodeId: obj.version.nodeId,
    },
    tombstone: obj.tombstone,
    digest: objectDigest(digestKey, obj),
  };
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

/**
 * rootDigest summarises a node's whole object set: SHA-256 over (handle,
 * version, digest) of every entry, in handle order. Equal roots mean equal
 * object sets. Each field is length-prefixed or fixed-size, so no two
 * different lists hash the same bytes.
 *
 * digests must be sorted by handle (JavaScript string order) with no handle
 * twice; a list that is not is a broken invariant of the caller and throws.
 */
export function rootDigest(digests: readonly DigestRootEntry[]): Buffer {
  const hash = createHash('sha256');
  let previous: string | undefined;
  for (const entry of digests) {
    if (previous !== undefined && !(previous < entry.handle)) {
      const pair = `${JSON.stringify(previous)} then ${JSON.stringify(entry.handle)}`;
      throw new RangeError(`rootDigest needs digests sorted by handle, no repeats: ${pair}`);
    }
    previous = entry.handle;
    const numbers = Buffer.alloc(12);
    numbers.writeBigUInt64BE(BigInt(entry.version.wallMs), 0);
    numbers.writeUInt32BE(entry.version.logical, 8);
    hash.update(lengthPrefixed(Buffer.from(entry.handle, 'utf8')));
    hash.update(numbers);
    hash.update(lengthPrefixed(Buffer.from(entry.version.nodeId, 'utf8')));
    hash.update(lengthPrefixed(entry.digest));
  }
  return hash.digest();
}
