// Original file: proto/hsm.proto

export const Role = {
  ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED',
  ROLE_CRYPTO_OFFICER: 'ROLE_CRYPTO_OFFICER',
  ROLE_CRYPTO_USER: 'ROLE_CRYPTO_USER',
  ROLE_APPLIANCE: 'ROLE_APPLIANCE',
} as const;

export type Role =
  | 'ROLE_UNSPECIFIED'
  | 0
  | 'ROLE_CRYPTO_OFFICER'
  | 1
  | 'ROLE_CRYPTO_USER'
  | 2
  | 'ROLE_APPLIANCE'
  | 3

export type Role__Output = typeof Role[keyof typeof Role]
