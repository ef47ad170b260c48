// Original file: proto/hsm.proto


export interface ListUsersRequest {
}

export interface ListUsersRequest__Output {
}
