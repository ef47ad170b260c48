// Original file: proto/hsm.proto


export interface SignResponse {
  'signature'?: (Buffer | Uint8Array | string);
}

export interface SignResponse__Output {
  'signature': (Buffer);
}
