// Original file: proto/hsm.proto


export interface DeleteUserRequest {
  'username'?: (string);
}

export interface DeleteUserRequest__Output {
  'username': (string);
}
