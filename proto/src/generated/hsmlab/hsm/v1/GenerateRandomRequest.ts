// Original file: proto/hsm.proto


export interface GenerateRandomRequest {
  'length'?: (number);
}

export interface GenerateRandomRequest__Output {
  'length': (number);
}
