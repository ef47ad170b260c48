import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkAttributeChange,
  checkValue,
  checkWrapAllowed,
  decrypt,
  defaultAttributes,
  deriveEcdh,
  digest,
  encrypt,
  FailedPreconditionError,
  generateKeyPair,
  generateSecret,
  type GeneratedKeyPair,
  importMaterial,
  InvalidArgumentError,
  type KeyTemplate,
  loadKey,
  type LoadedKey,
  type Mechanism,
  MECHANISMS,
  PermissionError,
  requireAttribute,
  resolveAttributes,
  sign,
  unwrap,
  validateTemplate,
  verify,
  wrap,
} from '../src/crypto';
import type { CurveName, KeyBody, KeyClass, KeyType } from '../src/model/objects';

/**
 * makeBody builds a key body with default attributes, patched by template,
 * through resolveAttributes as the key service does: a template the engine
 * would refuse (wrap with decrypt, ...) cannot be made here either.
 */
function makeBody(
  keyClass: KeyClass,
  keyType: KeyType,
  material: Buffer,
  template: KeyTemplate = {},
  extra: { sizeBits?: number; curve?: CurveName; publicKeyDer?: Buffer } = {},
): KeyBody {
  return {
    keyType,
    keyClass,
    sizeBits: extra.sizeBits ?? material.length * 8,
    ...(extra.curve === undefined ? {} : { curve: extra.curve }),
    owner: 'alice',
    sharedWith: [],
    attributes: resolveAttributes(keyClass, keyType, template),
    material: Buffer.from(material),
    ...(extra.publicKeyDer === undefined ? {} : { publicKeyDer: extra.publicKeyDer }),
    createdAtMs: 0,
  };
}

function secretKey(
  keyType: 'aes' | 'generic-secret',
  sizeBits: number,
  template: KeyTemplate = {},
  handle = `k-${keyType}-${sizeBits}`,
): LoadedKey {
  return loadKey(makeBody('secret', keyType, generateSecret(keyType, sizeBits), template), handle);
}

/** pairKeys loads both halves of a generated pair. */
function pairKeys(
  pair: GeneratedKeyPair,
  keyType: 'rsa' | 'ec' | 'ed25519',
  templates: { pub?: KeyTemplate; priv?: KeyTemplate } = {},
): { pub: LoadedKey; priv: LoadedKey } {
  const extra = { sizeBits: pair.sizeBits, curve: pair.curve, publicKeyDer: pair.publicSpkiDer };
  return {
    pub: loadKey(makeBody('public', keyType, pair.publicSpkiDer, templates.pub, extra), 'k-pub'),
    priv: loadKey(
      makeBody('private', keyType, pair.privatePkcs8Der, templates.priv, extra),
      'k-priv',
    ),
  };
}

function expectInvalid(fn: () => unknown, message?: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(InvalidArgumentError);
  if (message !== undefined) expect((thrown as Error).message).toMatch(message);
}

/**
 * expectRefused: an attribute change refused either as impossible for the
 * key (InvalidArgumentError) or as loosening or widening (PermissionError).
 */
function expectRefused(fn: () => unknown, message?: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown instanceof InvalidArgumentError || thrown instanceof PermissionError).toBe(true);
  if (message !== undefined) expect((thrown as Error).message).toMatch(message);
}

function expectDenied(fn: () => unknown, message?: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(PermissionError);
  if (message !== undefined) expect((thrown as Error).message).toMatch(message);
}

/** KEK is the template of an AES key-encryption key: wrap and unwrap only. */
const KEK: KeyTemplate = { wrap: true, unwrap: true, encrypt: false, decrypt: false };
/** RSA_KEK is the same for an RSA pair: the public half wraps, the private half unwraps. */
const RSA_KEK = {
  pub: { wrap: true, encrypt: false },
  priv: { unwrap: true, decrypt: false },
} as const satisfies { pub: KeyTemplate; priv: KeyTemplate };

const DATA = Buffer.from('the quick brown fox jumps over the lazy dog');
const CURVE_NAMES: CurveName[] = ['P-256', 'P-384', 'secp256k1'];

let rsa2048: GeneratedKeyPair;
let rsa4096: GeneratedKeyPair;
const ecPairs = new Map<CurveName, GeneratedKeyPair>();
let ed25519: GeneratedKeyPair;

beforeAll(async () => {
  // RSA-4096 generation takes about a second: made once for the whole file.
  [rsa2048, rsa4096, ed25519] = await Promise.all([
    generateKeyPair({ keyType: 'rsa', modulusBits: 2048 }),
    generateKeyPair({ keyType: 'rsa', modulusBits: 4096 }),
    generateKeyPair({ keyType: 'ed25519' }),
  ]);
  for (const curve of CURVE_NAMES)
    ecPairs.set(curve, await generateKeyPair({ keyType: 'ec', curve }));
});

describe('crypto engine - mechanisms', () => {
  it('Should name exactly the mechanisms of hsm.proto', () => {
    const proto = fs.readFileSync(path.resolve(__dirname, '../../../proto/hsm.proto'), 'utf8');
    const block = /enum Mechanism \{([\s\S]*?)\}/.exec(proto)?.[1] ?? '';
    const names = [...block.matchAll(/(MECHANISM_[A-Z0-9_]+) =/g)]
      .map((m) => m[1])
      .filter((n) => n !== 'MECHANISM_UNSPECIFIED');
    expect(Object.keys(MECHANISMS).sort()).toEqual(names.sort());
  });
});

