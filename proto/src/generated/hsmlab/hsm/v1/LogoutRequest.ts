// Original file: proto/hsm.proto


export interface LogoutRequest {
}

export interface LogoutRequest__Output {
}
