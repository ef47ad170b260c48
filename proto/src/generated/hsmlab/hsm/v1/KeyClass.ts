// Original file: proto/hsm.proto

export const KeyClass = {
  KEY_CLASS_UNSPECIFIED: 'KEY_CLASS_UNSPECIFIED',
  KEY_CLASS_SECRET: 'KEY_CLASS_SECRET',
  KEY_CLASS_PUBLIC: 'KEY_CLASS_PUBLIC',
  KEY_CLASS_PRIVATE: 'KEY_CLASS_PRIVATE',
} as const;

export type KeyClass =
  | 'KEY_CLASS_UNSPECIFIED'
  | 0
  | 'KEY_CLASS_SECRET'
  | 1
  | 'KEY_CLASS_PUBLIC'
  | 2
  | 'KEY_CLASS_PRIVATE'
  | 3

export type KeyClass__Output = typeof KeyClass[keyof typeof KeyClass]
