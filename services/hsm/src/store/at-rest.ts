import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileExclusive, isNotFound } from './durable-fs';
import { AtRestOpenError, StoreCorruptError } from './errors';

/**
 * At-rest encryption. Each node has its own storage key, made on first start
 * and kept in `<dataDir>/storage.key` (mode 0600). Everything secret that the
 * node writes to disk (key material, the masking key, the identity key) is
 * sealed under it with AES-256-GCM, with additional data that binds the
 * sealed bytes to the place they belong (an object's handle and version, a
 * node-state field), so sealed bytes cannot be swapped between places.
 *
 * The storage key sits next to the data it protects: this guards against
 * data files leaking on their own (backups of a data dir without its key,
 * logs, support bundles), not against someone who holds the whole directory.
 */

/** STORAGE_KEY_FILE is the storage key's file name inside the data dir. */
export const STORAGE_KEY_FILE = 'storage.key';
/** STORAGE_KEY_BYTES is the storage key's length: AES-256. */
export const STORAGE_KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * loadOrCreateStorageKey returns the data dir's storage key, making the dir
 * and the key on first start. Safe against two callers racing to make it:
 * both end up with the one key that reached the disk.
 */
export async function loadOrCreateStorageKey(dataDir: string): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, STORAGE_KEY_FILE);
  try {
    return checkKey(path, await readFile(path));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await createFileExclusive(path, randomBytes(STORAGE_KEY_BYTES));
  return checkKey(path, await readFile(path));
}

function checkKey(path: string, key: Buffer): Buffer {
  if (key.length !== STORAGE_KEY_BYTES) {
    throw new StoreCorruptError(
      path,
      `storage key is ${key.length} bytes, want ${STORAGE_KEY_BYTES}`,
    );
  }
  return key;
}

/** sealAtRest encrypts plaintext under the storage key: iv || ciphertext || tag. */
export function sealAtRest(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/**
 * openAtRest reverses sealAtRest. It throws AtRestOpenError when the bytes,
 * the additional data or the key do not match what sealed them.
 */
export function openAtRest(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) {
    throw new AtRestOpenError(`sealed value is ${sealed.length} bytes, too short`);
  }
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (err) {
    throw new AtRestOpenError('sealed value does not open under this storage key', {
      cause: err,
    });
  }
}