describe('crypto engine - key material', () => {
  it('Should generate secrets of every allowed size and refuse others', () => {
    for (const bits of [128, 192, 256]) expect(generateSecret('aes', bits)).toHaveLength(bits / 8);
    for (const bits of [64, 72, 4096]) {
      expect(generateSecret('generic-secret', bits)).toHaveLength(bits / 8);
    }
    expectInvalid(() => generateSecret('aes', 512), /AES key size/);
    expectInvalid(() => generateSecret('generic-secret', 56));
    expectInvalid(() => generateSecret('generic-secret', 4104));
    expectInvalid(() => generateSecret('generic-secret', 100));
  });

  it('Should generate key pairs with their sizes and curves', async () => {
    expect(rsa2048.sizeBits).toBe(2048);
    expect(rsa4096.sizeBits).toBe(4096);
    expect(
      crypto.createPublicKey({ key: rsa4096.publicSpkiDer, format: 'der', type: 'spki' })
        .asymmetricKeyDetails?.modulusLength,
    ).toBe(4096);
    expect(ecPairs.get('P-384')).toMatchObject({ sizeBits: 384, curve: 'P-384' });
    expect(ecPairs.get('secp256k1')).toMatchObject({ sizeBits: 256, curve: 'secp256k1' });
    expect(ed25519.sizeBits).toBe(256);
    await expect(generateKeyPair({ keyType: 'rsa', modulusBits: 1024 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(
      generateKeyPair({ keyType: 'rsa', modulusBits: 2048, publicExponent: 3 }),
    ).rejects.toThrow(/public exponent/);
    await expect(generateKeyPair({ keyType: 'ec', curve: 'P-521' as CurveName })).rejects.toThrow(
      /unsupported curve/,
    );
  });

  it('Should compute key check values', () => {
    // AES-128 with the all-zero key encrypts the zero block to 66e94bd4...
    expect(checkValue('aes', Buffer.alloc(16)).toString('hex')).toBe('66e94b');
    const secret = Buffer.from('0123456789abcdef');
    expect(checkValue('generic-secret', secret)).toEqual(
      crypto.createHash('sha256').update(secret).digest().subarray(0, 3),
    );
    expect(checkValue('rsa', rsa2048.publicSpkiDer)).toHaveLength(0);
  });

  it('Should import raw, PEM and DER keys and detect their class', () => {
    const aes = importMaterial('raw', Buffer.alloc(32, 7), 'aes');
    expect(aes).toMatchObject({ keyClass: 'secret', keyType: 'aes', sizeBits: 256 });
    expectInvalid(() => importMaterial('raw', Buffer.alloc(20), 'aes'));
    expectInvalid(() => importMaterial('raw', Buffer.alloc(16)), /needs key type/);
    expectInvalid(() => importMaterial('raw', Buffer.alloc(7), 'generic-secret'));

    const ec = ecPairs.get('P-256')!;
    const priv = importMaterial('der', ec.privatePkcs8Der);
    expect(priv).toMatchObject({
      keyClass: 'private',
      keyType: 'ec',
      curve: 'P-256',
      sizeBits: 256,
    });
    expect(priv.publicKeyDer).toEqual(ec.publicSpkiDer);
    const pub = importMaterial('der', ec.publicSpkiDer, 'ec');
    expect(pub).toMatchObject({ keyClass: 'public', keyType: 'ec', curve: 'P-256' });

    const rsaKey = crypto.createPrivateKey({
      key: rsa2048.privatePkcs8Der,
      format: 'der',
      type: 'pkcs8',
    });
    const pem = Buffer.from(rsaKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(importMaterial('pem', pem)).toMatchObject({
      keyClass: 'private',
      keyType: 'rsa',
      sizeBits: 2048,
    });
    const pkcs1 = Buffer.from(rsaKey.export({ type: 'pkcs1', format: 'pem' }));
    expect(importMaterial('pem', pkcs1).material).toEqual(rsa2048.privatePkcs8Der);
    const pubPem = Buffer.from(
      crypto.createPublicKey(rsaKey).export({ type: 'spki', format: 'pem' }),
    );
    expect(importMaterial('pem', pubPem)).toMatchObject({ keyClass: 'public', keyType: 'rsa' });
    expect(importMaterial('der', ed25519.publicSpkiDer)).toMatchObject({ keyType: 'ed25519' });
    expectInvalid(() => importMaterial('der', ec.publicSpkiDer, 'rsa'), /is an ec key/);
    expectInvalid(() => importMaterial('der', Buffer.from('not a key')), /neither PKCS#8 nor SPKI/);
    expectInvalid(() => importMaterial('pem', Buffer.from('hello')), /no PEM block/);
  });

  it('Should refuse unsupported keys with a clear message', () => {
    const der = (k: crypto.KeyObject): Buffer => k.export({ type: 'pkcs8', format: 'der' });
    const small = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expectInvalid(() => importMaterial('der', der(small)), /RSA modulus of 1024 bits/);
    const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
    expectInvalid(() => importMaterial('der', der(dsa.privateKey)), /dsa keys are not supported/);
    const x25519 = crypto.generateKeyPairSync('x25519').publicKey;
    expectInvalid(
      () => importMaterial('der', x25519.export({ type: 'spki', format: 'der' })),
      /x25519 keys are not supported/,
    );
    const p521 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp521r1' }).privateKey;
    expectInvalid(() => importMaterial('der', der(p521)), /secp521r1 is not supported/);
    const pss = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
    expectInvalid(() => importMaterial('der', der(pss)), /RSASSA-PSS/);
    const encrypted = crypto
      .createPrivateKey({ key: rsa2048.privatePkcs8Der, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
    expectInvalid(() => importMaterial('pem', Buffer.from(encrypted)), /encrypted PEM/);
  });

  it('Should refuse a private key whose public point is not its own', () => {
    // A JWK with the d of one P-256 key and the x, y of another parses, but
    // fails the pairwise test.
    const a = crypto
      .generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'jwk' });
    const b = crypto
      .generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'jwk' });
    let mixed: Buffer;
    try {
      mixed = crypto
        .createPrivateKey({ key: { ...a, x: b.x, y: b.y }, format: 'jwk' })
        .export({ type: 'pkcs8', format: 'der' });
    } catch {
      return; // This OpenSSL already refuses the mismatch at parse time.
    }
    expectInvalid(() => importMaterial('der', mixed), /inconsistent/);
  });
});

describe('crypto engine - loaded keys', () => {
  it('Should parse a key once and never again on the hot path', () => {
    const ec = ecPairs.get('P-256')!;
    const { priv, pub } = pairKeys(ec, 'ec');
    expect(priv.privateKey?.type).toBe('private');
    expect(priv.publicKey?.type).toBe('public');
    // Wipe the stored bytes: operations still work, so they use the cache.
    priv.body.material.fill(0);
    const signature = sign(priv, 'MECHANISM_ECDSA_SHA256', DATA);
    expect(verify(pub, 'MECHANISM_ECDSA_SHA256', DATA, signature)).toBe(true);
    expect(Object.isFrozen(priv)).toBe(true);
  });

  it('Should refuse a corrupt stored body as a failed precondition', () => {
    const body = makeBody(
      'private',
      'ec',
      Buffer.from('garbage'),
      {},
      { sizeBits: 256, curve: 'P-256' },
    );
    expect(() => loadKey(body, 'k-bad')).toThrow(FailedPreconditionError);
    const wrongCurve = makeBody(
      'private',
      'ec',
      ecPairs.get('P-384')!.privatePkcs8Der,
      {},
      {
        sizeBits: 256,
        curve: 'P-256',
      },
    );
    expect(() => loadKey(wrongCurve)).toThrow(FailedPreconditionError);
    const aes = makeBody('secret', 'aes', Buffer.alloc(20));
    expect(() => loadKey(aes)).toThrow(/cannot be loaded/);
  });
});

describe('crypto engine - sign and verify', () => {
  it('Should round-trip RSA PKCS#1 v1.5 and PSS with every hash', () => {
    const { priv, pub } = pairKeys(rsa2048, 'rsa');
    const mechanisms: Mechanism[] = [
      'MECHANISM_RSA_PKCS1_SHA256',
      'MECHANISM_RSA_PKCS1_SHA384',
      'MECHANISM_RSA_PKCS1_SHA512',
      'MECHANISM_RSA_PSS_SHA256',
      'MECHANISM_RSA_PSS_SHA384',
      'MECHANISM_RSA_PSS_SHA512',
    ];
    for (const mechanism of mechanisms) {
      const signature = sign(priv, mechanism, DATA);
      expect(signature).toHaveLength(256);
      expect(verify(pub, mechanism, DATA, signature)).toBe(true);
      expect(verify(pub, mechanism, Buffer.from('other'), signature)).toBe(false);
    }
    // PKCS#1 v1.5 is deterministic; PSS is not.
    const p1 = 'MECHANISM_RSA_PKCS1_SHA256';
    expect(sign(priv, p1, DATA)).toEqual(sign(priv, p1, DATA));
    expect(sign(priv, 'MECHANISM_RSA_PSS_SHA256', DATA)).not.toEqual(
      sign(priv, 'MECHANISM_RSA_PSS_SHA256', DATA),
    );
  });

  it('Should use the PSS salt length given, and the hash length by default', () => {
    const { priv, pub } = pairKeys(rsa4096, 'rsa');
    const m = 'MECHANISM_RSA_PSS_SHA256';
    const salted = sign(priv, m, DATA, { saltLength: 20 });
    expect(verify(pub, m, DATA, salted, { saltLength: 20 })).toBe(true);
    expect(verify(pub, m, DATA, salted)).toBe(false);
    const byDefault = sign(priv, m, DATA);
    expect(
      crypto.verify(
        'sha256',
        DATA,
        { key: pub.publicKey!, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        byDefault,
      ),
    ).toBe(true);
    expectInvalid(() => sign(priv, m, DATA, { saltLength: 1000 }), /salt length/);
    expectInvalid(
      () => sign(priv, 'MECHANISM_RSA_PKCS1_SHA256', DATA, { saltLength: 20 }),
      /RSA-PSS only/,
    );
  });

  it('Should round-trip ECDSA on every curve, hash and format', () => {
    for (const curve of CURVE_NAMES) {
      const { priv, pub } = pairKeys(ecPairs.get(curve)!, 'ec');
      const orderBytes = curve === 'P-384' ? 48 : 32;
      for (const mechanism of [
        'MECHANISM_ECDSA_SHA256',
        'MECHANISM_ECDSA_SHA384',
        'MECHANISM_ECDSA_SHA512',
      ] as const) {
        const der = sign(priv, mechanism, DATA);
        expect(der[0]).toBe(0x30);
        expect(verify(pub, mechanism, DATA, der)).toBe(true);
        const p1363 = sign(priv, mechanism, DATA, { format: 'SIGNATURE_FORMAT_IEEE_P1363' });
        expect(p1363).toHaveLength(2 * orderBytes);
        expect(verify(pub, mechanism, DATA, p1363, { format: 'SIGNATURE_FORMAT_IEEE_P1363' })).toBe(
          true,
        );
        expect(verify(pub, mechanism, DATA, p1363)).toBe(false);
      }
    }
  });

  it('Should round-trip Ed25519 and HMAC', () => {
    const { priv, pub } = pairKeys(ed25519, 'ed25519');
    const signature = sign(priv, 'MECHANISM_ED25519', DATA);
    expect(signature).toHaveLength(64);
    expect(verify(pub, 'MECHANISM_ED25519', DATA, signature)).toBe(true);
    expect(verify(pub, 'MECHANISM_ED25519', DATA.subarray(1), signature)).toBe(false);

    const mac = secretKey('generic-secret', 256);
    for (const [mechanism, bytes] of [
      ['MECHANISM_HMAC_SHA256', 32],
      ['MECHANISM_HMAC_SHA384', 48],
      ['MECHANISM_HMAC_SHA512', 64],
    ] as const) {
      const tag = sign(mac, mechanism, DATA);
      expect(tag).toHaveLength(bytes);
      expect(verify(mac, mechanism, DATA, tag)).toBe(true);
      expect(verify(mac, mechanism, DATA, tag.subarray(0, 16))).toBe(false);
      expect(verify(mac, mechanism, DATA, Buffer.concat([tag, Buffer.alloc(1)]))).toBe(false);
    }
  });

  it('Should answer false, never throw, for garbage signatures', () => {
    const { pub: rsaPub } = pairKeys(rsa2048, 'rsa');
    const { pub: ecPub } = pairKeys(ecPairs.get('P-256')!, 'ec');
    const { pub: edPub } = pairKeys(ed25519, 'ed25519');
    const garbage = [
      Buffer.alloc(0),
      Buffer.alloc(1),
      Buffer.alloc(64, 0xff),
      crypto.randomBytes(256),
      crypto.randomBytes(600),
    ];
    for (const sig of garbage) {
      expect(verify(rsaPub, 'MECHANISM_RSA_PKCS1_SHA256', DATA, sig)).toBe(false);
      expect(verify(rsaPub, 'MECHANISM_RSA_PSS_SHA512', DATA, sig)).toBe(false);
      expect(verify(ecPub, 'MECHANISM_ECDSA_SHA256', DATA, sig)).toBe(false);
      expect(
        verify(ecPub, 'MECHANISM_ECDSA_SHA256', DATA, sig, {
          format: 'SIGNATURE_FORMAT_IEEE_P1363',
        }),
      ).toBe(false);
      expect(verify(edPub, 'MECHANISM_ED25519', DATA, sig)).toBe(false);
    }
  });

  it('Should refuse mechanisms that do not fit the key', () => {
    const { priv: ecPriv, pub: ecPub } = pairKeys(ecPairs.get('P-256')!, 'ec');
    const { priv: rsaPriv } = pairKeys(rsa2048, 'rsa');
    // A larger hash than the curve is allowed (FIPS 186 truncates it).
    expect(
      verify(ecPub, 'MECHANISM_ECDSA_SHA384', DATA, sign(ecPriv, 'MECHANISM_ECDSA_SHA384', DATA)),
    ).toBe(true);
    expectInvalid(
      () => sign(ecPriv, 'MECHANISM_RSA_PSS_SHA256', DATA),
      /needs a rsa key; key k-priv is ec/,
    );
    expectInvalid(() => sign(ecPub, 'MECHANISM_ECDSA_SHA256', DATA), /needs a private key/);
    expectInvalid(
      () => sign(secretKey('aes', 128), 'MECHANISM_HMAC_SHA256', DATA),
      /generic-secret/,
    );
    expectInvalid(() => sign(rsaPriv, 'MECHANISM_AES_GCM', DATA), /cannot be used to sign/);
    expectInvalid(() => sign(rsaPriv, 'MECHANISM_BOGUS' as Mechanism, DATA), /unknown mechanism/);
    expectInvalid(
      () =>
        sign(rsaPriv, 'MECHANISM_RSA_PKCS1_SHA256', DATA, {
          format: 'SIGNATURE_FORMAT_IEEE_P1363',
        }),
      /ECDSA only/,
    );
  });

  it('Should verify with a private key only when it has verify=true', () => {
    const pair = ecPairs.get('P-256')!;
    const { priv } = pairKeys(pair, 'ec');
    const signature = sign(priv, 'MECHANISM_ECDSA_SHA256', DATA);
    expectDenied(
      () => verify(priv, 'MECHANISM_ECDSA_SHA256', DATA, signature),
      /k-priv has verify=false/,
    );
    const { priv: verifying } = pairKeys(pair, 'ec', { priv: { verify: true } });
    expect(verify(verifying, 'MECHANISM_ECDSA_SHA256', DATA, signature)).toBe(true);
  });
});

describe('crypto engine - encrypt and decrypt', () => {
  it('Should round-trip AES-GCM with a fresh 12-byte IV every time', () => {
    for (const bits of [128, 192, 256]) {
      const key = secretKey('aes', bits);
      const aad = Buffer.from('header');
      const a = encrypt(key, 'MECHANISM_AES_GCM', DATA, { aad });
      const b = encrypt(key, 'MECHANISM_AES_GCM', DATA, { aad });
      expect(a.iv).toHaveLength(12);
      expect(a.tag).toHaveLength(16);
      expect(a.iv).not.toEqual(b.iv);
      expect(
        decrypt(key, 'MECHANISM_AES_GCM', a.ciphertext, { iv: a.iv, aad, tag: a.tag }),
      ).toEqual(DATA);
    }
  });

  it('Should refuse a caller GCM IV and fail tampered GCM input without detail', () => {
    const key = secretKey('aes', 256);
    expectInvalid(
      () => encrypt(key, 'MECHANISM_AES_GCM', DATA, { iv: Buffer.alloc(12) }),
      /own IV/,
    );
    const { ciphertext, iv, tag } = encrypt(key, 'MECHANISM_AES_GCM', DATA);
    const flipped = Buffer.from(ciphertext);
    flipped[0]! ^= 1;
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', flipped, { iv, tag }),
      /^decryption failed$/,
    );
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { iv, tag, aad: Buffer.from('x') }),
      /^decryption failed$/,
    );
    // A 12-byte tag is a truncation of the full one (SP 800-38D), so it holds.
    expect(decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { iv, tag: tag.subarray(0, 12) })).toEqual(
      DATA,
    );
    const shortWrong = Buffer.from(tag.subarray(0, 13));
    shortWrong[12]! ^= 1;
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { iv, tag: shortWrong }),
      /^decryption failed$/,
    );
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { iv, tag: tag.subarray(0, 8) }),
      /tag must be 12 to 16/,
    );
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { tag }),
      /IV must be 1 to 128/,
    );
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_GCM', ciphertext, { iv: Buffer.alloc(129), tag }),
      /IV must be 1 to 128/,
    );
  });

  it('Should round-trip AES-CBC with PKCS#7 padding and AES-CTR', () => {
    const key = secretKey('aes', 192);
    for (const mechanism of ['MECHANISM_AES_CBC_PAD', 'MECHANISM_AES_CTR'] as const) {
      const chosen = encrypt(key, mechanism, DATA);
      expect(chosen.iv).toHaveLength(16);
      expect(chosen.tag).toHaveLength(0);
      expect(decrypt(key, mechanism, chosen.ciphertext, { iv: chosen.iv })).toEqual(DATA);
      const iv = Buffer.alloc(16, 9);
      const given = encrypt(key, mechanism, DATA, { iv });
      expect(given.iv).toEqual(iv);
      expect(given.ciphertext).toEqual(encrypt(key, mechanism, DATA, { iv }).ciphertext);
      expectInvalid(
        () => encrypt(key, mechanism, DATA, { iv: Buffer.alloc(12) }),
        /must be 16 bytes/,
      );
      expectInvalid(() => encrypt(key, mechanism, DATA, { aad: Buffer.from('a') }), /takes no aad/);
    }
    const cbc = encrypt(key, 'MECHANISM_AES_CBC_PAD', DATA);
    expect(cbc.ciphertext.length % 16).toBe(0);
    expect(encrypt(key, 'MECHANISM_AES_CTR', DATA).ciphertext).toHaveLength(DATA.length);
    // A wrong IV garbles the last block's padding: decryption failed, no detail.
    const wrongIv = Buffer.from(cbc.iv);
    const last = cbc.ciphertext.subarray(-32);
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_CBC_PAD', last.subarray(16), { iv: Buffer.alloc(16) }),
      /^decryption failed$/,
    );
    wrongIv[0]! ^= 1;
    expect(decrypt(key, 'MECHANISM_AES_CBC_PAD', cbc.ciphertext, { iv: wrongIv })).not.toEqual(
      DATA,
    );
    expectInvalid(
      () => decrypt(key, 'MECHANISM_AES_CBC_PAD', Buffer.alloc(15), { iv: cbc.iv }),
      /multiple of 16/,
    );
  });

  it('Should round-trip RSA-OAEP with SHA-1 and SHA-256, aad as the label', () => {
    const { priv, pub } = pairKeys(rsa2048, 'rsa');
    for (const [mechanism, max] of [
      ['MECHANISM_RSA_OAEP_SHA1', 256 - 42],
      ['MECHANISM_RSA_OAEP_SHA256', 256 - 66],
    ] as const) {
      const label = Buffer.from('label');
      const { ciphertext, iv, tag } = encrypt(pub, mechanism, DATA, { aad: label });
      expect([ciphertext.length, iv.length, tag.length]).toEqual([256, 0, 0]);
      expect(decrypt(priv, mechanism, ciphertext, { aad: label })).toEqual(DATA);
      expectInvalid(() => decrypt(priv, mechanism, ciphertext), /^decryption failed$/);
      expect(encrypt(pub, mechanism, Buffer.alloc(max)).ciphertext).toHaveLength(256);
      expectInvalid(() => encrypt(pub, mechanism, Buffer.alloc(max + 1)), /too long/);
      expectInvalid(() => encrypt(priv, mechanism, DATA), /needs a public key/);
      expectInvalid(() => decrypt(priv, mechanism, Buffer.alloc(256, 1)), /^decryption failed$/);
    }
  });

  it('Should refuse data mechanisms for the wrong key', () => {
    expectInvalid(
      () => encrypt(secretKey('generic-secret', 128), 'MECHANISM_AES_GCM', DATA),
      /needs a aes key/,
    );
    expectInvalid(
      () => encrypt(secretKey('aes', 128), 'MECHANISM_AES_KEY_WRAP', DATA),
      /cannot be used to encrypt/,
    );
  });
});

