import { describe, expect, it } from 'vitest';
import { aeadSeal } from '../src/masking/aead';
import type { MaskedObjectInput, MaskedObjectValue } from '../src/masking';
import {
  MaskError,
  deriveDigestKey,
  generateMaskingKey,
  isMaskError,
  maskingKeyCheckValue,
  objectDigest,
  objectDigestEntry,
  openObject,
  rootDigest,
  sealObject,
} from '../src/masking';
import { canonicalJson, encodeObject } from '../src/model/codec';
import type { KeyBody, StoredObject } from '../src/model/objects';

const DOMAIN = 'cluster-a';

function keyObject(
  handle = 'key-1',
  material = Buffer.from('00112233445566778899aabbccddeeff', 'hex'),
): StoredObject {
  const body: KeyBody = {
    keyType: 'aes',
    keyClass: 'secret',
    sizeBits: 128,
    owner: 'alice',
    sharedWith: [],
    attributes: {
      label: 'k',
      id: '01',
      token: true,
      extractable: false,
      sensitive: true,
      sign: false,
      verify: false,
      encrypt: true,
      decrypt: true,
      wrap: false,
      unwrap: false,
      derive: false,
      trusted: false,
      wrapWithTrusted: false,
    },
    material,
    createdAtMs: 1_700_000_000_000,
  };
  return {
    handle,
    kind: 'key',
    version: { wallMs: 1_700_000_000_123, logical: 2, nodeId: 'hsm-a' },
    tombstone: false,
    body,
  };
}

function refusal(fn: () => unknown): MaskError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MaskError) return err;
    throw err;
  }
  throw new Error('expected a MaskError, but the call succeeded');
}

