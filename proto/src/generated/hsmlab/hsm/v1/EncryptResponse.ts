// Original file: proto/hsm.proto


export interface EncryptResponse {
  'ciphertext'?: (Buffer | Uint8Array | string);
  'iv'?: (Buffer | Uint8Array | string);
  'tag'?: (Buffer | Uint8Array | string);
}

export interface EncryptResponse__Output {
  'ciphertext': (Buffer);
  'iv': (Buffer);
  'tag': (Buffer);
}
