// Original file: proto/hsm.proto

export const Curve = {
  CURVE_UNSPECIFIED: 'CURVE_UNSPECIFIED',
  CURVE_P256: 'CURVE_P256',
  CURVE_P384: 'CURVE_P384',
  CURVE_SECP256K1: 'CURVE_SECP256K1',
} as const;

export type Curve =
  | 'CURVE_UNSPECIFIED'
  | 0
  | 'CURVE_P256'
  | 1
  | 'CURVE_P384'
  | 2
  | 'CURVE_SECP256K1'
  | 3

export type Curve__Output = typeof Curve[keyof typeof Curve]
