import type { hsmV1 } from '@hsmlab/proto';
import { InvalidArgumentError } from './errors';

/** KeyType names a key algorithm family. */
export type KeyType = 'aes' | 'generic-secret' | 'rsa' | 'ec' | 'ed25519';
/** KeyClass is PKCS#11's object class of a key. */
export type KeyClass = 'secret' | 'public' | 'private';
/** Curve names an elliptic curve for EC keys. */
export type Curve = 'P-256' | 'P-384' | 'secp256k1';
/** Role is a user's role on the cluster. */
export type Role = 'crypto-officer' | 'crypto-user' | 'appliance';
/** KeyFormat is the encoding of imported key material. */
export type KeyFormat = 'raw' | 'pem' | 'der';
/** DigestAlgorithm names a hash function. */
export type DigestAlgorithm = 'sha256' | 'sha384' | 'sha512' | 'sha1';
/** SignatureFormat is how ECDSA signatures are encoded (other mechanisms have one format). */
export type SignatureFormat = 'der' | 'ieee-p1363';
/** Mechanism names a PKCS#11-style mechanism: signature, encryption, wrapping or derivation. */
export type Mechanism =
  | 'rsa-pkcs1-sha256'
  | 'rsa-pkcs1-sha384'
  | 'rsa-pkcs1-sha512'
  | 'rsa-pss-sha256'
  | 'rsa-pss-sha384'
  | 'rsa-pss-sha512'
  | 'ecdsa-sha256'
  | 'ecdsa-sha384'
  | 'ecdsa-sha512'
  | 'ed25519'
  | 'hmac-sha256'
  | 'hmac-sha384'
  | 'hmac-sha512'
  | 'aes-gcm'
  | 'aes-cbc-pad'
  | 'aes-ctr'
  | 'rsa-oaep-sha1'
  | 'rsa-oaep-sha256'
  | 'aes-key-wrap'
  | 'aes-key-wrap-pad'
  | 'ecdh';

/**
 * WireEnum converts between the SDK's friendly names and the protocol's
 * enum names, in both directions.
 */
export interface WireEnum<F extends string, W extends string> {
  /** toWire converts a caller's value; `argument` names it in the error. */
  toWire(value: F, argument: string): W;
  /** fromWire converts a node's value; undefined for UNSPECIFIED or unknown. */
  fromWire(value: string): F | undefined;
}

function wireEnum<F extends string, W extends string>(table: Record<F, W>): WireEnum<F, W> {
  const reverse = new Map<string, F>();
  for (const [friendly, wire] of Object.entries(table) as [F, W][]) reverse.set(wire, friendly);
  return {
    toWire(value, argument) {
      if (!Object.prototype.hasOwnProperty.call(table, value)) {
        const allowed = Object.keys(table).join(', ');
        throw new InvalidArgumentError(
          `${argument} must be one of ${allowed}; got ${JSON.stringify(value)}`,
        );
      }
      return table[value];
    },
    fromWire: (value) => reverse.get(value),
  };
}

export const KEY_TYPES = wireEnum<KeyType, hsmV1.KeyType__Output>({
  aes: 'KEY_TYPE_AES',
  'generic-secret': 'KEY_TYPE_GENERIC_SECRET',
  rsa: 'KEY_TYPE_RSA',
  ec: 'KEY_TYPE_EC',
  ed25519: 'KEY_TYPE_ED25519',
});

export const KEY_CLASSES = wireEnum<KeyClass, hsmV1.KeyClass__Output>({
  secret: 'KEY_CLASS_SECRET',
  public: 'KEY_CLASS_PUBLIC',
  private: 'KEY_CLASS_PRIVATE',
});

export const CURVES = wireEnum<Curve, hsmV1.Curve__Output>({
  'P-256': 'CURVE_P256',
  'P-384': 'CURVE_P384',
  secp256k1: 'CURVE_SECP256K1',
});

export const ROLES = wireEnum<Role, hsmV1.Role__Output>({
  'crypto-officer': 'ROLE_CRYPTO_OFFICER',
  'crypto-user': 'ROLE_CRYPTO_USER',
  appliance: 'ROLE_APPLIANCE',
});

export const KEY_FORMATS = wireEnum<KeyFormat, hsmV1.KeyFormat__Output>({
  raw: 'KEY_FORMAT_RAW',
  pem: 'KEY_FORMAT_PEM',
  der: 'KEY_FORMAT_DER',
});

export const DIGEST_ALGORITHMS = wireEnum<DigestAlgorithm, hsmV1.DigestAlgorithm__Output>({
  sha256: 'DIGEST_ALGORITHM_SHA256',
  sha384: 'DIGEST_ALGORITHM_SHA384',
  sha512: 'DIGEST_ALGORITHM_SHA512',
  sha1: 'DIGEST_ALGORITHM_SHA1',
});

export const SIGNATURE_FORMATS = wireEnum<SignatureFormat, hsmV1.SignatureFormat__Output>({
  der: 'SIGNATURE_FORMAT_DER',
  'ieee-p1363': 'SIGNATURE_FORMAT_IEEE_P1363',
});

export const MECHANISMS = wireEnum<Mechanism, hsmV1.Mechanism__Output>({
  'rsa-pkcs1-sha256': 'MECHANISM_RSA_PKCS1_SHA256',
  'rsa-pkcs1-sha384': 'MECHANISM_RSA_PKCS1_SHA384',
  'rsa-pkcs1-sha512': 'MECHANISM_RSA_PKCS1_SHA512',
  'rsa-pss-sha256': 'MECHANISM_RSA_PSS_SHA256',
  'rsa-pss-sha384': 'MECHANISM_RSA_PSS_SHA384',
  'rsa-pss-sha512': 'MECHANISM_RSA_PSS_SHA512',
  'ecdsa-sha256': 'MECHANISM_ECDSA_SHA256',
  'ecdsa-sha384': 'MECHANISM_ECDSA_SHA384',
  'ecdsa-sha512': 'MECHANISM_ECDSA_SHA512',
  ed25519: 'MECHANISM_ED25519',
  'hmac-sha256': 'MECHANISM_HMAC_SHA256',
  'hmac-sha384': 'MECHANISM_HMAC_SHA384',
  'hmac-sha512': 'MECHANISM_HMAC_SHA512',
  'aes-gcm': 'MECHANISM_AES_GCM',
  'aes-cbc-pad': 'MECHANISM_AES_CBC_PAD',
  'aes-ctr': 'MECHANISM_AES_CTR',
  'rsa-oaep-sha1': 'MECHANISM_RSA_OAEP_SHA1',
  'rsa-oaep-sha256': 'MECHANISM_RSA_OAEP_SHA256',
  'aes-key-wrap': 'MECHANISM_AES_KEY_WRAP',
  'aes-key-wrap-pad': 'MECHANISM_AES_KEY_WRAP_PAD',
  ecdh: 'MECHANISM_ECDH',
});
