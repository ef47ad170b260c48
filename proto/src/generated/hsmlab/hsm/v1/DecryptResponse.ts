// Original file: proto/hsm.proto


export interface DecryptResponse {
  'plaintext'?: (Buffer | Uint8Array | string);
}

export interface DecryptResponse__Output {
  'plaintext': (Buffer);
}
