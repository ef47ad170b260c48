// Original file: proto/hsm.proto


export interface UnlockUserRequest {
  'username'?: (string);
}

export interface UnlockUserRequest__Output {
  'username': (string);
}
