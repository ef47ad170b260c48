// Original file: proto/hsm.proto


export interface DigestResponse {
  'digest'?: (Buffer | Uint8Array | string);
}

export interface DigestResponse__Output {
  'digest': (Buffer);
}
