// Original file: proto/hsm.proto

export const KeyFormat = {
  KEY_FORMAT_UNSPECIFIED: 'KEY_FORMAT_UNSPECIFIED',
  KEY_FORMAT_RAW: 'KEY_FORMAT_RAW',
  KEY_FORMAT_PEM: 'KEY_FORMAT_PEM',
  KEY_FORMAT_DER: 'KEY_FORMAT_DER',
} as const;

export type KeyFormat =
  | 'KEY_FORMAT_UNSPECIFIED'
  | 0
  | 'KEY_FORMAT_RAW'
  | 1
  | 'KEY_FORMAT_PEM'
  | 2
  | 'KEY_FORMAT_DER'
  | 3

export type KeyFormat__Output = typeof KeyFormat[keyof typeof KeyFormat]
