import type { CallOptions } from './cluster-core';
import type { KeyAttributes, KeyRef } from './key-handle';
import type { Curve, KeyClass, KeyFormat, KeyType, Mechanism } from './wire-enums';

/** CreateOptions are CallOptions plus the id that makes a create idempotent. */
export interface CreateOptions extends CallOptions {
  /**
   * Names the create: the same id from the same user always names the same
   * key, so a create retried (by the SDK or by you) never makes two keys.
   * @default a fresh UUID, reused by the SDK's own retries
   */
  clientRequestId?: string;
}

export interface GenerateSymmetricKeyParams {
  keyType: 'aes' | 'generic-secret';
  /** AES: 128, 192 or 256. Generic secret: 64 to 4096, a multiple of 8. */
  sizeBits: number;
  attributes?: KeyAttributes;
}

export interface GenerateKeyPairParams {
  keyType: 'rsa' | 'ec' | 'ed25519';
  /** RSA: 2048, 3072 or 4096. */
  modulusBits?: number;
  /** RSA public exponent. @default 65537 */
  publicExponent?: number;
  /** EC curve. */
  curve?: Curve;
  publicAttributes?: KeyAttributes;
  privateAttributes?: KeyAttributes;
}

export interface ImportKeyParams {
  format: KeyFormat;
  /** Raw bytes, or PKCS#8 / SPKI as PEM text or DER. */
  material: Uint8Array | string;
  /** Needed for raw material; checked against the material otherwise. */
  keyType?: KeyType;
  attributes?: KeyAttributes;
}

export interface UnwrapKeyParams {
  unwrappingKey: KeyRef;
  mechanism: Mechanism;
  wrapped: Uint8Array;
  keyType: KeyType;
  /** `private` for a PKCS#8 key, `secret` for raw bytes. */
  keyClass: Extract<KeyClass, 'secret' | 'private'>;
  attributes?: KeyAttributes;
}

export interface DeriveKeyParams {
  /** A private EC key with the derive attribute. */
  baseKey: KeyRef;
  /** The peer's public key: SPKI DER or an uncompressed point. */
  peerPublicKey: Uint8Array;
  keyType: 'aes' | 'generic-secret';
  sizeBits: number;
  attributes?: KeyAttributes;
}

export interface FindKeysFilter {
  /** Every set attribute must match. */
  attributes?: KeyAttributes;
  keyType?: KeyType;
  keyClass?: KeyClass;
  /** Only keys the caller owns (else owned and shared). @default false */
  ownedOnly?: boolean;
}
