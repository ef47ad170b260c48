import * as crypto from 'node:crypto';
import { requireAttribute } from './attribute-policy';
import { decryptionFailed, InvalidArgumentError } from './errors';
import { type LoadedKey, mustHave } from './loaded-key';
import { checkMechanism, HASH_LENGTH_BYTES, type Mechanism } from './mechanisms';

/** GCM_IV_BYTES is the size of the IV encrypt makes for AES-GCM. */
export const GCM_IV_BYTES = 12;
/** GCM_TAG_BYTES is the size of the tag encrypt makes for AES-GCM. */
export const GCM_TAG_BYTES = 16;
/**
 * Decrypt takes GCM IVs of 1 to 128 bytes (128 is also node:crypto's limit)
 * and tags of 12 to 16 bytes; shorter tags (4, 8) are refused as too weak.
 */
export const GCM_DECRYPT_IV_MIN_BYTES = 1;
export const GCM_DECRYPT_IV_MAX_BYTES = 128;
export const GCM_DECRYPT_TAG_MIN_BYTES = 12;
export const GCM_DECRYPT_TAG_MAX_BYTES = 16;
/** AES_BLOCK_BYTES is the AES block, CBC IV and CTR counter block size. */
export const AES_BLOCK_BYTES = 16;

/** CipherOptions are encrypt's optional inputs. */
export interface CipherOptions {
  /** CBC: 16-byte IV; CTR: 16-byte initial counter block; GCM: must be empty. */
  iv?: Buffer;
  /** GCM additional authenticated data; RSA-OAEP label. */
  aad?: Buffer;
}

/** DecipherOptions are decrypt's inputs besides the ciphertext. */
export interface DecipherOptions {
  iv?: Buffer;
  aad?: Buffer;
  /** GCM tag, 12 to 16 bytes. */
  tag?: Buffer;
}

/** EncryptResult is encrypt's output; iv and tag are empty where unused. */
export interface EncryptResult {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
}

const EMPTY = Buffer.alloc(0);

/**
 * encrypt encrypts plaintext with key. AES-GCM always makes a fresh random
 * 12-byte IV (a caller's IV is refused: IV reuse under GCM is fatal) and a
 * 16-byte tag. AES-CBC (PKCS#7 padding) and AES-CTR take a 16-byte IV or
 * make a random one. RSA-OAEP (SHA-1 or SHA-256, MGF1 with the same hash)
 * uses aad as its label. Needs encrypt=true.
 */
export function encrypt(
  key: LoadedKey,
  mechanism: Mechanism,
  plaintext: Buffer,
  options: CipherOptions = {},
): EncryptResult {
  const spec = checkMechanism(key, mechanism, 'encrypt');
  requireAttribute(key, 'encrypt');
  const iv = options.iv ?? EMPTY;
  const aad = options.aad ?? EMPTY;
  switch (mechanism) {
    case 'MECHANISM_AES_GCM': {
      if (iv.length !== 0) {
        throw new InvalidArgumentError('AES-GCM encrypt makes its own IV; leave iv empty');
      }
      return aesGcmEncrypt(key, plaintext, aad);
    }
    case 'MECHANISM_AES_CBC_PAD':
    case 'MECHANISM_AES_CTR': {
      refuseAad(mechanism, aad);
      const blockIv = iv.length === 0 ? crypto.randomBytes(AES_BLOCK_BYTES) : iv;
      checkBlockIv(mechanism, blockIv);
      const cipher = crypto.createCipheriv(
        aesName(key, mechanism),
        mustHave(key.secretKey),
        blockIv,
      );
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { ciphertext, iv: blockIv, tag: EMPTY };
    }
    default: {
      refuseIv(mechanism, iv);
      const hash = mustHave(spec.hash);
      const maxBytes = Math.ceil(key.sizeBits / 8) - 2 * HASH_LENGTH_BYTES[hash] - 2;
      if (plaintext.length > maxBytes) {
        throw new InvalidArgumentError(
          `plaintext of ${plaintext.length} bytes is too long for ${mechanism} with this key ` +
            `(at most ${maxBytes})`,
        );
      }
      const ciphertext = crypto.publicEncrypt(
        { key: mustHave(key.publicKey), ...oaepParams(hash, aad) },
        plaintext,
      );
      return { ciphertext, iv: EMPTY, tag: EMPTY };
    }
  }
}

/**
 * decrypt reverses encrypt. Every failure of the ciphertext itself (tag,
 * padding, OAEP encoding) is InvalidArgumentError('decryption failed') with
 * no detail; malformed parameters (IV or tag length, CBC ciphertext not a
 * whole number of blocks) are named. Needs decrypt=true.
 */
