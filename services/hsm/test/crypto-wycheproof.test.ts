/**
 * Wycheproof conformance of the crypto engine (vectors: C2SP/wycheproof,
 * shared/vectors/wycheproof). Every key goes through importMaterial and
 * loadKey, every operation through the engine's public functions.
 *
 * Verdicts: a `valid` vector must be accepted with the expected output, an
 * `invalid` one rejected (verify answers false; decrypt, unwrap and derive
 * throw InvalidArgumentError), an `acceptable` one may go either way. An
 * accepted vector with a wrong output fails whatever its verdict, and a
 * rejection must be an engine error (anything else would reach a client as
 * INTERNAL).
 *
 * Parameters the HSM deliberately does not support. Such vectors are
 * skipped and counted by reason, and the engine must refuse each of them:
 *
 * - AES-GCM decrypt: IV of 1 to 128 bytes only (no 0-byte IV, which GCM
 *   forbids, nor longer ones); tags of 12 to 16 bytes only.
 * - HMAC verify: full-length tags only; a truncated tag is simply not equal.
 * - AES-KW/KWP unwrap: the result must be a key the HSM can hold, so a
 *   payload under 8 bytes (a generic secret is 64 to 4096 bits) is refused.
 * - RSA-PSS: salt length 0 cannot be asked for (0 means "hash length").
 *
 * Not exercised here: hkdf_sha256_test.json (the engine has no HKDF).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  CURVES,
  decrypt,
  defaultAttributes,
  deriveEcdh,
  encrypt,
  type ImportedMaterial,
  importMaterial,
  InvalidArgumentError,
  type KeyTemplate,
  loadKey,
  type LoadedKey,
  type Mechanism,
  sign,
  type SignOptions,
  unwrap,
  usePossible,
  verify,
  wrap,
} from '../src/crypto';
import type { CurveName, KeyBody } from '../src/model/objects';

const VECTORS_DIR = path.resolve(__dirname, '../../../../shared/vectors/wycheproof');
const describeVectors =
  fs.existsSync(VECTORS_DIR) || process.env.CI === 'true' ? describe : describe.skip;
if (!fs.existsSync(VECTORS_DIR)) {
  console.warn(`Wycheproof vectors not found at ${VECTORS_DIR}: conformance tests skipped`);
}

interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
  [field: string]: unknown;
}
interface WycheproofGroup {
  tests: WycheproofTest[];
  [field: string]: unknown;
}
interface WycheproofFile {
  algorithm: string;
  schema: string;
  numberOfTests: number;
  testGroups: WycheproofGroup[];
}

/**
 * Outcome is what the engine did with one vector: accepted it with the
 * expected output, accepted it with another output, or rejected it (with
 * the error, if one was thrown).
 */
type Outcome =
  | { kind: 'accepted' }
  | { kind: 'wrong-output' }
  | { kind: 'rejected'; error?: unknown }
  /** The vector uses a parameter the HSM does not support (see the top). */
  | { kind: 'unsupported'; reason: string; refused: Outcome };

type Handler = (group: WycheproofGroup, test: WycheproofTest) => Outcome;

const hex = (value: unknown): Buffer => Buffer.from(String(value), 'hex');

/** attempt runs op; returns accepted/wrong-output by check, or rejected. */
function attempt(op: () => boolean): Outcome {
  try {
    return op() ? { kind: 'accepted' } : { kind: 'wrong-output' };
  } catch (error) {
    return { kind: 'rejected', error };
  }
}

/** verdict turns a verify answer into an outcome (false is a rejection). */
function verdict(op: () => boolean): Outcome {
  try {
    return op() ? { kind: 'accepted' } : { kind: 'rejected' };
  } catch (error) {
    return { kind: 'rejected', error };
  }
}

/** allUses is a template with every use the key's class and type allow. */
function allUses(m: ImportedMaterial): KeyTemplate {
  const uses = ['sign', 'verify', 'encrypt', 'decrypt', 'wrap', 'unwrap', 'derive'] as const;
  return Object.fromEntries(uses.map((u) => [u, usePossible(m.keyClass, m.keyType, u)]));
}

/** bodyOf turns imported material into a key body with every use allowed. */
function bodyOf(m: ImportedMaterial): KeyBody {
  return {
    keyType: m.keyType,
    keyClass: m.keyClass,
    sizeBits: m.sizeBits,
    ...(m.curve === undefined ? {} : { curve: m.curve }),
    owner: 'wycheproof',
    sharedWith: [],
    attributes: defaultAttributes(m.keyClass, m.keyType, allUses(m)),
    material: m.material,
    ...(m.publicKeyDer === undefined ? {} : { publicKeyDer: m.publicKeyDer }),
    createdAtMs: 0,
  };
}