function flipBit(buf: Buffer, bit: number): Buffer {
  const copy = Buffer.from(buf);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

function flipStringBits(s: string): string[] {
  const bytes = Buffer.from(s, 'utf8');
  const out: string[] = [];
  for (let bit = 0; bit < bytes.length * 8; bit += 1)
    out.push(flipBit(bytes, bit).toString('utf8'));
  return out;
}

describe('masking - seal and open', () => {
  const maskingKey = generateMaskingKey();

  it('opens what it sealed, key material included', () => {
    const obj = keyObject();
    const masked = sealObject(maskingKey, DOMAIN, obj);
    expect(masked).toMatchObject({
      domainId: DOMAIN,
      handle: 'key-1',
      type: 'OBJECT_TYPE_KEY',
      version: obj.version,
      tombstone: false,
    });
    expect(masked.sealed.includes((obj.body as KeyBody).material)).toBe(false);
    expect(openObject(maskingKey, DOMAIN, masked)).toEqual(obj);
  });

  it('round-trips tombstones, users and policies', () => {
    const tomb: StoredObject = { ...keyObject(), tombstone: true, body: null };
    expect(openObject(maskingKey, DOMAIN, sealObject(maskingKey, DOMAIN, tomb))).toEqual(tomb);
    const user: StoredObject = {
      handle: 'user:bob',
      kind: 'user',
      version: { wallMs: 5, logical: 0, nodeId: 'hsm-b' },
      tombstone: false,
      body: {
        username: 'bob',
        role: 'crypto-user',
        activated: true,
        locked: false,
        failedLogins: 0,
      },
    };
    const masked = sealObject(maskingKey, DOMAIN, user);
    expect(masked.type).toBe('OBJECT_TYPE_USER');
    expect(openObject(maskingKey, DOMAIN, masked)).toEqual(user);
    const policy: StoredObject = {
      handle: 'policy:p',
      kind: 'policy',
      version: { wallMs: 6, logical: 1, nodeId: 'hsm-c' },
      tombstone: false,
      body: { name: 'p', value: { maxKeys: 10 } },
    };
    expect(openObject(maskingKey, DOMAIN, sealObject(maskingKey, DOMAIN, policy))).toEqual(policy);
  });

  it('uses a fresh IV each time', () => {
    const a = sealObject(maskingKey, DOMAIN, keyObject());
    const b = sealObject(maskingKey, DOMAIN, keyObject());
    expect(a.sealed.equals(b.sealed)).toBe(false);
  });

  it('refuses every single flipped bit of sealed', () => {
    const masked = sealObject(maskingKey, DOMAIN, keyObject());
    const bits = masked.sealed.length * 8;
    let refused = 0;
    for (let bit = 0; bit < bits; bit += 1) {
      const err = refusal(() =>
        openObject(maskingKey, DOMAIN, { ...masked, sealed: flipBit(masked.sealed, bit) }),
      );
      expect(err.reason).toBe('altered or forged');
      refused += 1;
    }
    expect(refused).toBe(bits);
  });

  it('refuses every single flipped bit of the handle, node id and domain id', () => {
    const masked = sealObject(maskingKey, DOMAIN, keyObject());
    for (const handle of flipStringBits(masked.handle)) {
      expect(refusal(() => openObject(maskingKey, DOMAIN, { ...masked, handle })).reason).toBe(
        'altered or forged',
      );
    }
    for (const nodeId of flipStringBits(masked.version.nodeId)) {
      const version = { ...masked.version, nodeId };
      expect(refusal(() => openObject(maskingKey, DOMAIN, { ...masked, version })).reason).toBe(
        'altered or forged',
      );
    }
    for (const domainId of flipStringBits(DOMAIN)) {
      // Received as is: not this node's domain.
      expect(refusal(() => openObject(maskingKey, DOMAIN, { ...masked, domainId })).reason).toBe(
        'wrong domain',
      );
      // Even a node that believes it is in the flipped domain refuses it.
      expect(refusal(() => openObject(maskingKey, domainId, { ...masked, domainId })).reason).toBe(
        'altered or forged',
      );
    }
  });

  it('refuses a changed version, tombstone flag or type', () => {
    const masked = sealObject(maskingKey, DOMAIN, keyObject());
    const variants: MaskedObjectInput[] = [
      { ...masked, version: { ...masked.version, wallMs: masked.version.wallMs + 1 } },
      { ...masked, version: { ...masked.version, wallMs: masked.version.wallMs - 1024 } },
      { ...masked, version: { ...masked.version, logical: masked.version.logical + 1 } },
      { ...masked, version: { ...masked.version, logical: 0 } },
      { ...masked, tombstone: true },
      { ...masked, type: 'OBJECT_TYPE_USER' },
      { ...masked, type: 'OBJECT_TYPE_POLICY' },
    ];
    for (const variant of variants) {
      expect(refusal(() => openObject(maskingKey, DOMAIN, variant)).reason).toBe(
        'altered or forged',
      );
    }
    const malformed: MaskedObjectInput[] = [
      { ...masked, type: 'OBJECT_TYPE_UNSPECIFIED' },
      { ...masked, type: 'OBJECT_TYPE_KEZ' },
      { ...masked, version: null },
      { ...masked, version: { ...masked.version, wallMs: -1 } },
      { ...masked, version: { ...masked.version, logical: 0.5 } },
      { ...masked, handle: '' },
      { ...masked, sealed: masked.sealed.subarray(0, 28) },
    ];
    for (const variant of malformed) {
      expect(refusal(() => openObject(maskingKey, DOMAIN, variant)).reason).toBe('malformed');
    }
  });

  it('refuses a blob replayed onto another handle or version', () => {
    const a = sealObject(maskingKey, DOMAIN, keyObject('key-a'));
    const b = sealObject(maskingKey, DOMAIN, keyObject('key-b'));
    const replayed: MaskedObjectValue = { ...b, sealed: a.sealed };
    expect(refusal(() => openObject(maskingKey, DOMAIN, replayed)).reason).toBe(
      'altered or forged',
    );

    const newer = sealObject(maskingKey, DOMAIN, {
      ...keyObject('key-a'),
      version: { wallMs: 1_800_000_000_000, logical: 0, nodeId: 'hsm-b' },
    });
    expect(
      refusal(() => openObject(maskingKey, DOMAIN, { ...newer, sealed: a.sealed })).reason,
    ).toBe('altered or forged');
  });

  it('refuses another masking key and another domain', () => {
    const masked = sealObject(maskingKey, DOMAIN, keyObject());
    expect(refusal(() => openObject(generateMaskingKey(), DOMAIN, masked)).reason).toBe(
      'altered or forged',
    );
    const err = refusal(() => openObject(maskingKey, 'cluster-b', masked));
    expect(err.reason).toBe('wrong domain');
    expect(err.name).toBe('MaskError');
    expect(err.handle).toBe('key-1');
    expect(isMaskError(new Error('wrapped', { cause: err }))).toBe(true);
  });

  it('refuses an authentic blob whose content disagrees with its outer fields', () => {
    // Sealed by a (buggy) holder of the masking key: the AAD names key-2,
    // the content is key-1.
    const inner = keyObject('key-1');
    const outer = { ...inner, handle: 'key-2' };
    const aad = Buffer.from(
      canonicalJson({
        purpose: 'hsmlab-mask-v1',
        domainId: DOMAIN,
        handle: outer.handle,
        type: 'OBJECT_TYPE_KEY',
        version: outer.version,
        tombstone: false,
      }),
    );
    const masked: MaskedObjectValue = {
      domainId: DOMAIN,
      handle: 'key-2',
      type: 'OBJECT_TYPE_KEY',
      version: outer.version,
      tombstone: false,
      sealed: aeadSeal(maskingKey, encodeObject(inner), aad),
    };
    expect(refusal(() => openObject(maskingKey, DOMAIN, masked)).reason).toBe(
      'handle/version mismatch with content',
    );
  });
});

describe('masking - keys and digests', () => {
  const maskingKey = generateMaskingKey();
  const digestKey = deriveDigestKey(maskingKey);

  it('derives a stable digest key distinct from the masking key', () => {
    expect(maskingKey).toHaveLength(32);
    expect(generateMaskingKey().equals(maskingKey)).toBe(false);
    expect(digestKey).toHaveLength(32);
    expect(deriveDigestKey(Buffer.from(maskingKey)).equals(digestKey)).toBe(true);
    expect(digestKey.equals(maskingKey)).toBe(false);
    expect(maskingKeyCheckValue(maskingKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(maskingKeyCheckValue(Buffer.from(maskingKey))).toBe(maskingKeyCheckValue(maskingKey));
    expect(() => deriveDigestKey(Buffer.alloc(16))).toThrow(TypeError);
  });

  it('gives equal digests for equal content and different ones otherwise', () => {
    const a = objectDigest(digestKey, keyObject());
    expect(objectDigest(digestKey, keyObject())).toEqual(a);
    expect(objectDigest(digestKey, keyObject('key-2'))).not.toEqual(a);
    expect(objectDigest(digestKey, keyObject('key-1', Buffer.alloc(16, 7)))).not.toEqual(a);
    const bumped = { ...keyObject(), version: { ...keyObject().version, logical: 3 } };
    expect(objectDigest(digestKey, bumped)).not.toEqual(a);
    expect(objectDigest(digestKey, { ...keyObject(), tombstone: true, body: null })).not.toEqual(a);
    expect(objectDigest(deriveDigestKey(generateMaskingKey()), keyObject())).not.toEqual(a);
  });

  it('summarises a sorted digest list in one root', () => {
    const list = ['a', 'b', 'c'].map((h) => objectDigestEntry(digestKey, keyObject(h)));
    expect(list[0]).toMatchObject({ handle: 'a', type: 'OBJECT_TYPE_KEY', tombstone: false });
    const root = rootDigest(list);
    expect(root).toHaveLength(32);
    expect(rootDigest(list.map((d) => ({ ...d })))).toEqual(root);
    expect(rootDigest([])).toHaveLength(32);
    expect(rootDigest(list.slice(0, 2))).not.toEqual(root);

    const changedDigest = [...list];
    changedDigest[1] = { ...list[1]!, digest: flipBit(list[1]!.digest, 0) };
    expect(rootDigest(changedDigest)).not.toEqual(root);
    const changedVersion = [...list];
    changedVersion[2] = { ...list[2]!, version: { ...list[2]!.version, logical: 9 } };
    expect(rootDigest(changedVersion)).not.toEqual(root);

    expect(() => rootDigest([list[1]!, list[0]!])).toThrow(RangeError);
    expect(() => rootDigest([list[0]!, list[0]!])).toThrow(RangeError);
  });
});
