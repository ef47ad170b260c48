import * as crypto from 'node:crypto';
import { InvalidArgumentError } from './errors';
import { HASH_LENGTH_BYTES, type HashName } from './mechanisms';

/** DigestAlgorithm is a hash the Digest call offers (hsm.proto DigestAlgorithm). */
export type DigestAlgorithm = HashName;

/** digest hashes data; it needs no key. */
export function digest(alg: DigestAlgorithm, data: Buffer): Buffer {
  if (!Object.prototype.hasOwnProperty.call(HASH_LENGTH_BYTES, alg)) {
    throw new InvalidArgumentError(`unknown digest algorithm ${JSON.stringify(alg)}`);
  }
  return crypto.createHash(alg).update(data).digest();
}
