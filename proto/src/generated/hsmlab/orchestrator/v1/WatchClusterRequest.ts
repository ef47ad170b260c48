// Original file: proto/orchestrator.proto


export interface WatchClusterRequest {
  'clusterId'?: (string);
}

export interface WatchClusterRequest__Output {
  'clusterId': (string);
}