export function decrypt(
  key: LoadedKey,
  mechanism: Mechanism,
  ciphertext: Buffer,
  options: DecipherOptions = {},
): Buffer {
  const spec = checkMechanism(key, mechanism, 'decrypt');
  requireAttribute(key, 'decrypt');
  const iv = options.iv ?? EMPTY;
  const aad = options.aad ?? EMPTY;
  const tag = options.tag ?? EMPTY;
  switch (mechanism) {
    case 'MECHANISM_AES_GCM':
      return aesGcmDecrypt(key, ciphertext, iv, aad, tag);
    case 'MECHANISM_AES_CBC_PAD':
    case 'MECHANISM_AES_CTR': {
      refuseAad(mechanism, aad);
      refuseTag(mechanism, tag);
      checkBlockIv(mechanism, iv);
      if (mechanism === 'MECHANISM_AES_CBC_PAD') {
        if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0) {
          throw new InvalidArgumentError(
            'AES-CBC ciphertext must be a non-zero multiple of 16 bytes',
            { keyHandle: key.handle },
          );
        }
      }
      try {
        const decipher = crypto.createDecipheriv(
          aesName(key, mechanism),
          mustHave(key.secretKey),
          iv,
        );
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      } catch {
        throw decryptionFailed(key.handle);
      }
    }
    default: {
      refuseIv(mechanism, iv);
      refuseTag(mechanism, tag);
      try {
        return crypto.privateDecrypt(
          { key: mustHave(key.privateKey), ...oaepParams(mustHave(spec.hash), aad) },
          ciphertext,
        );
      } catch {
        throw decryptionFailed(key.handle);
      }
    }
  }
}

/** aesGcmEncrypt is AES-GCM with a fresh 12-byte IV; also used by wrap. */
export function aesGcmEncrypt(key: LoadedKey, plaintext: Buffer, aad: Buffer): EncryptResult {
  const iv = crypto.randomBytes(GCM_IV_BYTES);
  const cipher = crypto.createCipheriv(
    aesName(key, 'MECHANISM_AES_GCM') as crypto.CipherGCMTypes,
    mustHave(key.secretKey),
    iv,
    {
      authTagLength: GCM_TAG_BYTES,
    },
  );
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

/** aesGcmDecrypt checks the IV and tag sizes, then decrypts; also used by unwrap. */
export function aesGcmDecrypt(
  key: LoadedKey,
  ciphertext: Buffer,
  iv: Buffer,
  aad: Buffer,
  tag: Buffer,
): Buffer {
  if (iv.length < GCM_DECRYPT_IV_MIN_BYTES || iv.length > GCM_DECRYPT_IV_MAX_BYTES) {
    throw new InvalidArgumentError(
      `AES-GCM IV must be ${GCM_DECRYPT_IV_MIN_BYTES} to ${GCM_DECRYPT_IV_MAX_BYTES} bytes, not ${iv.length}`,
      { keyHandle: key.handle },
    );
  }
  if (tag.length < GCM_DECRYPT_TAG_MIN_BYTES || tag.length > GCM_DECRYPT_TAG_MAX_BYTES) {
    throw new InvalidArgumentError(
      `AES-GCM tag must be ${GCM_DECRYPT_TAG_MIN_BYTES} to ${GCM_DECRYPT_TAG_MAX_BYTES} bytes, not ${tag.length}`,
      { keyHandle: key.handle },
    );
  }
  try {
    const decipher = crypto.createDecipheriv(
      aesName(key, 'MECHANISM_AES_GCM') as crypto.CipherGCMTypes,
      mustHave(key.secretKey),
      iv,
      { authTagLength: tag.length },
    );
    decipher.setAuthTag(tag);
    decipher.setAAD(aad);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw decryptionFailed(key.handle);
  }
}

/** oaepParams are node:crypto's RSA-OAEP options; MGF1 uses oaepHash too. */
export function oaepParams(
  hash: string,
  label: Buffer,
): { padding: number; oaepHash: string; oaepLabel?: Buffer } {
  return {
    padding: crypto.constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: hash,
    ...(label.length === 0 ? {} : { oaepLabel: label }),
  };
}

const AES_MODES: Partial<Record<Mechanism, string>> = {
  MECHANISM_AES_GCM: 'gcm',
  MECHANISM_AES_CBC_PAD: 'cbc',
  MECHANISM_AES_CTR: 'ctr',
};

/** aesName is the OpenSSL cipher name for key and an AES mechanism. */
export function aesName(key: LoadedKey, mechanism: Mechanism): string {
  if (mechanism === 'MECHANISM_AES_KEY_WRAP') return `id-aes${key.sizeBits}-wrap`;
  if (mechanism === 'MECHANISM_AES_KEY_WRAP_PAD') return `id-aes${key.sizeBits}-wrap-pad`;
  return `aes-${key.sizeBits}-${mustHave(AES_MODES[mechanism])}`;
}

function checkBlockIv(mechanism: Mechanism, iv: Buffer): void {
  if (iv.length !== AES_BLOCK_BYTES) {
    const what = mechanism === 'MECHANISM_AES_CTR' ? 'counter block' : 'IV';
    throw new InvalidArgumentError(`${mechanism} ${what} must be 16 bytes, not ${iv.length}`);
  }
}

function refuseAad(mechanism: Mechanism, aad: Buffer): void {
  if (aad.length !== 0) throw new InvalidArgumentError(`${mechanism} takes no aad`);
}

function refuseIv(mechanism: Mechanism, iv: Buffer): void {
  if (iv.length !== 0) throw new InvalidArgumentError(`${mechanism} takes no iv`);
}

function refuseTag(mechanism: Mechanism, tag: Buffer): void {
  if (tag.length !== 0) throw new InvalidArgumentError(`${mechanism} takes no tag`);
}
