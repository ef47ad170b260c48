import type { ObjectBody, ObjectKind, StoredObject } from './objects';
import type { Version } from './version';

/**
 * The object codec turns a StoredObject into bytes and back. The encoding is
 * canonical (object keys sorted, Buffers as {"$b": base64}), so two nodes
 * holding the same object produce the same bytes: digests and masked blobs
 * depend on that. The store encrypts key material before it reaches disk;
 * this codec itself does no encryption.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { $b: value.toString('base64') };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value as object).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) out[key] = toJson(field);
    }
    return out;
  }
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  throw new TypeError(`cannot encode a ${typeof value}`);
}

function fromJson(value: Json): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$b' && typeof value.$b === 'string') {
      return Buffer.from(value.$b, 'base64');
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = fromJson(value[key]!);
    return out;
  }
  return value;
}

/** canonicalJson encodes any value the codec's way, as a string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(toJson(value));
}

/** parseCanonicalJson reverses canonicalJson. */
export function parseCanonicalJson(text: string): unknown {
  return fromJson(JSON.parse(text) as Json);
}

/** encodeObject is the canonical byte form of one object version. */
export function encodeObject(obj: StoredObject): Buffer {
  return Buffer.from(
    canonicalJson({
      handle: obj.handle,
      kind: obj.kind,
      version: obj.version,
      tombstone: obj.tombstone,
      body: obj.body,
    }),
    'utf8',
  );
}

const KINDS: readonly ObjectKind[] = ['key', 'user', 'policy'];

/**
 * decodeObject reverses encodeObject and checks the shape it needs; it
 * throws a TypeError naming the first field that is wrong.
 */
export function decodeObject(bytes: Buffer): StoredObject {
  const raw = parseCanonicalJson(bytes.toString('utf8')) as Record<string, unknown>;
  if (raw === null || typeof raw !== 'object') throw new TypeError('object is not a record');
  const { handle, kind, version, tombstone, body } = raw;
  if (typeof handle !== 'string' || handle.length === 0) throw new TypeError('bad handle');
  if (!KINDS.includes(kind as ObjectKind)) throw new TypeError('bad kind');
  const v = version as Version;
  if (
    v === null ||
    typeof v !== 'object' ||
    typeof v.wallMs !== 'number' ||
    typeof v.logical !== 'number' ||
    typeof v.nodeId !== 'string'
  ) {
    throw new TypeError('bad version');
  }
  if (typeof tombstone !== 'boolean') throw new TypeError('bad tombstone');
  if (tombstone !== (body === null)) throw new TypeError('tombstone and body disagree');
  return {
    handle,
    kind: kind as ObjectKind,
    version: { wallMs: v.wallMs, logical: v.logical, nodeId: v.nodeId },
    tombstone,
    body: body as ObjectBody | null,
  };
}
