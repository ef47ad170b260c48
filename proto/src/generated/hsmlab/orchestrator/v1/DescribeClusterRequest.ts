// Original file: proto/orchestrator.proto


export interface DescribeClusterRequest {
  'clusterId'?: (string);
}

export interface DescribeClusterRequest__Output {
  'clusterId': (string);
}