describe('crypto engine - wrap and unwrap', () => {
  const wrapping = (bits: number): LoadedKey => secretKey('aes', bits, KEK, `k-wrap-${bits}`);

  it('Should wrap and unwrap secret keys with RFC 3394, RFC 5649 and GCM', () => {
    for (const bits of [128, 192, 256]) {
      const kek = wrapping(bits);
      const aes = makeBody('secret', 'aes', generateSecret('aes', 256));
      const hmac9 = makeBody('secret', 'generic-secret', generateSecret('generic-secret', 72));
      const kw = wrap(kek, 'MECHANISM_AES_KEY_WRAP', aes);
      expect(kw).toHaveLength(40);
      expect(unwrap(kek, 'MECHANISM_AES_KEY_WRAP', kw, 'aes', 'secret')).toMatchObject({
        keyClass: 'secret',
        keyType: 'aes',
        sizeBits: 256,
        material: aes.material,
      });
      expectInvalid(() => wrap(kek, 'MECHANISM_AES_KEY_WRAP', hmac9), /MECHANISM_AES_KEY_WRAP_PAD/);
      const kwp = wrap(kek, 'MECHANISM_AES_KEY_WRAP_PAD', hmac9);
      expect(kwp).toHaveLength(24);
      expect(
        unwrap(kek, 'MECHANISM_AES_KEY_WRAP_PAD', kwp, 'generic-secret', 'secret').material,
      ).toEqual(hmac9.material);
      const gcm = wrap(kek, 'MECHANISM_AES_GCM', aes);
      expect(gcm).toHaveLength(12 + 32 + 16);
      expect(unwrap(kek, 'MECHANISM_AES_GCM', gcm, 'aes', 'secret').material).toEqual(aes.material);
    }
  });

  it('Should wrap private keys as PKCS#8 and validate them on unwrap', () => {
    const kek = wrapping(256);
    const ec = ecPairs.get('secp256k1')!;
    const target = makeBody(
      'private',
      'ec',
      ec.privatePkcs8Der,
      {},
      { sizeBits: 256, curve: 'secp256k1' },
    );
    for (const mechanism of ['MECHANISM_AES_KEY_WRAP_PAD', 'MECHANISM_AES_GCM'] as const) {
      const blob = wrap(kek, mechanism, target);
      const back = unwrap(kek, mechanism, blob, 'ec', 'private');
      expect(back).toMatchObject({ keyClass: 'private', keyType: 'ec', curve: 'secp256k1' });
      expect(back.publicKeyDer).toEqual(ec.publicSpkiDer);
      expectInvalid(() => unwrap(kek, mechanism, blob, 'rsa', 'private'), /is an ec key/);
      expectInvalid(() => unwrap(kek, mechanism, blob, 'aes', 'secret'));
    }
  });

  it('Should wrap with RSA-OAEP what fits and fail tampered blobs without detail', () => {
    const { priv, pub } = pairKeys(rsa2048, 'rsa', RSA_KEK);
    const aes = makeBody('secret', 'aes', generateSecret('aes', 128));
    for (const mechanism of ['MECHANISM_RSA_OAEP_SHA1', 'MECHANISM_RSA_OAEP_SHA256'] as const) {
      const blob = wrap(pub, mechanism, aes);
      expect(unwrap(priv, mechanism, blob, 'aes', 'secret').material).toEqual(aes.material);
    }
    const rsaTarget = makeBody('private', 'rsa', rsa2048.privatePkcs8Der, {}, { sizeBits: 2048 });
    expectInvalid(() => wrap(pub, 'MECHANISM_RSA_OAEP_SHA256', rsaTarget), /too long/);

    const kek = wrapping(128);
    for (const mechanism of [
      'MECHANISM_AES_KEY_WRAP',
      'MECHANISM_AES_KEY_WRAP_PAD',
      'MECHANISM_AES_GCM',
    ] as const) {
      const blob = wrap(kek, mechanism, aes);
      blob[blob.length - 1]! ^= 1;
      expectInvalid(() => unwrap(kek, mechanism, blob, 'aes', 'secret'), /^decryption failed$/);
    }
    expectInvalid(
      () => unwrap(kek, 'MECHANISM_AES_KEY_WRAP', Buffer.alloc(20), 'aes', 'secret'),
      /multiple of 8/,
    );
  });

  it('Should refuse to wrap public keys and to unwrap without unwrap=true', () => {
    const kek = wrapping(256);
    const pubBody = makeBody(
      'public',
      'ec',
      ecPairs.get('P-256')!.publicSpkiDer,
      {},
      { sizeBits: 256, curve: 'P-256' },
    );
    expectInvalid(
      () => wrap(kek, 'MECHANISM_AES_GCM', pubBody),
      /public keys are read, not wrapped/,
    );
    // A wrap-only key: unwrap is off, as it now is by default.
    const noUnwrap = secretKey('aes', 256, { ...KEK, unwrap: false }, 'k-nounwrap');
    const blob = wrap(
      kek,
      'MECHANISM_AES_GCM',
      makeBody('secret', 'aes', generateSecret('aes', 128)),
    );
    expectDenied(
      () => unwrap(noUnwrap, 'MECHANISM_AES_GCM', blob, 'aes', 'secret'),
      /k-nounwrap has unwrap=false/,
    );
  });
});

