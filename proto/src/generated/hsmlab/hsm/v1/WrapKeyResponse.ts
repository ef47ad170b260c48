// Original file: proto/hsm.proto


export interface WrapKeyResponse {
  'wrapped'?: (Buffer | Uint8Array | string);
}

export interface WrapKeyResponse__Output {
  'wrapped': (Buffer);
}
