// Original file: proto/hsm.proto


export interface ChangePasswordRequest {
  'username'?: (string);
  'newPassword'?: (string);
}

export interface ChangePasswordRequest__Output {
  'username': (string);
  'newPassword': (string);
}
