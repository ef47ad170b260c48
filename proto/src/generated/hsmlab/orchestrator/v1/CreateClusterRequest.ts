// Original file: proto/orchestrator.proto


export interface CreateClusterRequest {
}

export interface CreateClusterRequest__Output {
}
