// Original file: proto/hsm.proto

export const KeyType = {
  KEY_TYPE_UNSPECIFIED: 'KEY_TYPE_UNSPECIFIED',
  KEY_TYPE_AES: 'KEY_TYPE_AES',
  KEY_TYPE_GENERIC_SECRET: 'KEY_TYPE_GENERIC_SECRET',
  KEY_TYPE_RSA: 'KEY_TYPE_RSA',
  KEY_TYPE_EC: 'KEY_TYPE_EC',
  KEY_TYPE_ED25519: 'KEY_TYPE_ED25519',
} as const;

export type KeyType =
  | 'KEY_TYPE_UNSPECIFIED'
  | 0
  | 'KEY_TYPE_AES'
  | 1
  | 'KEY_TYPE_GENERIC_SECRET'
  | 2
  | 'KEY_TYPE_RSA'
  | 3
  | 'KEY_TYPE_EC'
  | 4
  | 'KEY_TYPE_ED25519'
  | 5

export type KeyType__Output = typeof KeyType[keyof typeof KeyType]
