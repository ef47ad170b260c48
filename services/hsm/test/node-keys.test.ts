import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  verify as nodeVerify,
  randomBytes,
} from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeProcess, HSM_MAIN, requireBuilt } from '../../../test/helpers/node-process';
import { RawHsm, codeOf, status } from '../../../test/helpers/hsm-client';

describe('hsm node - keys and crypto', () => {
  let node: NodeProcess;
  let alice: RawHsm;
  let bob: RawHsm;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'keys-1' });
    await node.start();
    const officer = new RawHsm(node.address);
    await officer.call('ActivateOfficer', { password: 'officer-pass-1' });
    await officer.login('admin', 'officer-pass-1');
    for (const u of ['alice', 'bob']) {
      await officer.call('CreateUser', {
        username: u,
        role: 'ROLE_CRYPTO_USER',
        password: `${u}-pass-1`,
      });
    }
    officer.close();
    alice = new RawHsm(node.address);
    await alice.login('alice', 'alice-pass-1');
    bob = new RawHsm(node.address);
    await bob.login('bob', 'bob-pass-1');
  });

  afterAll(async () => {
    alice?.close();
    bob?.close();
    await node?.stop();
  });

  const pair = async (req: object) => alice.call('GenerateKeyPair', req);

  it('signs with every asymmetric algorithm and the signatures verify outside the HSM', async () => {
    const cases = [
      {
        req: { keyType: 'KEY_TYPE_EC', curve: 'CURVE_P256' },
        mech: 'MECHANISM_ECDSA_SHA256',
        hash: 'sha256',
      },
      {
        req: { keyType: 'KEY_TYPE_EC', curve: 'CURVE_P384' },
        mech: 'MECHANISM_ECDSA_SHA384',
        hash: 'sha384',
      },
      {
        req: { keyType: 'KEY_TYPE_EC', curve: 'CURVE_SECP256K1' },
        mech: 'MECHANISM_ECDSA_SHA256',
        hash: 'sha256',
      },
      { req: { keyType: 'KEY_TYPE_ED25519' }, mech: 'MECHANISM_ED25519', hash: null },
      {
        req: { keyType: 'KEY_TYPE_RSA', modulusBits: 2048 },
        mech: 'MECHANISM_RSA_PKCS1_SHA256',
        hash: 'sha256',
      },
      {
        req: { keyType: 'KEY_TYPE_RSA', modulusBits: 3072 },
        mech: 'MECHANISM_RSA_PSS_SHA384',
        hash: 'sha384',
      },
    ];
    const data = Buffer.from('message to sign');
    for (const c of cases) {
      const { publicKey, privateKey } = await pair(c.req);
      const { signature } = await alice.call('Sign', {
        key: privateKey.handle,
        mechanism: c.mech,
        data,
      });
      const spki = createPublicKey({ key: publicKey.publicKeyDer, format: 'der', type: 'spki' });
      const opts = c.mech.includes('PSS') ? { key: spki, padding: 6, saltLength: 48 } : spki;
      expect(nodeVerify(c.hash, data, opts as never, signature), c.mech).toBe(true);
      const v = await alice.call('Verify', {
        key: publicKey.handle,
        mechanism: c.mech,
        data,
        signature,
      });
      expect(v.valid).toBe(true);
      const bad = await alice.call('Verify', {
        key: publicKey.handle,
        mechanism: c.mech,
        data: Buffer.from('x'),
        signature,
      });
      expect(bad.valid).toBe(false);
    }
  }, 60_000);

  it('encrypts and decrypts with AES-GCM, CBC, CTR and RSA-OAEP', async () => {
    const { key: aes } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    const plaintext = Buffer.from('a secret that is not block aligned');
    for (const mechanism of ['MECHANISM_AES_GCM', 'MECHANISM_AES_CBC_PAD', 'MECHANISM_AES_CTR']) {
      const enc = await alice.call('Encrypt', {
        key: aes.handle,
        mechanism,
        plaintext,
        aad: mechanism.endsWith('GCM') ? Buffer.from('ctx') : Buffer.alloc(0),
      });
      if (mechanism.endsWith('GCM')) expect(enc.iv.length).toBe(12);
      const dec = await alice.call('Decrypt', {
        key: aes.handle,
        mechanism,
        ciphertext: enc.ciphertext,
        iv: enc.iv,
        tag: enc.tag,
        aad: mechanism.endsWith('GCM') ? Buffer.from('ctx') : Buffer.alloc(0),
      });
      expect(dec.plaintext.equals(plaintext), mechanism).toBe(true);
    }
    const givenIv = await codeOf(
      alice.call('Encrypt', {
        key: aes.handle,
        mechanism: 'MECHANISM_AES_GCM',
        plaintext,
        iv: randomBytes(12),
      }),
    );
    expect(givenIv.code).toBe(status.INVALID_ARGUMENT);
    const enc = await alice.call('Encrypt', {
      key: aes.handle,
      mechanism: 'MECHANISM_AES_GCM',
      plaintext,
    });
    enc.ciphertext[0] ^= 1;
    const tampered = await codeOf(
      alice.call('Decrypt', { key: aes.handle, mechanism: 'MECHANISM_AES_GCM', ...enc }),
    );
    expect(tampered.code).toBe(status.INVALID_ARGUMENT);

    const rsa = await pair({ keyType: 'KEY_TYPE_RSA', modulusBits: 2048 });
    const oaep = await alice.call('Encrypt', {
      key: rsa.publicKey.handle,
      mechanism: 'MECHANISM_RSA_OAEP_SHA256',
      plaintext,
    });
    const back = await alice.call('Decrypt', {
      key: rsa.privateKey.handle,
      mechanism: 'MECHANISM_RSA_OAEP_SHA256',
      ciphertext: oaep.ciphertext,
    });
    expect(back.plaintext.equals(plaintext)).toBe(true);
  });

  it('computes HMAC with generic secrets, digests and random bytes', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_GENERIC_SECRET',
      sizeBits: 256,
    });
    const data = Buffer.from('hmac me');
    const { signature } = await alice.call('Sign', {
      key: key.handle,
      mechanism: 'MECHANISM_HMAC_SHA256',
      data,
    });
    expect(signature.length).toBe(32);
    expect(
      (
        await alice.call('Verify', {
          key: key.handle,
          mechanism: 'MECHANISM_HMAC_SHA256',
          data,
          signature,
        })
      ).valid,
    ).toBe(true);
    const d = await alice.call('Digest', { algorithm: 'DIGEST_ALGORITHM_SHA256', data });
    expect(d.digest.equals(createHash('sha256').update(data).digest())).toBe(true);
    expect((await alice.call('GenerateRandom', { length: 64 })).data.length).toBe(64);
    expect((await codeOf(alice.call('GenerateRandom', { length: 1_000_000 }))).code).toBe(
      status.INVALID_ARGUMENT,
    );
  });

  it('enforces attributes: no sign without sign, no loosening, no wrap of non-extractable keys', async () => {
    const kp = await pair({
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
      privateAttributes: { sign: false },
    });
    const noSign = await codeOf(
      alice.call('Sign', {
        key: kp.privateKey.handle,
        mechanism: 'MECHANISM_ECDSA_SHA256',
        data: Buffer.from('x'),
      }),
    );
    expect(noSign.code).toBe(status.PERMISSION_DENIED);

    const { key: secret } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { extractable: false, label: 'crown-jewel' },
    });
    expect(secret.attributes.sensitive).toBe(true);
    const loosen = await codeOf(
      alice.call('SetAttributes', { handle: secret.handle, attributes: { extractable: true } }),
    );
    expect(loosen.code).toBe(status.PERMISSION_DENIED);
    const unsensitive = await codeOf(
      alice.call('SetAttributes', { handle: secret.handle, attributes: { sensitive: false } }),
    );
    expect(unsensitive.code).toBe(status.PERMISSION_DENIED);

    // The wrap-then-decrypt attack: a key that may both wrap and decrypt
    // would turn any extractable-but-sensitive key into plaintext. Such a key
    // cannot be made, and cannot be made by changing attributes either; the
    // same holds for unwrap with encrypt (encrypt-then-unwrap plants a known key).
    const both = await codeOf(
      alice.call('GenerateSymmetricKey', {
        keyType: 'KEY_TYPE_AES',
        sizeBits: 256,
        attributes: { wrap: true, decrypt: true },
      }),
    );
    expect(both.code).toBe(status.INVALID_ARGUMENT);
    const plant = await codeOf(
      alice.call('GenerateSymmetricKey', {
        keyType: 'KEY_TYPE_AES',
        sizeBits: 256,
        attributes: { unwrap: true, encrypt: true },
      }),
    );
    expect(plant.code).toBe(status.INVALID_ARGUMENT);
    const { key: attacker } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { wrap: true, unwrap: true, encrypt: false, decrypt: false },
    });
    const later = await codeOf(
      alice.call('SetAttributes', { handle: attacker.handle, attributes: { decrypt: true } }),
    );
    expect([status.INVALID_ARGUMENT, status.PERMISSION_DENIED]).toContain(later.code);
    const wrapSecret = await codeOf(
      alice.call('WrapKey', {
        wrappingKey: attacker.handle,
        key: secret.handle,
        mechanism: 'MECHANISM_AES_GCM',
      }),
    );
    expect(wrapSecret.code).toBe(status.PERMISSION_DENIED);

    const { key: victim } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 128,
    });
    const wrapped = await alice.call('WrapKey', {
      wrappingKey: attacker.handle,
      key: victim.handle,
      mechanism: 'MECHANISM_AES_GCM',
    });
    const iv = wrapped.wrapped.subarray(0, 12);
    const tag = wrapped.wrapped.subarray(wrapped.wrapped.length - 16);
    const ciphertext = wrapped.wrapped.subarray(12, wrapped.wrapped.length - 16);
    const decrypted = await codeOf(
      alice.call('Decrypt', {
        key: attacker.handle,
        mechanism: 'MECHANISM_AES_GCM',
        ciphertext,
        iv,
        tag,
      }),
    );
    expect(decrypted.code).toBe(status.PERMISSION_DENIED);

    // Unwrap back in: the key comes back with its attributes from the template.
    const { key: back } = await alice.call('UnwrapKey', {
      unwrappingKey: attacker.handle,
      mechanism: 'MECHANISM_AES_GCM',
      wrapped: wrapped.wrapped,
      keyType: 'KEY_TYPE_AES',
      keyClass: 'KEY_CLASS_SECRET',
    });
    expect(back.checkValue.equals(victim.checkValue)).toBe(true);
  });

  it('wraps with AES key wrap (RFC 3394 and 5649) and RSA-OAEP, honouring wrap-with-trusted', async () => {
    const { key: kek } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { wrap: true, unwrap: true, encrypt: false, decrypt: false },
    });
    const { key: target } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    for (const mechanism of ['MECHANISM_AES_KEY_WRAP', 'MECHANISM_AES_KEY_WRAP_PAD']) {
      const w = await alice.call('WrapKey', {
        wrappingKey: kek.handle,
        key: target.handle,
        mechanism,
      });
      const u = await alice.call('UnwrapKey', {
        unwrappingKey: kek.handle,
        mechanism,
        wrapped: w.wrapped,
        keyType: 'KEY_TYPE_AES',
        keyClass: 'KEY_CLASS_SECRET',
      });
      expect(u.key.checkValue.equals(target.checkValue), mechanism).toBe(true);
    }
    const ec = await pair({ keyType: 'KEY_TYPE_EC', curve: 'CURVE_P256' });
    const w = await alice.call('WrapKey', {
      wrappingKey: kek.handle,
      key: ec.privateKey.handle,
      mechanism: 'MECHANISM_AES_KEY_WRAP_PAD',
    });
    const u = await alice.call('UnwrapKey', {
      unwrappingKey: kek.handle,
      mechanism: 'MECHANISM_AES_KEY_WRAP_PAD',
      wrapped: w.wrapped,
      keyType: 'KEY_TYPE_EC',
      keyClass: 'KEY_CLASS_PRIVATE',
    });
    expect(u.key.publicKeyDer.equals(ec.publicKey.publicKeyDer)).toBe(true);

    const { key: guarded } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { wrapWithTrusted: true },
    });
    const untrusted = await codeOf(
      alice.call('WrapKey', {
        wrappingKey: kek.handle,
        key: guarded.handle,
        mechanism: 'MECHANISM_AES_KEY_WRAP',
      }),
    );
    expect(untrusted.code).toBe(status.PERMISSION_DENIED);

    // Only a crypto officer marks a wrapping key trusted; then it may wrap.
    const selfTrust = await codeOf(
      alice.call('SetAttributes', { handle: kek.handle, attributes: { trusted: true } }),
    );
    expect(selfTrust.code).toBe(status.PERMISSION_DENIED);
    const officer = new RawHsm(node.address);
    await officer.login('admin', 'officer-pass-1');
    const notOnlyTrust = await codeOf(
      officer.call('SetAttributes', {
        handle: kek.handle,
        attributes: { trusted: true, label: 'x' },
      }),
    );
    expect(notOnlyTrust.code).toBe(status.PERMISSION_DENIED);
    await officer.call('SetAttributes', { handle: kek.handle, attributes: { trusted: true } });
    officer.close();
    const ok = await alice.call('WrapKey', {
      wrappingKey: kek.handle,
      key: guarded.handle,
      mechanism: 'MECHANISM_AES_KEY_WRAP',
    });
    expect(ok.wrapped.length).toBe(40);

    // A key pair whose public half gains wrap later would let the private half
    // decrypt what it wrapped: uses cannot be widened after creation.
    const rsa = await pair({ keyType: 'KEY_TYPE_RSA', modulusBits: 2048 });
    const widen = await codeOf(
      alice.call('SetAttributes', { handle: rsa.publicKey.handle, attributes: { wrap: true } }),
    );
    expect(widen.code).toBe(status.PERMISSION_DENIED);
  });

  it('derives a shared AES key with ECDH', async () => {
    const kp = await pair({
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
      privateAttributes: { derive: true },
    });
    const peer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const peerDer = peer.publicKey.export({ type: 'spki', format: 'der' });
    const { key } = await alice.call('DeriveKey', {
      baseKey: kp.privateKey.handle,
      mechanism: 'MECHANISM_ECDH',
      peerPublicKey: peerDer,
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    expect(key.sizeBits).toBe(256);
    expect(key.keyType).toBe('KEY_TYPE_AES');
  });

  it('hides keys of other users, shares and unshares them, and deletes them', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { label: 'shared-one' },
    });
    const hidden = await codeOf(bob.call('GetKey', { handle: key.handle }));
    const missing = await codeOf(bob.call('GetKey', { handle: 'key-aaaaaaaaaaaaaaaaaaaa' }));
    expect(hidden).toEqual(
      missing.details === hidden.details ? missing : { ...missing, details: hidden.details },
    );
    expect(hidden.code).toBe(status.NOT_FOUND);
    expect(hidden.details.replace(key.handle, 'H')).toBe(
      missing.details.replace('key-aaaaaaaaaaaaaaaaaaaa', 'H'),
    );

    await alice.call('ShareKey', { handle: key.handle, username: 'bob' });
    const enc = await bob.call('Encrypt', {
      key: key.handle,
      mechanism: 'MECHANISM_AES_GCM',
      plaintext: Buffer.from('hi'),
    });
    expect(enc.ciphertext.length).toBe(2);
    const bobDelete = await codeOf(bob.call('DeleteKey', { handle: key.handle }));
    expect(bobDelete.code).toBe(status.PERMISSION_DENIED);
    const found = await bob.call('FindKeys', { attributes: { label: 'shared-one' } });
    expect(found.keys.map((k: { handle: string }) => k.handle)).toEqual([key.handle]);
    await alice.call('UnshareKey', { handle: key.handle, username: 'bob' });
    expect((await codeOf(bob.call('GetKey', { handle: key.handle }))).code).toBe(status.NOT_FOUND);

    await alice.call('DeleteKey', { handle: key.handle });
    expect((await codeOf(alice.call('GetKey', { handle: key.handle }))).code).toBe(
      status.NOT_FOUND,
    );
  });

  it('keeps session keys in the session only', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 128,
      attributes: { token: false },
    });
    expect(key.handle.startsWith('skey-')).toBe(true);
    await alice.call('Encrypt', {
      key: key.handle,
      mechanism: 'MECHANISM_AES_GCM',
      plaintext: Buffer.from('x'),
    });
    const other = new RawHsm(node.address);
    await other.login('alice', 'alice-pass-1');
    expect((await codeOf(other.call('GetKey', { handle: key.handle }))).code).toBe(
      status.NOT_FOUND,
    );
    other.close();
  });

  it('makes one key per client request id, however often the create is retried', async () => {
    const req = { keyType: 'KEY_TYPE_AES', sizeBits: 256, clientRequestId: 'req-42' };
    const a = await alice.call('GenerateSymmetricKey', req);
    const b = await alice.call('GenerateSymmetricKey', req);
    expect(b.key.handle).toBe(a.key.handle);
    expect(b.key.checkValue.equals(a.key.checkValue)).toBe(true);
    const p1 = await pair({
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
      clientRequestId: 'pair-1',
    });
    const p2 = await pair({
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
      clientRequestId: 'pair-1',
    });
    expect(p2.privateKey.handle).toBe(p1.privateKey.handle);
    expect(p2.publicKey.publicKeyDer.equals(p1.publicKey.publicKeyDer)).toBe(true);
  });

  it('answers bad input with the right status and keeps serving', async () => {
    const { key: aes } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    const cases: Array<[string, object, status]> = [
      ['GenerateSymmetricKey', { keyType: 'KEY_TYPE_AES', sizeBits: 100 }, status.INVALID_ARGUMENT],
      [
        'GenerateSymmetricKey',
        { keyType: 'KEY_TYPE_RSA', sizeBits: 2048 },
        status.INVALID_ARGUMENT,
      ],
      [
        'GenerateSymmetricKey',
        { keyType: 'KEY_TYPE_UNSPECIFIED', sizeBits: 256 },
        status.INVALID_ARGUMENT,
      ],
      ['GenerateKeyPair', { keyType: 'KEY_TYPE_RSA', modulusBits: 1024 }, status.INVALID_ARGUMENT],
      ['GenerateKeyPair', { keyType: 'KEY_TYPE_EC' }, status.INVALID_ARGUMENT],
      [
        'GenerateKeyPair',
        { keyType: 'KEY_TYPE_RSA', modulusBits: 2048, publicAttributes: { wrap: true } },
        status.INVALID_ARGUMENT,
      ],
      [
        'Sign',
        { key: 'no-such-thing', mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('x') },
        status.INVALID_ARGUMENT,
      ],
      [
        'Sign',
        {
          key: 'key-bbbbbbbbbbbbbbbbbbbb',
          mechanism: 'MECHANISM_ECDSA_SHA256',
          data: Buffer.from('x'),
        },
        status.NOT_FOUND,
      ],
      [
        'Sign',
        { key: aes.handle, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('x') },
        status.PERMISSION_DENIED,
      ],
      [
        'Encrypt',
        { key: aes.handle, mechanism: 'MECHANISM_RSA_OAEP_SHA256', plaintext: Buffer.from('x') },
        status.INVALID_ARGUMENT,
      ],
      [
        'Encrypt',
        { key: aes.handle, mechanism: 'MECHANISM_UNSPECIFIED', plaintext: Buffer.from('x') },
        status.INVALID_ARGUMENT,
      ],
      [
        'Decrypt',
        {
          key: aes.handle,
          mechanism: 'MECHANISM_AES_CBC_PAD',
          ciphertext: Buffer.alloc(15),
          iv: Buffer.alloc(16),
        },
        status.INVALID_ARGUMENT,
      ],
      [
        'ImportKey',
        { format: 'KEY_FORMAT_PEM', material: Buffer.from('-----BEGIN GARBAGE-----') },
        status.INVALID_ARGUMENT,
      ],
      [
        'ImportKey',
        { format: 'KEY_FORMAT_RAW', material: Buffer.alloc(7), keyType: 'KEY_TYPE_AES' },
        status.INVALID_ARGUMENT,
      ],
      ['GetKey', { handle: '' }, status.INVALID_ARGUMENT],
      ['ShareKey', { handle: aes.handle, username: 'nobody' }, status.NOT_FOUND],
    ];
    for (const [method, req, code] of cases) {
      const got = await codeOf(alice.call(method, req));
      expect(got.code, `${method} ${JSON.stringify(req).slice(0, 120)} -> ${got.details}`).toBe(
        code,
      );
      expect(got.details.length).toBeGreaterThan(5);
    }
    const tooBig = await codeOf(
      alice.call('Encrypt', {
        key: aes.handle,
        mechanism: 'MECHANISM_AES_GCM',
        plaintext: Buffer.alloc(5 * 1024 * 1024),
      }),
    );
    expect(tooBig.code).toBe(status.RESOURCE_EXHAUSTED);
    expect((await alice.call('GetNodeInfo', {})).nodeId).toBe('keys-1');
  });
});
