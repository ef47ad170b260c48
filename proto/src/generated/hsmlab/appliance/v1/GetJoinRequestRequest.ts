// Original file: proto/appliance.proto


export interface GetJoinRequestRequest {
  'clusterId'?: (string);
}

export interface GetJoinRequestRequest__Output {
  'clusterId': (string);
}
