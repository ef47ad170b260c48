/**
 * Crypto engine errors. The server maps each class to one gRPC status code in
 * server/status-mapping.ts; anything else the engine let escape would become
 * INTERNAL, so every call into node:crypto that sees caller input is wrapped.
 *
 * Messages name the problem and the key (by handle, when known) but never
 * carry key bytes, plaintext, or why a decryption failed.
 */

/** CryptoErrorOptions are the optional fields every engine error takes. */
export interface CryptoErrorOptions {
  /** The handle of the key involved, when the caller gave one. */
  keyHandle?: string;
  cause?: unknown;
}

/** CryptoError is the base of the engine's errors; catch it to catch them all. */
export class CryptoError extends Error {
  readonly keyHandle?: string;

  constructor(message: string, options: CryptoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.keyHandle !== undefined) this.keyHandle = options.keyHandle;
  }
}

/**
 * InvalidArgumentError: the request cannot work whatever the key's attributes
 * say. A size out of range, a mechanism that does not fit the key, malformed
 * key material, an IV of the wrong length, and every failed decryption or
 * unwrap (always with the bare message 'decryption failed').
 */
export class InvalidArgumentError extends CryptoError {}

/** PermissionError: a key attribute or the caller's role forbids the operation. */
export class PermissionError extends CryptoError {}

/**
 * FailedPreconditionError: the stored state does not allow the call, e.g. a
 * stored key body whose material no longer parses.
 */
export class FailedPreconditionError extends CryptoError {}

/** DECRYPTION_FAILED is the one message of every failed decrypt or unwrap. */
export const DECRYPTION_FAILED = 'decryption failed';

/** decryptionFailed makes the deliberately uninformative decrypt/unwrap error. */
export function decryptionFailed(keyHandle?: string): InvalidArgumentError {
  // NB: no cause. The OpenSSL reason (bad tag, bad padding, bad OAEP) is
  // exactly the oracle this error must not give away, even in a log.
  return new InvalidArgumentError(DECRYPTION_FAILED, { keyHandle });
}

/** findCryptoError returns the first CryptoError in err's cause chain, if any. */
export function findCryptoError(err: unknown): CryptoError | undefined {
  let e = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 16; depth += 1) {
    if (e instanceof CryptoError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** isCryptoError is true when err, or an error in its cause chain, is a CryptoError. */
export function isCryptoError(err: unknown): boolean {
  return findCryptoError(err) !== undefined;
}
