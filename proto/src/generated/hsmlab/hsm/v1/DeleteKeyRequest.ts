// Original file: proto/hsm.proto


export interface DeleteKeyRequest {
  'handle'?: (string);
}

export interface DeleteKeyRequest__Output {
  'handle': (string);
}
