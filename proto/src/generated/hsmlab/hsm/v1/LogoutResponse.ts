// Original file: proto/hsm.proto


export interface LogoutResponse {
}

export interface LogoutResponse__Output {
}