describe('crypto engine - ECDH', () => {
  it('Should agree on a secret from SPKI or raw points and truncate it', () => {
    for (const curve of CURVE_NAMES) {
      const alice = pairKeys(ecPairs.get(curve)!, 'ec', { priv: { derive: true } }).priv;
      const bobPair = crypto.generateKeyPairSync('ec', {
        namedCurve:
          curve === 'P-256' ? 'prime256v1' : curve === 'P-384' ? 'secp384r1' : 'secp256k1',
      });
      const bobSpki = bobPair.publicKey.export({ type: 'spki', format: 'der' });
      const fieldBits = curve === 'P-384' ? 384 : 256;
      const z = deriveEcdh(alice, bobSpki, fieldBits);
      const expected = crypto.diffieHellman({
        privateKey: bobPair.privateKey,
        publicKey: alice.publicKey!,
      });
      expect(z).toEqual(expected);
      const raw = bobSpki.subarray(bobSpki.length - (1 + fieldBits / 4));
      expect(raw[0]).toBe(4);
      expect(deriveEcdh(alice, raw, 128)).toEqual(expected.subarray(0, 16));
      expectInvalid(() => deriveEcdh(alice, bobSpki, fieldBits + 8), /derived key size/);
      expectInvalid(() => deriveEcdh(alice, bobSpki, 100));
    }
  });

  it('Should refuse peers on another curve, off the curve, or malformed', () => {
    const alice = pairKeys(ecPairs.get('P-256')!, 'ec', { priv: { derive: true } }).priv;
    expectInvalid(
      () => deriveEcdh(alice, ecPairs.get('P-384')!.publicSpkiDer, 256),
      /on P-384, not P-256/,
    );
    expectInvalid(
      () => deriveEcdh(alice, ecPairs.get('secp256k1')!.publicSpkiDer, 256),
      /not P-256/,
    );
    expectInvalid(() => deriveEcdh(alice, ed25519.publicSpkiDer, 256), /not EC/);
    const point = Buffer.from(ecPairs.get('P-256')!.publicSpkiDer.subarray(-65));
    point[64]! ^= 1;
    expectInvalid(() => deriveEcdh(alice, point, 256), /not on its curve/);
    expectInvalid(
      () => deriveEcdh(alice, Buffer.from([2, 1, 2, 3]), 256),
      /uncompressed P-256 point/,
    );
    const noDerive = pairKeys(ecPairs.get('P-256')!, 'ec').priv;
    expectDenied(
      () => deriveEcdh(noDerive, ecPairs.get('P-256')!.publicSpkiDer, 256),
      /derive=false/,
    );
    const { priv: rsaPriv } = pairKeys(rsa2048, 'rsa');
    expectInvalid(
      () => deriveEcdh(rsaPriv, ecPairs.get('P-256')!.publicSpkiDer, 256),
      /needs a ec key/,
    );
  });
});

