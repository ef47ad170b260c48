// Original file: proto/orchestrator.proto


export interface RemoveHsmRequest {
  'clusterId'?: (string);
  'hsmId'?: (string);
}

export interface RemoveHsmRequest__Output {
  'clusterId': (string);
  'hsmId': (string);
}
