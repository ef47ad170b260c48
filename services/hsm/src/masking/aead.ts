import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AEAD_IV_BYTES is the GCM nonce size; a fresh random one is used per seal. */
export const AEAD_IV_BYTES = 12;
/** AEAD_TAG_BYTES is the GCM tag size; shorter tags are never accepted. */
export const AEAD_TAG_BYTES = 16;

/**
 * aeadSeal encrypts plaintext with AES-256-GCM and returns
 * iv || ciphertext || tag, the layout every sealed blob in hsmlab uses.
 */
export function aeadSeal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(AEAD_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: AEAD_TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/**
 * aeadOpen reverses aeadSeal. It returns undefined, never partial plaintext,
 * when the blob is too short or does not authenticate under key and aad.
 */
export function aeadOpen(key: Buffer, sealed: Buffer, aad: Buffer): Buffer | undefined {
  if (sealed.length < AEAD_IV_BYTES + AEAD_TAG_BYTES) return undefined;
  const iv = sealed.subarray(0, AEAD_IV_BYTES);
  const tag = sealed.subarray(sealed.length - AEAD_TAG_BYTES);
  const body = sealed.subarray(AEAD_IV_BYTES, sealed.length - AEAD_TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: AEAD_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return undefined;
  }
}
