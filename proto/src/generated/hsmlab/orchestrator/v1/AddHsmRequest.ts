// Original file: proto/orchestrator.proto


export interface AddHsmRequest {
  'clusterId'?: (string);
  'az'?: (string);
  'address'?: (string);
  'hsmId'?: (string);
}

export interface AddHsmRequest__Output {
  'clusterId': (string);
  'az': (string);
  'address': (string);
  'hsmId': (string);
}
