// Original file: proto/appliance.proto


export interface GetStatusRequest {
}

export interface GetStatusRequest__Output {
}
