import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** KEY_HANDLE matches every key handle this node makes. */
export const KEY_HANDLE = /^(key|skey)-[a-z2-7]{20}$/;

/** newKeyHandle is a random, cluster-unique key handle (100 random bits). */
export function newKeyHandle(): string {
  return `key-${base32(randomBytes(16), 20)}`;
}

/** newSessionKeyHandle names a session key; it never leaves its node. */
export function newSessionKeyHandle(): string {
  return `skey-${base32(randomBytes(16), 20)}`;
}

/**
 * requestKeyHandle derives the handle of a create from its client request
 * id, so a create retried on any node names the same key. `part` tells the
 * two halves of a key pair apart.
 */
export function requestKeyHandle(owner: string, requestId: string, part: string): string {
  const digest = createHash('sha256').update(`${owner}\0${requestId}\0${part}`).digest();
  return `key-${base32(digest, 20)}`;
}
