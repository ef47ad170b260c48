import type { hsmV1 } from '@hsmlab/proto';

/**
 * UnaryMethods maps each unary Hsm method the SDK calls to its request and
 * reply types. Crypto methods are absent on purpose: the SDK sends crypto on
 * the CryptoStream only (see crypto-stream.ts).
 */
export interface UnaryMethods {
  GetNodeInfo: [hsmV1.GetNodeInfoRequest, hsmV1.NodeInfo__Output];
  ActivateOfficer: [hsmV1.ActivateOfficerRequest, hsmV1.ActivateOfficerResponse__Output];
  Login: [hsmV1.LoginRequest, hsmV1.LoginResponse__Output];
  Logout: [hsmV1.LogoutRequest, hsmV1.LogoutResponse__Output];
  CreateUser: [hsmV1.CreateUserRequest, hsmV1.UserResponse__Output];
  ListUsers: [hsmV1.ListUsersRequest, hsmV1.ListUsersResponse__Output];
  DeleteUser: [hsmV1.DeleteUserRequest, hsmV1.DeleteUserResponse__Output];
  ChangePassword: [hsmV1.ChangePasswordRequest, hsmV1.UserResponse__Output];
  UnlockUser: [hsmV1.UnlockUserRequest, hsmV1.UserResponse__Output];
  GenerateSymmetricKey: [hsmV1.GenerateSymmetricKeyRequest, hsmV1.KeyResponse__Output];
  GenerateKeyPair: [hsmV1.GenerateKeyPairRequest, hsmV1.KeyPairResponse__Output];
  ImportKey: [hsmV1.ImportKeyRequest, hsmV1.KeyResponse__Output];
  WrapKey: [hsmV1.WrapKeyRequest, hsmV1.WrapKeyResponse__Output];
  UnwrapKey: [hsmV1.UnwrapKeyRequest, hsmV1.KeyResponse__Output];
  DeriveKey: [hsmV1.DeriveKeyRequest, hsmV1.KeyResponse__Output];
  DeleteKey: [hsmV1.DeleteKeyRequest, hsmV1.DeleteKeyResponse__Output];
  FindKeys: [hsmV1.FindKeysRequest, hsmV1.FindKeysResponse__Output];
  GetKey: [hsmV1.GetKeyRequest, hsmV1.KeyResponse__Output];
  SetAttributes: [hsmV1.SetAttributesRequest, hsmV1.KeyResponse__Output];
  ShareKey: [hsmV1.ShareKeyRequest, hsmV1.KeyResponse__Output];
  UnshareKey: [hsmV1.ShareKeyRequest, hsmV1.KeyResponse__Output];
  ExportMaskedObject: [hsmV1.ExportMaskedObjectRequest, hsmV1.MaskedObject__Output];
  ImportMaskedObject: [hsmV1.ImportMaskedObjectRequest, hsmV1.ImportMaskedObjectResponse__Output];
}

/** UnaryMethod names one unary method. */
export type UnaryMethod = keyof UnaryMethods;

/** SESSIONLESS_METHODS need no session token (hsm.proto's header says which). */
export const SESSIONLESS_METHODS: ReadonlySet<UnaryMethod> = new Set([
  'GetNodeInfo',
  'ActivateOfficer',
  'Login',
]);
