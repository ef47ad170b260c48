// Original file: proto/hsm.proto


export interface GenerateRandomResponse {
  'data'?: (Buffer | Uint8Array | string);
}

export interface GenerateRandomResponse__Output {
  'data': (Buffer);
}