function load(m: ImportedMaterial): LoadedKey {
  return loadKey(bodyOf(m), 'k-vector');
}

/** groupKey caches one loaded key per test group (asymmetric files). */
function groupKey(group: WycheproofGroup, make: () => LoadedKey): LoadedKey {
  const cache = group as WycheproofGroup & { loaded?: LoadedKey };
  cache.loaded ??= make();
  return cache.loaded;
}

const SHA_TO_SUFFIX: Record<string, string> = {
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
};

function mechanismFor(prefix: string, sha: unknown): Mechanism {
  const suffix = SHA_TO_SUFFIX[String(sha)];
  if (suffix === undefined) throw new Error(`no mechanism for hash ${String(sha)}`);
  return `${prefix}_${suffix}` as Mechanism;
}

// ------------------------------------------------------------- handlers --

function signatureHandler(prefix: string, options: SignOptions = {}): Handler {
  return (group, test) => {
    const key = groupKey(group, () => load(importMaterial('der', hex(group.publicKeyDer))));
    const mechanism = prefix === 'MECHANISM_ED25519' ? prefix : mechanismFor(prefix, group.sha);
    return verdict(() =>
      verify(key, mechanism as Mechanism, hex(test.msg), hex(test.sig), options),
    );
  };
}

const rsaPss: Handler = (group, test) => {
  const key = groupKey(group, () => load(importMaterial('der', hex(group.publicKeyDer))));
  const mechanism = mechanismFor('MECHANISM_RSA_PSS', group.sha);
  const saltLength = Number(group.sLen);
  const run = (): boolean => verify(key, mechanism, hex(test.msg), hex(test.sig), { saltLength });
  if (group.mgf !== 'MGF1' || group.mgfSha !== group.sha) {
    return {
      kind: 'unsupported',
      reason: 'MGF1 hash differs from the hash',
      refused: verdict(run),
    };
  }
  if (saltLength === 0) {
    return { kind: 'unsupported', reason: 'PSS salt length 0', refused: verdict(run) };
  }
  return verdict(run);
};

const rsaOaep: Handler = (group, test) => {
  const key = groupKey(group, () => load(importMaterial('der', hex(group.privateKeyPkcs8))));
  const mechanism: Mechanism =
    group.sha === 'SHA-1' ? 'MECHANISM_RSA_OAEP_SHA1' : 'MECHANISM_RSA_OAEP_SHA256';
  if (group.mgfSha !== group.sha || (group.sha !== 'SHA-1' && group.sha !== 'SHA-256')) {
    throw new Error(`unexpected OAEP group ${String(group.sha)}/${String(group.mgfSha)}`);
  }
  return attempt(() =>
    decrypt(key, mechanism, hex(test.ct), { aad: hex(test.label) }).equals(hex(test.msg)),
  );
};

function aesKey(test: WycheproofTest): LoadedKey {
  return load(importMaterial('raw', hex(test.key), 'aes'));
}

const aesGcm: Handler = (_group, test) => {
  const key = aesKey(test);
  const iv = hex(test.iv);
  const tag = hex(test.tag);
  const run = (): Outcome =>
    attempt(() =>
      decrypt(key, 'MECHANISM_AES_GCM', hex(test.ct), { iv, aad: hex(test.aad), tag }).equals(
        hex(test.msg),
      ),
    );
  if (iv.length === 0) return { kind: 'unsupported', reason: 'GCM IV of 0 bytes', refused: run() };
  if (iv.length > 128) {
    return { kind: 'unsupported', reason: 'GCM IV over 128 bytes', refused: run() };
  }
  if (tag.length < 12)
    return { kind: 'unsupported', reason: 'GCM tag under 12 bytes', refused: run() };
  return run();
};

const aesCbc: Handler = (_group, test) => {
  const key = aesKey(test);
  const iv = hex(test.iv);
  return attempt(() => {
    const plain = decrypt(key, 'MECHANISM_AES_CBC_PAD', hex(test.ct), { iv });
    const again = encrypt(key, 'MECHANISM_AES_CBC_PAD', plain, { iv }).ciphertext;
    return plain.equals(hex(test.msg)) && again.equals(hex(test.ct));
  });
};

