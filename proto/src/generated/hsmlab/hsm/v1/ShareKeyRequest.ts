// Original file: proto/hsm.proto


export interface ShareKeyRequest {
  'handle'?: (string);
  'username'?: (string);
}

export interface ShareKeyRequest__Output {
  'handle': (string);
  'username': (string);
}
