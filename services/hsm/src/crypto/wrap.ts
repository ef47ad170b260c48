import * as crypto from 'node:crypto';
import type { KeyClass, KeyType } from '../model/objects';
import { checkUnwrapAllowed, checkWrapAllowed, type AttributeSubject } from './attribute-policy';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  aesName,
  GCM_IV_BYTES,
  GCM_TAG_BYTES,
  oaepParams,
} from './cipher';
import { decryptionFailed, InvalidArgumentError } from './errors';
import { type ImportedMaterial, importMaterial } from './key-import';
import { type LoadedKey, mustHave } from './loaded-key';
import { checkMechanism, HASH_LENGTH_BYTES, type Mechanism } from './mechanisms';

/** RFC 3394 default IV (A6 x 8) and RFC 5649 alternative IV prefix. */
const KW_IV = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
const KWP_IV = Buffer.from('a65959a6', 'hex');
/** AES_KW_MIN_INPUT_BYTES: RFC 3394 wraps at least two 64-bit blocks. */
export const AES_KW_MIN_INPUT_BYTES = 16;

/** WrapTarget is the key to wrap: its body fields and, for messages, handle. */
export interface WrapTarget extends AttributeSubject {
  readonly material: Buffer;
}

/**
 * wrap encrypts target's material (raw bytes for a secret key, PKCS#8 DER
 * for a private key) under wrappingKey:
 *
 * - AES_KEY_WRAP: RFC 3394, default IV; the material must be a multiple of
 *   8 bytes and at least 16 (use AES_KEY_WRAP_PAD otherwise);
 * - AES_KEY_WRAP_PAD: RFC 5649, any length;
 * - AES_GCM: 12-byte IV || ciphertext || 16-byte tag, no additional data;
 * - RSA_OAEP_SHA1/SHA256: with the wrapping public key, empty label; only
 *   material that fits (secret keys, in practice).
 *
 * The attribute rules of checkWrapAllowed apply first.
 */
export function wrap(wrappingKey: LoadedKey, mechanism: Mechanism, target: WrapTarget): Buffer {
  const spec = checkMechanism(wrappingKey, mechanism, 'wrap');
  checkWrapAllowed(wrappingKey, target);
  const material = target.material;
  switch (mechanism) {
    case 'MECHANISM_AES_KEY_WRAP':
    case 'MECHANISM_AES_KEY_WRAP_PAD': {
      if (
        mechanism === 'MECHANISM_AES_KEY_WRAP' &&
        (material.length % 8 !== 0 || material.length < AES_KW_MIN_INPUT_BYTES)
      ) {
        throw new InvalidArgumentError(
          `AES key wrap (RFC 3394) needs a multiple of 8 bytes, at least 16; the key has ` +
            `${material.length}: use MECHANISM_AES_KEY_WRAP_PAD`,
        );
      }
      const iv = mechanism === 'MECHANISM_AES_KEY_WRAP' ? KW_IV : KWP_IV;
      const cipher = crypto.createCipheriv(
        aesName(wrappingKey, mechanism),
        mustHave(wrappingKey.secretKey),
        iv,
      );
      return Buffer.concat([cipher.update(material), cipher.final()]);
    }
    case 'MECHANISM_AES_GCM': {
      const sealed = aesGcmEncrypt(wrappingKey, material, Buffer.alloc(0));
      return Buffer.concat([sealed.iv, sealed.ciphertext, sealed.tag]);
    }
    default: {
      const hash = mustHave(spec.hash);
      const maxBytes = Math.ceil(wrappingKey.sizeBits / 8) - 2 * HASH_LENGTH_BYTES[hash] - 2;
      if (material.length > maxBytes) {
        throw new InvalidArgumentError(
          `a key of ${material.length} bytes is too long to wrap with ${mechanism} and this key ` +
            `(at most ${maxBytes})`,
        );
      }
      return crypto.publicEncrypt(
        { key: mustHave(wrappingKey.publicKey), ...oaepParams(hash, Buffer.alloc(0)) },
        material,
      );
    }
  }
}

/**
 * unwrap reverses wrap and validates the result as importMaterial does:
 * keyClass 'secret' means raw bytes of keyType (aes or generic-secret),
 * 'private' means PKCS#8 DER of keyType. A blob that does not decrypt is
 * InvalidArgumentError('decryption failed'); one that decrypts to material
 * not of the stated type or class is refused with a message that says so.
 * Needs unwrap=true on unwrappingKey.
 */
export function unwrap(
  unwrappingKey: LoadedKey,
  mechanism: Mechanism,
  wrapped: Buffer,
  keyType: KeyType,
  keyClass: KeyClass,
): ImportedMaterial {
  const spec = checkMechanism(unwrappingKey, mechanism, 'unwrap');
  checkUnwrapAllowed(unwrappingKey);
  if (keyClass !== 'secret' && keyClass !== 'private') {
    throw new InvalidArgumentError(
      `cannot unwrap a ${String(keyClass)} key: secret or private only`,
    );
  }
  const material = unwrapBytes(unwrappingKey, mechanism, spec.hash, wrapped);
  try {
    const imported =
      keyClass === 'secret'
        ? importMaterial('raw', material, keyType)
        : importMaterial('der', material, keyType);
    if (imported.keyClass !== keyClass) {
      throw new InvalidArgumentError(
        `unwrapped material is a ${imported.keyClass} key, not ${keyClass}`,
      );
    }
    return imported;
  } finally {
    material.fill(0);
  }
}

function unwrapBytes(
  key: LoadedKey,
  mechanism: Mechanism,
  hash: string | undefined,
  wrapped: Buffer,
): Buffer {
  switch (mechanism) {
    case 'MECHANISM_AES_KEY_WRAP':
    case 'MECHANISM_AES_KEY_WRAP_PAD': {
      const kw = mechanism === 'MECHANISM_AES_KEY_WRAP';
      const minBytes = kw ? AES_KW_MIN_INPUT_BYTES + 8 : 16;
      if (wrapped.length % 8 !== 0 || wrapped.length < minBytes) {
        throw new InvalidArgumentError(
          `${mechanism} wrapped key must be a multiple of 8 bytes, at least ${minBytes}, ` +
            `not ${wrapped.length}`,
        );
      }
      try {
        const decipher = crypto.createDecipheriv(
          aesName(key, mechanism),
          mustHave(key.secretKey),
          kw ? KW_IV : KWP_IV,
        );
        return Buffer.concat([decipher.update(wrapped), decipher.final()]);
      } catch {
        throw decryptionFailed(key.handle);
      }
    }
    case 'MECHANISM_AES_GCM': {
      if (wrapped.length < GCM_IV_BYTES + GCM_TAG_BYTES) {
        throw new InvalidArgumentError(
          `AES-GCM wrapped key must hold a 12-byte IV and a 16-byte tag; it has ${wrapped.length} bytes`,
        );
      }
      const iv = wrapped.subarray(0, GCM_IV_BYTES);
      const body = wrapped.subarray(GCM_IV_BYTES, wrapped.length - GCM_TAG_BYTES);
      const tag = wrapped.subarray(wrapped.length - GCM_TAG_BYTES);
      return aesGcmDecrypt(key, body, iv, Buffer.alloc(0), tag);
    }
    default:
      try {
        return crypto.privateDecrypt(
          { key: mustHave(key.privateKey), ...oaepParams(mustHave(hash), Buffer.alloc(0)) },
          wrapped,
        );
      } catch {
        throw decryptionFailed(key.handle);
      }
  }
}
