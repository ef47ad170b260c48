// Original file: proto/appliance.proto


export interface InitializeClusterRequest {
  'clusterId'?: (string);
}

export interface InitializeClusterRequest__Output {
  'clusterId': (string);
}
