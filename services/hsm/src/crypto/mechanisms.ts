import type { KeyClass, KeyType } from '../model/objects';
import { InvalidArgumentError } from './errors';

/**
 * Mechanism names are the string values of hsm.proto's Mechanism enum (as the
 * proto loader yields them with `enums: String`), minus UNSPECIFIED.
 */
export type Mechanism =
  | 'MECHANISM_RSA_PKCS1_SHA256'
  | 'MECHANISM_RSA_PKCS1_SHA384'
  | 'MECHANISM_RSA_PKCS1_SHA512'
  | 'MECHANISM_RSA_PSS_SHA256'
  | 'MECHANISM_RSA_PSS_SHA384'
  | 'MECHANISM_RSA_PSS_SHA512'
  | 'MECHANISM_ECDSA_SHA256'
  | 'MECHANISM_ECDSA_SHA384'
  | 'MECHANISM_ECDSA_SHA512'
  | 'MECHANISM_ED25519'
  | 'MECHANISM_HMAC_SHA256'
  | 'MECHANISM_HMAC_SHA384'
  | 'MECHANISM_HMAC_SHA512'
  | 'MECHANISM_AES_GCM'
  | 'MECHANISM_AES_CBC_PAD'
  | 'MECHANISM_AES_CTR'
  | 'MECHANISM_RSA_OAEP_SHA1'
  | 'MECHANISM_RSA_OAEP_SHA256'
  | 'MECHANISM_AES_KEY_WRAP'
  | 'MECHANISM_AES_KEY_WRAP_PAD'
  | 'MECHANISM_ECDH';

/** KeyUse is an operation a key takes part in; each has a PKCS#11 attribute. */
export type KeyUse = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrap' | 'unwrap' | 'derive';

/** HashName is a node:crypto digest name the engine uses. */
export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** HASH_LENGTH_BYTES is the output size of each hash. */
export const HASH_LENGTH_BYTES: Readonly<Record<HashName, number>> = {
  sha1: 20,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

/** MechanismSpec says which keys a mechanism takes, and for which uses. */
export interface MechanismSpec {
  readonly keyType: KeyType;
  /** For each use the mechanism serves, the key classes that may perform it. */
  readonly uses: Readonly<Partial<Record<KeyUse, readonly KeyClass[]>>>;
  /** The hash, for mechanisms that have one. */
  readonly hash?: HashName;
}

const ASYM_SIGN = { sign: ['private'], verify: ['public', 'private'] } as const;
const SECRET_MAC = { sign: ['secret'], verify: ['secret'] } as const;
const SECRET_CIPHER = { encrypt: ['secret'], decrypt: ['secret'] } as const;
const SECRET_WRAP = { wrap: ['secret'], unwrap: ['secret'] } as const;
const RSA_OAEP = {
  encrypt: ['public'],
  decrypt: ['private'],
  wrap: ['public'],
  unwrap: ['private'],
} as const;

/**
 * MECHANISMS is the compatibility table. Verification with a private key uses
 * its public half. A hash never constrains the curve (ECDSA_SHA384 with a
 * P-256 key is fine: the digest is truncated to the order as FIPS 186 says).
 * AES_GCM serves both data encryption and key wrapping; CBC and CTR do not
 * wrap (no integrity); the key-wrap mechanisms do not encrypt data.
 */
export const MECHANISMS: Readonly<Record<Mechanism, MechanismSpec>> = {
  MECHANISM_RSA_PKCS1_SHA256: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha256' },
  MECHANISM_RSA_PKCS1_SHA384: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha384' },
  MECHANISM_RSA_PKCS1_SHA512: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha512' },
  MECHANISM_RSA_PSS_SHA256: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha256' },
  MECHANISM_RSA_PSS_SHA384: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha384' },
  MECHANISM_RSA_PSS_SHA512: { keyType: 'rsa', uses: ASYM_SIGN, hash: 'sha512' },
  MECHANISM_ECDSA_SHA256: { keyType: 'ec', uses: ASYM_SIGN, hash: 'sha256' },
  MECHANISM_ECDSA_SHA384: { keyType: 'ec', uses: ASYM_SIGN, hash: 'sha384' },
  MECHANISM_ECDSA_SHA512: { keyType: 'ec', uses: ASYM_SIGN, hash: 'sha512' },
  MECHANISM_ED25519: { keyType: 'ed25519', uses: ASYM_SIGN },
  MECHANISM_HMAC_SHA256: { keyType: 'generic-secret', uses: SECRET_MAC, hash: 'sha256' },
  MECHANISM_HMAC_SHA384: { keyType: 'generic-secret', uses: SECRET_MAC, hash: 'sha384' },
  MECHANISM_HMAC_SHA512: { keyType: 'generic-secret', uses: SECRET_MAC, hash: 'sha512' },
  MECHANISM_AES_GCM: { keyType: 'aes', uses: { ...SECRET_CIPHER, ...SECRET_WRAP } },
  MECHANISM_AES_CBC_PAD: { keyType: 'aes', uses: SECRET_CIPHER },
  MECHANISM_AES_CTR: { keyType: 'aes', uses: SECRET_CIPHER },
  MECHANISM_RSA_OAEP_SHA1: { keyType: 'rsa', uses: RSA_OAEP, hash: 'sha1' },
  MECHANISM_RSA_OAEP_SHA256: { keyType: 'rsa', uses: RSA_OAEP, hash: 'sha256' },
  MECHANISM_AES_KEY_WRAP: { keyType: 'aes', uses: SECRET_WRAP },
  MECHANISM_AES_KEY_WRAP_PAD: { keyType: 'aes', uses: SECRET_WRAP },
  MECHANISM_ECDH: { keyType: 'ec', uses: { derive: ['private'] } },
};

/** isMechanism is true for a known mechanism name. */
export function isMechanism(value: unknown): value is Mechanism {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MECHANISMS, value);
}

/** MechanismTarget is what checkMechanism needs to know about a key. */
export interface MechanismTarget {
  readonly keyType: KeyType;
  readonly keyClass: KeyClass;
  readonly handle?: string;
}

/**
 * checkMechanism returns the spec of mechanism after checking that it serves
 * use and that key's type and class fit it; InvalidArgumentError otherwise.
 */
export function checkMechanism(
  key: MechanismTarget,
  mechanism: Mechanism,
  use: KeyUse,
): MechanismSpec {
  const keyName = describeKey(key);
  if (!isMechanism(mechanism)) {
    throw new InvalidArgumentError(`unknown mechanism ${JSON.stringify(mechanism)}`, {
      keyHandle: key.handle,
    });
  }
  const spec = MECHANISMS[mechanism];
  const classes = spec.uses[use];
  if (classes === undefined) {
    throw new InvalidArgumentError(`mechanism ${mechanism} cannot be used to ${use}`, {
      keyHandle: key.handle,
    });
  }
  if (spec.keyType !== key.keyType) {
    throw new InvalidArgumentError(
      `mechanism ${mechanism} needs a ${spec.keyType} key; ${keyName} is ${key.keyType}`,
      { keyHandle: key.handle },
    );
  }
  if (!classes.includes(key.keyClass)) {
    throw new InvalidArgumentError(
      `${use} with ${mechanism} needs a ${classes.join(' or ')} key; ${keyName} is ${key.keyClass}`,
      { keyHandle: key.handle },
    );
  }
  return spec;
}

/** describeKey names a key in a message: by handle when known. */
export function describeKey(key: { readonly handle?: string }): string {
  return key.handle === undefined ? 'the key' : `key ${key.handle}`;
}