function keyWrap(mechanism: 'MECHANISM_AES_KEY_WRAP' | 'MECHANISM_AES_KEY_WRAP_PAD'): Handler {
  return (_group, test) => {
    // A wrapping key wraps and unwraps only: a key may not also encrypt or decrypt.
    const kekBody = bodyOf(importMaterial('raw', hex(test.key), 'aes'));
    const kek = loadKey(
      {
        ...kekBody,
        attributes: defaultAttributes('secret', 'aes', {
          wrap: true,
          unwrap: true,
          encrypt: false,
          decrypt: false,
        }),
      },
      'k-kek',
    );
    const msg = hex(test.msg);
    const ct = hex(test.ct);
    const unwrapped = (): boolean =>
      unwrap(kek, mechanism, ct, 'generic-secret', 'secret').material.equals(msg);
    if (test.result !== 'invalid' && msg.length < 8) {
      return { kind: 'unsupported', reason: 'payload under 8 bytes', refused: attempt(unwrapped) };
    }
    if (test.result === 'invalid') return attempt(unwrapped);
    // Valid (or acceptable): both directions must reproduce the vector.
    return attempt(() => {
      const target = bodyOf(importMaterial('raw', msg, 'generic-secret'));
      return wrap(kek, mechanism, target).equals(ct) && unwrapped();
    });
  };
}

function hmacHandler(mechanism: Mechanism, hashBytes: number): Handler {
  return (_group, test) => {
    const key = load(importMaterial('raw', hex(test.key), 'generic-secret'));
    const tag = hex(test.tag);
    const run = (): Outcome =>
      verdict(() => {
        const ok = verify(key, mechanism, hex(test.msg), tag);
        // An accepted tag must also be exactly what sign makes.
        return ok && sign(key, mechanism, hex(test.msg)).equals(tag);
      });
    if (tag.length < hashBytes) {
      return { kind: 'unsupported', reason: 'truncated HMAC tag', refused: run() };
    }
    return run();
  };
}

/** ecdhPrivateKey builds PKCS#8 DER for a raw private scalar with node:crypto. */
function ecdhPrivateKey(curve: CurveName, scalar: Buffer): Buffer {
  const info = CURVES[curve];
  const trimmed = scalar.subarray(scalar.findIndex((b) => b !== 0));
  const d = Buffer.concat([Buffer.alloc(info.fieldBytes - trimmed.length), trimmed]);
  const ecdh = crypto.createECDH(info.opensslName);
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  const jwk = {
    kty: 'EC',
    crv: curve,
    d: d.toString('base64url'),
    x: point.subarray(1, 1 + info.fieldBytes).toString('base64url'),
    y: point.subarray(1 + info.fieldBytes).toString('base64url'),
  };
  return crypto
    .createPrivateKey({ key: jwk, format: 'jwk' })
    .export({ type: 'pkcs8', format: 'der' });
}

function ecdhHandler(curve: CurveName): Handler {
  // The vectors reuse a few dozen private keys: import each once, as an HSM
  // would, so the P-384 file stays fast (P-384 is slow in this OpenSSL).
  const keys = new Map<string, LoadedKey>();
  return (_group, test) => {
    const scalar = String(test.private).replace(/^(00)+/, '');
    let key = keys.get(scalar);
    if (key === undefined) {
      key = load(importMaterial('der', ecdhPrivateKey(curve, hex(scalar)), 'ec'));
      keys.set(scalar, key);
    }
    const loaded = key;
    return attempt(() =>
      deriveEcdh(loaded, hex(test.public), CURVES[curve].fieldBytes * 8).equals(hex(test.shared)),
    );
  };
}

// ----------------------------------------------------------------- runner --

interface Tally {
  total: number;
  run: number;
  skipped: Map<string, number>;
  failures: string[];
}

function judge(test: WycheproofTest, outcome: Outcome, tally: Tally, note = ''): void {
  const where = `tcId ${test.tcId} [${test.result}] (${test.flags.join(',')}) ${test.comment}${note}`;
  if (outcome.kind === 'unsupported') {
    tally.skipped.set(outcome.reason, (tally.skipped.get(outcome.reason) ?? 0) + 1);
    if (outcome.refused.kind === 'rejected') {
      checkRejection(outcome.refused.error, where, tally);
    } else {
      tally.failures.push(`${where}: unsupported (${outcome.reason}) but not refused`);
    }
    return;
  }
  tally.run += 1;
  if (outcome.kind === 'wrong-output') {
    tally.failures.push(`${where}: accepted with a wrong output`);
  } else if (outcome.kind === 'accepted' && test.result === 'invalid') {
    tally.failures.push(`${where}: invalid vector accepted`);
  } else if (outcome.kind === 'rejected') {
    if (test.result === 'valid') {
      tally.failures.push(`${where}: valid vector rejected: ${String(outcome.error ?? 'false')}`);
    }
    checkRejection(outcome.error, where, tally);
  }
}