describe('crypto engine - digest', () => {
  it('Should hash with SHA-1 and SHA-2', () => {
    const abc = Buffer.from('abc');
    expect(digest('sha256', abc).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(digest('sha1', abc).toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(digest('sha384', abc)).toHaveLength(48);
    expect(digest('sha512', abc)).toHaveLength(64);
    expectInvalid(() => digest('md5' as 'sha1', abc), /unknown digest/);
  });
});

describe('crypto engine - attribute policy', () => {
  it('Should give CloudHSM-like defaults per class and type, with wrap and unwrap off', () => {
    expect(defaultAttributes('secret', 'aes')).toMatchObject({
      token: true,
      sensitive: true,
      extractable: true,
      encrypt: true,
      decrypt: true,
      wrap: false,
      unwrap: false,
      sign: false,
      verify: false,
      derive: false,
      trusted: false,
      wrapWithTrusted: false,
      label: '',
      id: '',
    });
    expect(defaultAttributes('secret', 'generic-secret')).toMatchObject({
      sensitive: true,
      sign: true,
      verify: true,
      encrypt: false,
      decrypt: false,
      wrap: false,
      unwrap: false,
      derive: false,
    });
    expect(defaultAttributes('private', 'rsa')).toMatchObject({
      sensitive: true,
      sign: true,
      decrypt: true,
      unwrap: false,
      verify: false,
      encrypt: false,
      wrap: false,
    });
    expect(defaultAttributes('public', 'rsa')).toMatchObject({
      sensitive: false,
      verify: true,
      encrypt: true,
      wrap: false,
      unwrap: false,
      sign: false,
      decrypt: false,
    });
    expect(defaultAttributes('private', 'ec')).toMatchObject({
      sensitive: true,
      sign: true,
      verify: false,
      derive: false,
      decrypt: false,
      unwrap: false,
    });
    expect(defaultAttributes('private', 'ed25519')).toMatchObject({
      sensitive: true,
      sign: true,
      verify: false,
      derive: false,
    });
    for (const keyType of ['ec', 'ed25519'] as const) {
      expect(defaultAttributes('public', keyType)).toMatchObject({
        verify: true,
        encrypt: false,
        wrap: false,
        sensitive: false,
      });
    }
    // No class and type gets wrap or unwrap by default: a wrapping key is made on purpose.
    for (const [keyClass, keyType] of [
      ['secret', 'aes'],
      ['secret', 'generic-secret'],
      ['private', 'rsa'],
      ['private', 'ec'],
      ['private', 'ed25519'],
      ['public', 'rsa'],
      ['public', 'ec'],
      ['public', 'ed25519'],
    ] as const) {
      const attributes = defaultAttributes(keyClass, keyType);
      expect([attributes.wrap, attributes.unwrap]).toEqual([false, false]);
      expect(attributes).toEqual(resolveAttributes(keyClass, keyType, {}));
    }
    expect(defaultAttributes('secret', 'aes', { label: 'x', extractable: false })).toMatchObject({
      label: 'x',
      extractable: false,
      sensitive: true,
    });
  });

  it('Should refuse templates no key of the class and type can carry', () => {
    expectInvalid(() => validateTemplate('public', 'rsa', { sign: true }), /cannot have sign=true/);
    expectInvalid(
      () => validateTemplate('public', 'ec', { sensitive: true }),
      /cannot be sensitive/,
    );
    expectInvalid(
      () => validateTemplate('private', 'ec', { decrypt: true }),
      /cannot have decrypt=true/,
    );
    expectInvalid(() => validateTemplate('secret', 'aes', { sign: true }));
    expectInvalid(() => validateTemplate('secret', 'generic-secret', { encrypt: true }));
    expectInvalid(() => validateTemplate('private', 'ed25519', { derive: true }));
    expectInvalid(
      () => validateTemplate('private', 'rsa', { trusted: true }, 'crypto-officer'),
      /private key cannot be trusted/,
    );
    expectInvalid(() => validateTemplate('public', 'rsa', { wrapWithTrusted: true }));
    expectInvalid(() => validateTemplate('secret', 'aes', { id: 'XYZ' }), /hex/);
    expectInvalid(
      () => validateTemplate('secret', 'aes', { sign: 'yes' as unknown as boolean }),
      /boolean/,
    );
    expectDenied(
      () => validateTemplate('secret', 'aes', { trusted: true }, 'crypto-user'),
      /crypto officer/,
    );
    validateTemplate('secret', 'aes', { trusted: true }, 'crypto-officer');
    validateTemplate('private', 'ec', { derive: true, verify: true, sensitive: false });
  });

  it('Should refuse a key that may both wrap and decrypt, or both unwrap and encrypt', () => {
    expectInvalid(
      () => resolveAttributes('secret', 'aes', { wrap: true, decrypt: true }),
      /aes secret key cannot have both wrap and decrypt/,
    );
    expectInvalid(
      () => resolveAttributes('secret', 'aes', { unwrap: true, encrypt: true }),
      /aes secret key cannot have both unwrap and encrypt/,
    );
    // The defaults count: an AES key encrypts and decrypts unless told not to.
    expectInvalid(() => resolveAttributes('secret', 'aes', { wrap: true }), /wrap and decrypt/);
    expectInvalid(() => resolveAttributes('secret', 'aes', { unwrap: true }), /unwrap and encrypt/);
    expectInvalid(
      () => resolveAttributes('secret', 'aes', { ...KEK, decrypt: true }, 'crypto-officer'),
      /wrap and decrypt/,
    );
    expectInvalid(
      () => resolveAttributes('secret', 'aes', { ...KEK, encrypt: true }, 'crypto-officer'),
      /unwrap and encrypt/,
    );
    // A wrapping key is made with encrypt and decrypt off; one-way keys are fine too.
    expect(resolveAttributes('secret', 'aes', KEK)).toMatchObject(KEK);
    expect(
      resolveAttributes('secret', 'aes', { wrap: true, unwrap: false, decrypt: false }),
    ).toMatchObject({ wrap: true, unwrap: false, encrypt: true, decrypt: false });
    expect(resolveAttributes('public', 'rsa', RSA_KEK.pub)).toMatchObject(RSA_KEK.pub);
    expect(resolveAttributes('private', 'rsa', RSA_KEK.priv)).toMatchObject(RSA_KEK.priv);
  });

  it('Should refuse turning decrypt or encrypt on for a wrapping key, and wrap on for a data key (uses only narrow)', () => {
    const kek = {
      keyClass: 'secret',
      keyType: 'aes',
      handle: 'k-kek',
      attributes: resolveAttributes('secret', 'aes', KEK),
    } as const;
    expectRefused(() => checkAttributeChange(kek, { decrypt: true }, 'crypto-user'));
    expectRefused(() => checkAttributeChange(kek, { decrypt: true }, 'crypto-officer'));
    expectRefused(() => checkAttributeChange(kek, { encrypt: true }, 'crypto-user'));
    // Bare attributes, as the key service passes them, are checked the same way.
    expectRefused(() => checkAttributeChange(kek.attributes, { decrypt: true }, 'crypto-user'));
    const dataKey = { ...kek, handle: 'k-data', attributes: defaultAttributes('secret', 'aes') };
    expectRefused(() => checkAttributeChange(dataKey, { wrap: true }, 'crypto-user'));
    expectRefused(() => checkAttributeChange(dataKey, { unwrap: true }, 'crypto-user'));
    // Other changes to a wrapping key still go through and keep it a wrapping key.
    expect(checkAttributeChange(kek, { label: 'kek', extractable: false }, 'crypto-user')).toEqual({
      ...kek.attributes,
      label: 'kek',
      extractable: false,
    });
  });

  it('Should name the attribute that forbids an operation', () => {
    const key = secretKey('generic-secret', 128, { sign: false }, 'k-1');
    expectDenied(() => requireAttribute(key, 'sign'), /^key k-1 has sign=false$/);
    expectDenied(() => requireAttribute('k-2', key.body, 'sign'), /^key k-2 has sign=false$/);
    expectDenied(() => sign(key, 'MECHANISM_HMAC_SHA256', DATA), /k-1 has sign=false/);
    const aes = secretKey('aes', 128, { encrypt: false, decrypt: false }, 'k-3');
    expectDenied(() => encrypt(aes, 'MECHANISM_AES_GCM', DATA), /k-3 has encrypt=false/);
    expectDenied(
      () =>
        decrypt(aes, 'MECHANISM_AES_GCM', DATA, { iv: Buffer.alloc(12), tag: Buffer.alloc(16) }),
      /decrypt=false/,
    );
  });

  it('Should refuse every loosening change and allow tightening', () => {
    const key = {
      keyClass: 'secret',
      keyType: 'aes',
      handle: 'k-5',
      attributes: defaultAttributes('secret', 'aes'),
    } as const;
    expectRefused(
      () => checkAttributeChange(key, { sensitive: false }, 'crypto-user'),
      /sensitive cannot be cleared/,
    );
    const locked = {
      ...key,
      attributes: { ...key.attributes, extractable: false, wrapWithTrusted: true },
    };
    expectRefused(
      () => checkAttributeChange(locked, { extractable: true }, 'crypto-user'),
      /extractable/,
    );
    expectRefused(
      () => checkAttributeChange(locked, { wrapWithTrusted: false }, 'crypto-user'),
      /wrapWithTrusted/,
    );
    expectRefused(
      () => checkAttributeChange(key, { token: false }, 'crypto-user'),
      /token cannot change/,
    );
    expectRefused(
      () => checkAttributeChange(key, { trusted: true }, 'crypto-user'),
      /crypto officer/,
    );
    expect(checkAttributeChange(key, { trusted: true }, 'crypto-officer').trusted).toBe(true);
    const tightened = checkAttributeChange(
      key,
      { extractable: false, wrapWithTrusted: true, label: 'kek' },
      'crypto-user',
    );
    expect(tightened).toMatchObject({
      extractable: false,
      wrapWithTrusted: true,
      label: 'kek',
      sensitive: true,
    });
    const pub = {
      keyClass: 'public',
      keyType: 'rsa',
      attributes: defaultAttributes('public', 'rsa'),
    } as const;
    expectRefused(
      () => checkAttributeChange(pub, { sign: true }, 'crypto-user'),
      /cannot have sign=true/,
    );
    // Tightening is refused too where it is impossible: public keys are never sensitive.
    expectRefused(
      () => checkAttributeChange(pub, { sensitive: true }, 'crypto-user'),
      /cannot be sensitive/,
    );
    // Bare attributes get the loosening rules only.
    expectRefused(() => checkAttributeChange(key.attributes, { sensitive: false }, 'crypto-user'));
  });
});

describe('crypto engine - key extraction attacks', () => {
  /** victimKey is a sensitive AES key of another user, with the given template. */
  const victimKey = (template: KeyTemplate): KeyBody =>
    makeBody('secret', 'aes', generateSecret('aes', 256), template);
  /** attackerKey is the attacker's own AES wrapping key (wrap/unwrap, no decrypt). */
  const attackerKey = (template: KeyTemplate = {}): LoadedKey =>
    secretKey('aes', 256, { ...KEK, ...template }, 'k-attacker');
  const wrapMechanisms = [
    'MECHANISM_AES_KEY_WRAP',
    'MECHANISM_AES_KEY_WRAP_PAD',
    'MECHANISM_AES_GCM',
  ] as const;

  it('Should not let a wrapping key extract a sensitive non-extractable key', () => {
    const victim = victimKey({ extractable: false });
    const attacker = attackerKey();
    expect(victim.attributes.sensitive).toBe(true);
    for (const mechanism of wrapMechanisms) {
      expectDenied(() => wrap(attacker, mechanism, victim), /has extractable=false/);
    }
    expectDenied(() => checkWrapAllowed(attacker, victim), /extractable=false/);
    // Nor can the attacker turn extractable back on first.
    expectRefused(() => checkAttributeChange(victim, { extractable: true }, 'crypto-user'));
    // And a key pair's private half is protected the same way.
    const { pub } = pairKeys(rsa2048, 'rsa', RSA_KEK);
    const privVictim = makeBody(
      'private',
      'ec',
      ecPairs.get('P-256')!.privatePkcs8Der,
      { extractable: false },
      { sizeBits: 256, curve: 'P-256' },
    );
    expectDenied(() => wrap(attacker, 'MECHANISM_AES_GCM', privVictim), /extractable=false/);
    expectDenied(() => wrap(pub, 'MECHANISM_RSA_OAEP_SHA256', victim), /extractable=false/);
  });

  it('Should let only trusted keys wrap a wrapWithTrusted key', () => {
    const victim = victimKey({ wrapWithTrusted: true });
    const attacker = attackerKey();
    for (const mechanism of wrapMechanisms) {
      expectDenied(
        () => wrap(attacker, mechanism, victim),
        /wrapWithTrusted=true and key k-attacker is not trusted/,
      );
    }
    // The attacker cannot mark its own key trusted; an officer can mark a KEK.
    expectRefused(() => checkAttributeChange(attacker.body, { trusted: true }, 'crypto-user'));
    const kekBody = makeBody('secret', 'aes', generateSecret('aes', 256), KEK);
    kekBody.attributes = checkAttributeChange(kekBody, { trusted: true }, 'crypto-officer');
    const kek = loadKey(kekBody, 'k-kek');
    const blob = wrap(kek, 'MECHANISM_AES_KEY_WRAP', victim);
    expect(unwrap(kek, 'MECHANISM_AES_KEY_WRAP', blob, 'aes', 'secret').material).toEqual(
      victim.material,
    );
    // The trusted KEK was made without decrypt, so it cannot read the blob itself,
    // and not even an officer can give it decrypt now.
    expectDenied(
      () =>
        decrypt(kek, 'MECHANISM_AES_GCM', blob, { iv: Buffer.alloc(12), tag: Buffer.alloc(16) }),
      /k-kek has decrypt=false/,
    );
    expectRefused(() => checkAttributeChange(kek, { decrypt: true }, 'crypto-officer'));
  });

  it('Should refuse wrapping by a key without wrap=true, as every key is by default', () => {
    const victim = victimKey({});
    const noWrap = secretKey('aes', 256, {}, 'k-nowrap');
    expectDenied(() => wrap(noWrap, 'MECHANISM_AES_GCM', victim), /k-nowrap has wrap=false/);
    const { pub } = pairKeys(rsa2048, 'rsa');
    expectDenied(() => wrap(pub, 'MECHANISM_RSA_OAEP_SHA256', victim), /k-pub has wrap=false/);
  });

  it('Should no longer let a key be set up to wrap a key and then decrypt the blob', () => {
    // Sensitive but extractable, without wrapWithTrusted: the victim of the old
    // PKCS#11 caveat, where one key with wrap and decrypt could reveal it.
    const victim = victimKey({});
    expectInvalid(() => attackerKey({ decrypt: true }), /wrap and decrypt/);
    expectInvalid(() => secretKey('aes', 256, { wrap: true }, 'k-attacker'), /wrap and decrypt/);
    // Nor can such a key be reached by changing attributes, either way round.
    const attacker = attackerKey();
    expectRefused(() => checkAttributeChange(attacker.body, { decrypt: true }, 'crypto-user'));
    const dataKey = secretKey('aes', 256, {}, 'k-data');
    expectRefused(() => checkAttributeChange(dataKey.body, { wrap: true }, 'crypto-user'));
    // The wrapping key the attacker may have wraps the victim but cannot read the blob,
    // and a data key that can decrypt cannot wrap.
    const blob = wrap(attacker, 'MECHANISM_AES_GCM', victim);
    const parts = { iv: blob.subarray(0, 12), tag: blob.subarray(-16) };
    expectDenied(
      () => decrypt(attacker, 'MECHANISM_AES_GCM', blob.subarray(12, -16), parts),
      /k-attacker has decrypt=false/,
    );
    expectDenied(() => wrap(dataKey, 'MECHANISM_AES_GCM', victim), /k-data has wrap=false/);
  });

  it('Should no longer let a key be set up to encrypt chosen bytes and then unwrap them', () => {
    expectInvalid(() => attackerKey({ encrypt: true }), /unwrap and encrypt/);
    expectInvalid(
      () => secretKey('aes', 256, { unwrap: true }, 'k-attacker'),
      /unwrap and encrypt/,
    );
    const attacker = attackerKey();
    expectRefused(() => checkAttributeChange(attacker.body, { encrypt: true }, 'crypto-user'));
    expectDenied(
      () => encrypt(attacker, 'MECHANISM_AES_GCM', generateSecret('aes', 256)),
      /k-attacker has encrypt=false/,
    );
  });
});
