// Original file: proto/hsm.proto


export interface VerifyResponse {
  'valid'?: (boolean);
}

export interface VerifyResponse__Output {
  'valid': (boolean);
}
