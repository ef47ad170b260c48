// Original file: proto/hsm.proto


export interface ActivateOfficerRequest {
  'password'?: (string);
}

export interface ActivateOfficerRequest__Output {
  'password': (string);
}
