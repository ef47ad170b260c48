import type { Mechanism, SignatureFormat, DigestAlgorithm } from '../crypto';
import { BadRequestError } from '../errors';

/** mechanismFrom checks a wire mechanism name; the engine checks it fits the key. */
export function mechanismFrom(value: unknown): Mechanism {
  if (
    typeof value !== 'string' ||
    !value.startsWith('MECHANISM_') ||
    value === 'MECHANISM_UNSPECIFIED'
  ) {
    throw new BadRequestError(`mechanism: ${String(value)} is not a mechanism`);
  }
  return value as Mechanism;
}

export function signatureFormatFrom(value: unknown): SignatureFormat {
  if (value === 'SIGNATURE_FORMAT_DER' || value === 'SIGNATURE_FORMAT_IEEE_P1363') {
    return value as SignatureFormat;
  }
  throw new BadRequestError(`format: ${String(value)} is not a signature format`);
}

const DIGESTS: Record<string, DigestAlgorithm> = {
  DIGEST_ALGORITHM_SHA256: 'sha256',
  DIGEST_ALGORITHM_SHA384: 'sha384',
  DIGEST_ALGORITHM_SHA512: 'sha512',
  DIGEST_ALGORITHM_SHA1: 'sha1',
};

export function digestAlgorithmFrom(value: unknown): DigestAlgorithm {
  const alg = DIGESTS[String(value)];
  if (!alg) throw new BadRequestError(`algorithm: ${String(value)} is not a digest algorithm`);
  return alg;
}
