// Original file: proto/hsm.proto

export const SignatureFormat = {
  SIGNATURE_FORMAT_DER: 'SIGNATURE_FORMAT_DER',
  SIGNATURE_FORMAT_IEEE_P1363: 'SIGNATURE_FORMAT_IEEE_P1363',
} as const;

export type SignatureFormat =
  | 'SIGNATURE_FORMAT_DER'
  | 0
  | 'SIGNATURE_FORMAT_IEEE_P1363'
  | 1

export type SignatureFormat__Output = typeof SignatureFormat[keyof typeof SignatureFormat]
