import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/** MASKING_KEY_BYTES is the size of a cluster's masking key (AES-256). */
export const MASKING_KEY_BYTES = 32;

const DIGEST_KEY_INFO = 'hsmlab digest v1';
const CHECK_VALUE_INFO = 'hsmlab masking key check v1';
const CHECK_VALUE_BYTES = 8;

/**
 * generateMaskingKey makes a new cluster masking key. It is made once, on the
 * first node, when the cluster is initialised; every other node gets it by
 * attested join or from a backup.
 */
export function generateMaskingKey(): Buffer {
  return randomBytes(MASKING_KEY_BYTES);
}

/**
 * assertMaskingKey throws a TypeError unless key is a Buffer of the masking
 * key's size. A wrong key size is a programming error, not a refusal.
 */
export function assertMaskingKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== MASKING_KEY_BYTES) {
    throw new TypeError(`a masking key is ${MASKING_KEY_BYTES} bytes`);
  }
}

function derive(maskingKey: Buffer, info: string, lengthBytes: number): Buffer {
  assertMaskingKey(maskingKey);
  return Buffer.from(hkdfSync('sha256', maskingKey, Buffer.alloc(0), info, lengthBytes));
}

/**
 * deriveDigestKey is the HMAC key of object digests. Digests are compared
 * across nodes by the orchestrator, so they are keyed: equal content gives
 * equal digests on every node of the cluster, and whoever sees a digest
 * learns nothing about the content (not even for a guessable user object).
 */
export function deriveDigestKey(maskingKey: Buffer): Buffer {
  return derive(maskingKey, DIGEST_KEY_INFO, 32);
}

/**
 * maskingKeyCheckValue is a short, one-way fingerprint of a masking key, for
 * status output and logs: two nodes with the same check value hold the same
 * masking key. It reveals nothing usable about the key itself.
 */
export function maskingKeyCheckValue(maskingKey: Buffer): string {
  const derived = derive(maskingKey, CHECK_VALUE_INFO, 32);
  return createHash('sha256')
    .update(derived)
    .digest()
    .subarray(0, CHECK_VALUE_BYTES)
    .toString('hex');
}
