// Original file: proto/orchestrator.proto


export interface ListClustersRequest {
}

export interface ListClustersRequest__Output {
}
