// TEST DOUBLE. An in-memory stand-in for an HSM node's object store, just
// enough for the SDK's tests: versions, idempotent creates, masked export and
// import with the node's ordering rule. "Masked" blobs here are plain JSON:
// nothing is encrypted, and no real key material exists.
import { createHash, randomBytes } from 'node:crypto';
import type { hsmV1 } from '@hsmlab/proto';

export interface FakeVersion {
  wallMs: number;
  logical: number;
  nodeId: string;
}

export interface FakeKey {
  keyType: hsmV1.KeyType__Output;
  keyClass: hsmV1.KeyClass__Output;
  sizeBits: number;
  owner: string;
  sharedWith: string[];
  attributes: { label?: string; sign?: boolean; encrypt?: boolean };
  clientRequestId?: string;
  /** Stands in for key material: which create made this version. */
  nonce: string;
}

export interface FakeUser {
  username: string;
  role: hsmV1.Role__Output;
  password: string;
}

export interface FakeObject {
  handle: string;
  type: 'OBJECT_TYPE_KEY' | 'OBJECT_TYPE_USER';
  version: FakeVersion;
  tombstone: boolean;
  key?: FakeKey;
  user?: FakeUser;
}

export function compare(a: FakeVersion, b: FakeVersion): number {
  if (a.wallMs !== b.wallMs) return a.wallMs - b.wallMs;
  if (a.logical !== b.logical) return a.logical - b.logical;
  return a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0;
}

/** idempotentHandle is the fake's rule: the same user and request id name the same handle everywhere. */
export function idempotentHandle(owner: string, clientRequestId: string, suffix = ''): string {
  const digest = createHash('sha256').update(`${owner}\0${clientRequestId}`).digest('hex');
  return `key-${digest.slice(0, 16)}${suffix}`;
}

export class FakeStore {
  readonly objects = new Map<string, FakeObject>();
  private logical = 0;

  constructor(private readonly nodeId: string) {}

  nextVersion(): FakeVersion {
    return { wallMs: Date.now(), logical: ++this.logical, nodeId: this.nodeId };
  }

  put(object: FakeObject): FakeObject {
    this.objects.set(object.handle, object);
    return object;
  }

  liveKey(handle: string): FakeObject | undefined {
    const object = this.objects.get(handle);
    return object?.type === 'OBJECT_TYPE_KEY' && !object.tombstone ? object : undefined;
  }

  user(username: string): FakeUser | undefined {
    const object = this.objects.get(`user:${username}`);
    return object && !object.tombstone ? object.user : undefined;
  }

  putUser(user: FakeUser): FakeObject {
    return this.put({
      handle: `user:${user.username}`,
      type: 'OBJECT_TYPE_USER',
      version: this.nextVersion(),
      tombstone: false,
      user,
    });
  }

  /** createKey makes a key, or returns the one this user's request id already made here. */
  createKey(handle: string | undefined, key: Omit<FakeKey, 'nonce'>): FakeObject {
    if (handle !== undefined) {
      const existing = this.objects.get(handle);
      if (existing !== undefined && !existing.tombstone) return existing;
    }
    return this.put({
      handle: handle ?? `key-${randomBytes(8).toString('hex')}`,
      type: 'OBJECT_TYPE_KEY',
      version: this.nextVersion(),
      tombstone: false,
      key: { ...key, nonce: randomBytes(6).toString('hex') },
    });
  }

  export(handle: string): hsmV1.MaskedObject | undefined {
    const object = this.objects.get(handle);
    if (object === undefined) return undefined;
    return {
      domainId: 'fake-domain',
      handle,
      type: object.type,
      version: object.version,
      tombstone: object.tombstone,
      sealed: Buffer.from(JSON.stringify(object)),
    };
  }

  import(masked: hsmV1.MaskedObject__Output): hsmV1.ImportMaskedObjectResponse {
    const incoming = JSON.parse(masked.sealed.toString()) as FakeObject;
    const current = this.objects.get(incoming.handle);
    if (current === undefined || compare(incoming.version, current.version) > 0) {
      this.put(incoming);
      return { outcome: 'IMPORT_OUTCOME_APPLIED', current: incoming.version };
    }
    const same = compare(incoming.version, current.version) === 0;
    return {
      outcome: same ? 'IMPORT_OUTCOME_ALREADY_CURRENT' : 'IMPORT_OUTCOME_STALE',
      current: current.version,
    };
  }

  keyInfo(object: FakeObject): hsmV1.KeyInfo {
    const key = object.key!;
    return {
      handle: object.handle,
      keyType: key.keyType,
      keyClass: key.keyClass,
      sizeBits: key.sizeBits,
      owner: key.owner,
      sharedWith: key.sharedWith,
      attributes: key.attributes,
      version: object.version,
      checkValue: Buffer.from(key.nonce, 'hex').subarray(0, 3),
    };
  }

  /** sign is a stand-in signature: a hash of the key's version nonce and the data. */
  sign(object: FakeObject, data: Buffer): Buffer {
    return createHash('sha256').update(object.key!.nonce).update(data).digest();
  }
}