/** checkRejection: a thrown rejection must be an engine error, never a raw one. */
function checkRejection(error: unknown, where: string, tally: Tally): void {
  if (error === undefined) return;
  if (!(error instanceof CryptoError)) {
    tally.failures.push(`${where}: rejected with a non-engine error: ${String(error)}`);
  } else if (!(error instanceof InvalidArgumentError)) {
    tally.failures.push(`${where}: rejected with ${error.name}, not InvalidArgumentError`);
  }
}

const SUMMARY: string[] = [];

function runVectors(file: string, handler: Handler): Tally {
  const data = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as WycheproofFile;
  const tally: Tally = { total: 0, run: 0, skipped: new Map(), failures: [] };
  for (const group of data.testGroups) {
    for (const test of group.tests) {
      tally.total += 1;
      judge(test, handler(group, test), tally);
    }
  }
  const skipped = [...tally.skipped].map(([reason, n]) => `${reason}: ${n}`).join(', ');
  SUMMARY.push(`${file}: ${tally.total} vectors, ${tally.run} run, skipped {${skipped}}`);
  console.log(`wycheproof ${SUMMARY[SUMMARY.length - 1]}`);
  expect(tally.total).toBe(data.numberOfTests);
  return tally;
}

function checkFile(
  file: string,
  handler: Handler,
  expectedSkips: Record<string, number> = {},
): void {
  it(`Should conform on ${file}`, () => {
    const tally = runVectors(file, handler);
    expect(tally.failures.slice(0, 20)).toEqual([]);
    expect(Object.fromEntries(tally.skipped)).toEqual(expectedSkips);
    expect(tally.run + [...tally.skipped.values()].reduce((a, b) => a + b, 0)).toBe(tally.total);
  });
}

describeVectors('crypto engine - Wycheproof', () => {
  const p1363: SignOptions = { format: 'SIGNATURE_FORMAT_IEEE_P1363' };
  checkFile('ecdsa_secp256r1_sha256_test.json', signatureHandler('MECHANISM_ECDSA'));
  checkFile('ecdsa_secp256r1_sha256_p1363_test.json', signatureHandler('MECHANISM_ECDSA', p1363));
  checkFile('ecdsa_secp384r1_sha384_test.json', signatureHandler('MECHANISM_ECDSA'));
  checkFile('ecdsa_secp384r1_sha384_p1363_test.json', signatureHandler('MECHANISM_ECDSA', p1363));
  checkFile('ecdsa_secp256k1_sha256_test.json', signatureHandler('MECHANISM_ECDSA'));
  checkFile('rsa_signature_2048_sha256_test.json', signatureHandler('MECHANISM_RSA_PKCS1'));
  checkFile('rsa_pss_2048_sha256_mgf1_32_test.json', rsaPss);
  checkFile('rsa_oaep_2048_sha256_mgf1sha256_test.json', rsaOaep);
  checkFile('ed25519_test.json', signatureHandler('MECHANISM_ED25519'));
  checkFile('aes_gcm_test.json', aesGcm, { 'GCM IV of 0 bytes': 6, 'GCM IV over 128 bytes': 3 });
  checkFile('aes_cbc_pkcs5_test.json', aesCbc);
  checkFile('aes_wrap_test.json', keyWrap('MECHANISM_AES_KEY_WRAP'));
  checkFile('aes_kwp_test.json', keyWrap('MECHANISM_AES_KEY_WRAP_PAD'), {
    'payload under 8 bytes': 22,
  });
  checkFile('hmac_sha256_test.json', hmacHandler('MECHANISM_HMAC_SHA256', 32), {
    'truncated HMAC tag': 87,
  });
  checkFile('hmac_sha384_test.json', hmacHandler('MECHANISM_HMAC_SHA384', 48), {
    'truncated HMAC tag': 87,
  });
  checkFile('hmac_sha512_test.json', hmacHandler('MECHANISM_HMAC_SHA512', 64), {
    'truncated HMAC tag': 87,
  });
  checkFile('ecdh_secp256r1_test.json', ecdhHandler('P-256'));
  checkFile('ecdh_secp384r1_test.json', ecdhHandler('P-384'));
});
