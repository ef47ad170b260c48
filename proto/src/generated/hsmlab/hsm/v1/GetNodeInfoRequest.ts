// Original file: proto/hsm.proto


export interface GetNodeInfoRequest {
}

export interface GetNodeInfoRequest__Output {
}
