import * as crypto from 'node:crypto';
import type { CurveName, KeyType } from '../model/objects';
import { CURVES } from './curves';
import { InvalidArgumentError } from './errors';

/** AES_KEY_SIZES_BITS are the AES key sizes the engine supports. */
export const AES_KEY_SIZES_BITS: readonly number[] = [128, 192, 256];
/** Generic secrets (HMAC keys) run from 64 to 4096 bits, in whole bytes. */
export const GENERIC_SECRET_MIN_BITS = 64;
export const GENERIC_SECRET_MAX_BITS = 4096;
/** RSA_MODULUS_SIZES_BITS are the sizes GenerateKeyPair makes. */
export const RSA_MODULUS_SIZES_BITS: readonly number[] = [2048, 3072, 4096];
/** Imported RSA keys may have any modulus in this range. */
export const RSA_IMPORT_MIN_BITS = 2048;
export const RSA_IMPORT_MAX_BITS = 4096;
/**
 * RSA_MIN_PUBLIC_EXPONENT is the smallest public exponent accepted (FIPS
 * 186-5 wants e > 2^16); it must also be odd and fit the proto's uint32.
 */
export const RSA_MIN_PUBLIC_EXPONENT = 65537;
export const RSA_MAX_PUBLIC_EXPONENT = 0xffffffff;
/** ED25519_SIZE_BITS is what KeyInfo.size_bits says for an Ed25519 key. */
export const ED25519_SIZE_BITS = 256;

/** SecretKeyType is a key type whose material is raw bytes. */
export type SecretKeyType = 'aes' | 'generic-secret';

/** checkSecretSize throws InvalidArgumentError unless sizeBits fits keyType. */
export function checkSecretSize(keyType: SecretKeyType, sizeBits: number): void {
  if (keyType === 'aes') {
    if (!AES_KEY_SIZES_BITS.includes(sizeBits)) {
      throw new InvalidArgumentError(`AES key size must be 128, 192 or 256 bits, not ${sizeBits}`);
    }
    return;
  }
  if (keyType !== 'generic-secret') {
    throw new InvalidArgumentError(`${String(keyType)} is not a secret key type`);
  }
  if (
    !Number.isInteger(sizeBits) ||
    sizeBits < GENERIC_SECRET_MIN_BITS ||
    sizeBits > GENERIC_SECRET_MAX_BITS ||
    sizeBits % 8 !== 0
  ) {
    throw new InvalidArgumentError(
      `generic secret size must be ${GENERIC_SECRET_MIN_BITS} to ${GENERIC_SECRET_MAX_BITS} bits ` +
        `in whole bytes, not ${sizeBits}`,
    );
  }
}

/** generateSecret returns sizeBits of fresh random key material. */
export function generateSecret(keyType: SecretKeyType, sizeBits: number): Buffer {
  checkSecretSize(keyType, sizeBits);
  return crypto.randomBytes(sizeBits / 8);
}

/** KeyPairSpec says which key pair to generate. */
export type KeyPairSpec =
  | { keyType: 'rsa'; modulusBits: number; /** @default 65537 */ publicExponent?: number }
  | { keyType: 'ec'; curve: CurveName }
  | { keyType: 'ed25519' };

/** GeneratedKeyPair is a new key pair as DER, ready to become two key bodies. */
export interface GeneratedKeyPair {
  privatePkcs8Der: Buffer;
  publicSpkiDer: Buffer;
  sizeBits: number;
  curve?: CurveName;
}

/** generateKeyPair makes a key pair off the event loop (libuv thread pool). */
export async function generateKeyPair(spec: KeyPairSpec): Promise<GeneratedKeyPair> {
  switch (spec.keyType) {
    case 'rsa': {
      const publicExponent = spec.publicExponent ?? RSA_MIN_PUBLIC_EXPONENT;
      checkRsaGenerateParams(spec.modulusBits, publicExponent);
      const pair = await new Promise<DerPair>((resolve, reject) => {
        const options = { modulusLength: spec.modulusBits, publicExponent, ...DER_ENCODING };
        crypto.generateKeyPair('rsa', options, settle(resolve, reject));
      });
      return { ...pair, sizeBits: spec.modulusBits };
    }
    case 'ec': {
      const info = CURVES[spec.curve] as (typeof CURVES)[CurveName] | undefined;
      if (info === undefined) {
        throw new InvalidArgumentError(`unsupported curve ${JSON.stringify(spec.curve)}`);
      }
      const pair = await new Promise<DerPair>((resolve, reject) => {
        const options = { namedCurve: info.opensslName, ...DER_ENCODING };
        crypto.generateKeyPair('ec', options, settle(resolve, reject));
      });
      return { ...pair, sizeBits: info.fieldBytes * 8, curve: info.name };
    }
    case 'ed25519': {
      const pair = await new Promise<DerPair>((resolve, reject) => {
        crypto.generateKeyPair('ed25519', DER_ENCODING, settle(resolve, reject));
      });
      return { ...pair, sizeBits: ED25519_SIZE_BITS };
    }
    default:
      throw new InvalidArgumentError(
        `cannot generate a key pair of type ${JSON.stringify((spec as { keyType: unknown }).keyType)}`,
      );
  }
}

type DerPair = Pick<GeneratedKeyPair, 'privatePkcs8Der' | 'publicSpkiDer'>;

const DER_ENCODING = {
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
} as const;

function settle(
  resolve: (pair: DerPair) => void,
  reject: (err: Error) => void,
): (err: Error | null, publicKey: Buffer, privateKey: Buffer) => void {
  return (err, publicKey, privateKey) => {
    if (err) reject(err);
    else resolve({ privatePkcs8Der: privateKey, publicSpkiDer: publicKey });
  };
}

function checkRsaGenerateParams(modulusBits: number, publicExponent: number): void {
  if (!RSA_MODULUS_SIZES_BITS.includes(modulusBits)) {
    throw new InvalidArgumentError(
      `RSA modulus must be 2048, 3072 or 4096 bits, not ${modulusBits}`,
    );
  }
  if (
    !Number.isInteger(publicExponent) ||
    publicExponent < RSA_MIN_PUBLIC_EXPONENT ||
    publicExponent > RSA_MAX_PUBLIC_EXPONENT ||
    publicExponent % 2 === 0
  ) {
    throw new InvalidArgumentError(
      `RSA public exponent must be odd and between 65537 and 2^32-1, not ${publicExponent}`,
    );
  }
}

const AES_ZERO_BLOCK = Buffer.alloc(16);

/**
 * checkValue is the key check value (KCV) of KeyInfo.check_value: the first 3
 * bytes of AES-ECB(key, zero block) for AES, of SHA-256(key) for generic
 * secrets, and empty for asymmetric keys.
 */
export function checkValue(keyType: KeyType, material: Buffer): Buffer {
  if (keyType === 'aes') {
    checkSecretSize('aes', material.length * 8);
    const cipher = crypto.createCipheriv(`aes-${material.length * 8}-ecb`, material, null);
    cipher.setAutoPadding(false);
    return Buffer.from(cipher.update(AES_ZERO_BLOCK).subarray(0, 3));
  }
  if (keyType === 'generic-secret') {
    return Buffer.from(crypto.createHash('sha256').update(material).digest().subarray(0, 3));
  }
  return Buffer.alloc(0);
}
