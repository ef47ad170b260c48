import type { Curve, Mechanism } from '@hsmlab/client';
import { UsageError } from './cli-errors';

/** HASH_FUNCTIONS are the values `--hash-function` takes. */
const HASH_FUNCTIONS = ['sha256', 'sha384', 'sha512'] as const;

/**
 * SIGN_FAMILIES combine with `--hash-function` into a mechanism, the way
 * CloudHSM CLI writes `crypto sign ecdsa --hash-function sha256`.
 */
const SIGN_FAMILIES: Record<string, (hash: string) => Mechanism> = {
  ecdsa: (hash) => `ecdsa-${hash}` as Mechanism,
  'rsa-pkcs1': (hash) => `rsa-pkcs1-${hash}` as Mechanism,
  rsa: (hash) => `rsa-pkcs1-${hash}` as Mechanism,
  'rsa-pss': (hash) => `rsa-pss-${hash}` as Mechanism,
  hmac: (hash) => `hmac-${hash}` as Mechanism,
  ed25519: () => 'ed25519',
};

const SIGN_MECHANISMS: readonly Mechanism[] = [
  'rsa-pkcs1-sha256',
  'rsa-pkcs1-sha384',
  'rsa-pkcs1-sha512',
  'rsa-pss-sha256',
  'rsa-pss-sha384',
  'rsa-pss-sha512',
  'ecdsa-sha256',
  'ecdsa-sha384',
  'ecdsa-sha512',
  'ed25519',
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
];

const ENCRYPT_MECHANISMS: readonly Mechanism[] = [
  'aes-gcm',
  'aes-cbc-pad',
  'aes-ctr',
  'rsa-oaep-sha1',
  'rsa-oaep-sha256',
];

const WRAP_MECHANISMS: readonly Mechanism[] = [
  'aes-key-wrap',
  'aes-key-wrap-pad',
  'aes-gcm',
  'rsa-oaep-sha1',
  'rsa-oaep-sha256',
];

function hashOf(hash: string | undefined): string {
  const value = (hash ?? 'sha256').toLowerCase().replace('-', '');
  if (!(HASH_FUNCTIONS as readonly string[]).includes(value)) {
    throw new UsageError(
      `--hash-function must be one of ${HASH_FUNCTIONS.join(', ')}; got ${hash}`,
    );
  }
  return value;
}

/** signMechanism reads `crypto sign|verify <mechanism> [--hash-function]`. */
export function signMechanism(name: string, hash: string | undefined): Mechanism {
  const lower = name.toLowerCase();
  if ((SIGN_MECHANISMS as readonly string[]).includes(lower)) return lower as Mechanism;
  const family = SIGN_FAMILIES[lower];
  if (family === undefined) {
    const names = [...Object.keys(SIGN_FAMILIES), ...SIGN_MECHANISMS].join(', ');
    throw new UsageError(`unknown signing mechanism ${JSON.stringify(name)} (known: ${names})`);
  }
  return family(hashOf(hash));
}

/** hmacMechanism reads `crypto hmac <hash-function>`. */
export function hmacMechanism(hash: string): Mechanism {
  return `hmac-${hashOf(hash)}` as Mechanism;
}

/** encryptMechanism reads `crypto encrypt|decrypt <mechanism>`; rsa-oaep takes --hash-function. */
export function encryptMechanism(name: string, hash: string | undefined): Mechanism {
  return pick(name, hash, ENCRYPT_MECHANISMS, 'encryption');
}

/** wrapMechanism reads `key wrap|unwrap <mechanism>`; rsa-oaep takes --hash-function. */
export function wrapMechanism(name: string, hash: string | undefined): Mechanism {
  return pick(name, hash, WRAP_MECHANISMS, 'wrapping');
}

function pick(
  name: string,
  hash: string | undefined,
  allowed: readonly Mechanism[],
  what: string,
): Mechanism {
  const lower = name.toLowerCase();
  if (lower === 'rsa-oaep') {
    const value = (hash ?? 'sha256').toLowerCase().replace('-', '');
    if (value !== 'sha1' && value !== 'sha256') {
      throw new UsageError(`rsa-oaep takes --hash-function sha1 or sha256; got ${hash}`);
    }
    return `rsa-oaep-${value}` as Mechanism;
  }
  if ((allowed as readonly string[]).includes(lower)) return lower as Mechanism;
  throw new UsageError(
    `unknown ${what} mechanism ${JSON.stringify(name)} (known: ${[...allowed, 'rsa-oaep'].join(', ')})`,
  );
}

const CURVES: Record<string, Curve> = {
  'p-256': 'P-256',
  p256: 'P-256',
  secp256r1: 'P-256',
  prime256v1: 'P-256',
  'p-384': 'P-384',
  p384: 'P-384',
  secp384r1: 'P-384',
  secp256k1: 'secp256k1',
};

/** parseCurve accepts the NIST, SEC and OpenSSL names of the curves the HSM offers. */
export function parseCurve(name: string): Curve {
  const curve = CURVES[name.toLowerCase()];
  if (curve === undefined) {
    throw new UsageError(
      `--curve must be one of secp256r1 (P-256), secp384r1 (P-384), secp256k1; got ${JSON.stringify(name)}`,
    );
  }
  return curve;
}

/**
 * ivLengthOf is the IV length a mechanism's packed ciphertext starts with,
 * and tagLengthOf the tag length it ends with (see `crypto encrypt`).
 */
export function ivLengthOf(mechanism: Mechanism): number {
  if (mechanism === 'aes-gcm') return 12;
  return mechanism === 'aes-cbc-pad' || mechanism === 'aes-ctr' ? 16 : 0;
}

export function tagLengthOf(mechanism: Mechanism): number {
  return mechanism === 'aes-gcm' ? 16 : 0;
}
