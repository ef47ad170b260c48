// Original file: proto/hsm.proto


export interface GetKeyRequest {
  'handle'?: (string);
}

export interface GetKeyRequest__Output {
  'handle': (string);
}
