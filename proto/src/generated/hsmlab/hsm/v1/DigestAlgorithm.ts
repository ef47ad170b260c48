// Original file: proto/hsm.proto

export const DigestAlgorithm = {
  DIGEST_ALGORITHM_SHA256: 'DIGEST_ALGORITHM_SHA256',
  DIGEST_ALGORITHM_SHA384: 'DIGEST_ALGORITHM_SHA384',
  DIGEST_ALGORITHM_SHA512: 'DIGEST_ALGORITHM_SHA512',
  DIGEST_ALGORITHM_SHA1: 'DIGEST_ALGORITHM_SHA1',
} as const;

export type DigestAlgorithm =
  | 'DIGEST_ALGORITHM_SHA256'
  | 0
  | 'DIGEST_ALGORITHM_SHA384'
  | 1
  | 'DIGEST_ALGORITHM_SHA512'
  | 2
  | 'DIGEST_ALGORITHM_SHA1'
  | 3

export type DigestAlgorithm__Output = typeof DigestAlgorithm[keyof typeof DigestAlgorithm]
