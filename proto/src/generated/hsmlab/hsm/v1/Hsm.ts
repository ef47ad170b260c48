// Original file: proto/hsm.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ActivateOfficerRequest as _hsmlab_hsm_v1_ActivateOfficerRequest, ActivateOfficerRequest__Output as _hsmlab_hsm_v1_ActivateOfficerRequest__Output } from '../../../hsmlab/hsm/v1/ActivateOfficerRequest';
import type { ActivateOfficerResponse as _hsmlab_hsm_v1_ActivateOfficerResponse, ActivateOfficerResponse__Output as _hsmlab_hsm_v1_ActivateOfficerResponse__Output } from '../../../hsmlab/hsm/v1/ActivateOfficerResponse';
import type { ChangePasswordRequest as _hsmlab_hsm_v1_ChangePasswordRequest, ChangePasswordRequest__Output as _hsmlab_hsm_v1_ChangePasswordRequest__Output } from '../../../hsmlab/hsm/v1/ChangePasswordRequest';
import type { CreateUserRequest as _hsmlab_hsm_v1_CreateUserRequest, CreateUserRequest__Output as _hsmlab_hsm_v1_CreateUserRequest__Output } from '../../../hsmlab/hsm/v1/CreateUserRequest';
import type { CryptoStreamRequest as _hsmlab_hsm_v1_CryptoStreamRequest, CryptoStreamRequest__Output as _hsmlab_hsm_v1_CryptoStreamRequest__Output } from '../../../hsmlab/hsm/v1/CryptoStreamRequest';
import type { CryptoStreamResponse as _hsmlab_hsm_v1_CryptoStreamResponse, CryptoStreamResponse__Output as _hsmlab_hsm_v1_CryptoStreamResponse__Output } from '../../../hsmlab/hsm/v1/CryptoStreamResponse';
import type { DecryptRequest as _hsmlab_hsm_v1_DecryptRequest, DecryptRequest__Output as _hsmlab_hsm_v1_DecryptRequest__Output } from '../../../hsmlab/hsm/v1/DecryptRequest';
import type { DecryptResponse as _hsmlab_hsm_v1_DecryptResponse, DecryptResponse__Output as _hsmlab_hsm_v1_DecryptResponse__Output } from '../../../hsmlab/hsm/v1/DecryptResponse';
import type { DeleteKeyRequest as _hsmlab_hsm_v1_DeleteKeyRequest, DeleteKeyRequest__Output as _hsmlab_hsm_v1_DeleteKeyRequest__Output } from '../../../hsmlab/hsm/v1/DeleteKeyRequest';
import type { DeleteKeyResponse as _hsmlab_hsm_v1_DeleteKeyResponse, DeleteKeyResponse__Output as _hsmlab_hsm_v1_DeleteKeyResponse__Output } from '../../../hsmlab/hsm/v1/DeleteKeyResponse';
import type { DeleteUserRequest as _hsmlab_hsm_v1_DeleteUserRequest, DeleteUserRequest__Output as _hsmlab_hsm_v1_DeleteUserRequest__Output } from '../../../hsmlab/hsm/v1/DeleteUserRequest';
import type { DeleteUserResponse as _hsmlab_hsm_v1_DeleteUserResponse, DeleteUserResponse__Output as _hsmlab_hsm_v1_DeleteUserResponse__Output } from '../../../hsmlab/hsm/v1/DeleteUserResponse';
import type { DeriveKeyRequest as _hsmlab_hsm_v1_DeriveKeyRequest, DeriveKeyRequest__Output as _hsmlab_hsm_v1_DeriveKeyRequest__Output } from '../../../hsmlab/hsm/v1/DeriveKeyRequest';
import type { DigestRequest as _hsmlab_hsm_v1_DigestRequest, DigestRequest__Output as _hsmlab_hsm_v1_DigestRequest__Output } from '../../../hsmlab/hsm/v1/DigestRequest';
import type { DigestResponse as _hsmlab_hsm_v1_DigestResponse, DigestResponse__Output as _hsmlab_hsm_v1_DigestResponse__Output } from '../../../hsmlab/hsm/v1/DigestResponse';
import type { EncryptRequest as _hsmlab_hsm_v1_EncryptRequest, EncryptRequest__Output as _hsmlab_hsm_v1_EncryptRequest__Output } from '../../../hsmlab/hsm/v1/EncryptRequest';
import type { EncryptResponse as _hsmlab_hsm_v1_EncryptResponse, EncryptResponse__Output as _hsmlab_hsm_v1_EncryptResponse__Output } from '../../../hsmlab/hsm/v1/EncryptResponse';
import type { ExportMaskedObjectRequest as _hsmlab_hsm_v1_ExportMaskedObjectRequest, ExportMaskedObjectRequest__Output as _hsmlab_hsm_v1_ExportMaskedObjectRequest__Output } from '../../../hsmlab/hsm/v1/ExportMaskedObjectRequest';
import type { FindKeysRequest as _hsmlab_hsm_v1_FindKeysRequest, FindKeysRequest__Output as _hsmlab_hsm_v1_FindKeysRequest__Output } from '../../../hsmlab/hsm/v1/FindKeysRequest';
import type { FindKeysResponse as _hsmlab_hsm_v1_FindKeysResponse, FindKeysResponse__Output as _hsmlab_hsm_v1_FindKeysResponse__Output } from '../../../hsmlab/hsm/v1/FindKeysResponse';
import type { GenerateKeyPairRequest as _hsmlab_hsm_v1_GenerateKeyPairRequest, GenerateKeyPairRequest__Output as _hsmlab_hsm_v1_GenerateKeyPairRequest__Output } from '../../../hsmlab/hsm/v1/GenerateKeyPairRequest';
import type { GenerateRandomRequest as _hsmlab_hsm_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _hsmlab_hsm_v1_GenerateRandomRequest__Output } from '../../../hsmlab/hsm/v1/GenerateRandomRequest';
import type { GenerateRandomResponse as _hsmlab_hsm_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _hsmlab_hsm_v1_GenerateRandomResponse__Output } from '../../../hsmlab/hsm/v1/GenerateRandomResponse';
import type { GenerateSymmetricKeyRequest as _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, GenerateSymmetricKeyRequest__Output as _hsmlab_hsm_v1_GenerateSymmetricKeyRequest__Output } from '../../../hsmlab/hsm/v1/GenerateSymmetricKeyRequest';
import type { GetKeyRequest as _hsmlab_hsm_v1_GetKeyRequest, GetKeyRequest__Output as _hsmlab_hsm_v1_GetKeyRequest__Output } from '../../../hsmlab/hsm/v1/GetKeyRequest';
import type { GetNodeInfoRequest as _hsmlab_hsm_v1_GetNodeInfoRequest, GetNodeInfoRequest__Output as _hsmlab_hsm_v1_GetNodeInfoRequest__Output } from '../../../hsmlab/hsm/v1/GetNodeInfoRequest';
import type { ImportKeyRequest as _hsmlab_hsm_v1_ImportKeyRequest, ImportKeyRequest__Output as _hsmlab_hsm_v1_ImportKeyRequest__Output } from '../../../hsmlab/hsm/v1/ImportKeyRequest';
import type { ImportMaskedObjectRequest as _hsmlab_hsm_v1_ImportMaskedObjectRequest, ImportMaskedObjectRequest__Output as _hsmlab_hsm_v1_ImportMaskedObjectRequest__Output } from '../../../hsmlab/hsm/v1/ImportMaskedObjectRequest';
import type { ImportMaskedObjectResponse as _hsmlab_hsm_v1_ImportMaskedObjectResponse, ImportMaskedObjectResponse__Output as _hsmlab_hsm_v1_ImportMaskedObjectResponse__Output } from '../../../hsmlab/hsm/v1/ImportMaskedObjectResponse';
import type { KeyPairResponse as _hsmlab_hsm_v1_KeyPairResponse, KeyPairResponse__Output as _hsmlab_hsm_v1_KeyPairResponse__Output } from '../../../hsmlab/hsm/v1/KeyPairResponse';
import type { KeyResponse as _hsmlab_hsm_v1_KeyResponse, KeyResponse__Output as _hsmlab_hsm_v1_KeyResponse__Output } from '../../../hsmlab/hsm/v1/KeyResponse';
import type { ListUsersRequest as _hsmlab_hsm_v1_ListUsersRequest, ListUsersRequest__Output as _hsmlab_hsm_v1_ListUsersRequest__Output } from '../../../hsmlab/hsm/v1/ListUsersRequest';
import type { ListUsersResponse as _hsmlab_hsm_v1_ListUsersResponse, ListUsersResponse__Output as _hsmlab_hsm_v1_ListUsersResponse__Output } from '../../../hsmlab/hsm/v1/ListUsersResponse';
import type { LoginRequest as _hsmlab_hsm_v1_LoginRequest, LoginRequest__Output as _hsmlab_hsm_v1_LoginRequest__Output } from '../../../hsmlab/hsm/v1/LoginRequest';
import type { LoginResponse as _hsmlab_hsm_v1_LoginResponse, LoginResponse__Output as _hsmlab_hsm_v1_LoginResponse__Output } from '../../../hsmlab/hsm/v1/LoginResponse';
import type { LogoutRequest as _hsmlab_hsm_v1_LogoutRequest, LogoutRequest__Output as _hsmlab_hsm_v1_LogoutRequest__Output } from '../../../hsmlab/hsm/v1/LogoutRequest';
import type { LogoutResponse as _hsmlab_hsm_v1_LogoutResponse, LogoutResponse__Output as _hsmlab_hsm_v1_LogoutResponse__Output } from '../../../hsmlab/hsm/v1/LogoutResponse';
import type { MaskedObject as _hsmlab_hsm_v1_MaskedObject, MaskedObject__Output as _hsmlab_hsm_v1_MaskedObject__Output } from '../../../hsmlab/hsm/v1/MaskedObject';
import type { NodeInfo as _hsmlab_hsm_v1_NodeInfo, NodeInfo__Output as _hsmlab_hsm_v1_NodeInfo__Output } from '../../../hsmlab/hsm/v1/NodeInfo';
import type { SetAttributesRequest as _hsmlab_hsm_v1_SetAttributesRequest, SetAttributesRequest__Output as _hsmlab_hsm_v1_SetAttributesRequest__Output } from '../../../hsmlab/hsm/v1/SetAttributesRequest';
import type { ShareKeyRequest as _hsmlab_hsm_v1_ShareKeyRequest, ShareKeyRequest__Output as _hsmlab_hsm_v1_ShareKeyRequest__Output } from '../../../hsmlab/hsm/v1/ShareKeyRequest';
import type { SignRequest as _hsmlab_hsm_v1_SignRequest, SignRequest__Output as _hsmlab_hsm_v1_SignRequest__Output } from '../../../hsmlab/hsm/v1/SignRequest';
import type { SignResponse as _hsmlab_hsm_v1_SignResponse, SignResponse__Output as _hsmlab_hsm_v1_SignResponse__Output } from '../../../hsmlab/hsm/v1/SignResponse';
import type { UnlockUserRequest as _hsmlab_hsm_v1_UnlockUserRequest, UnlockUserRequest__Output as _hsmlab_hsm_v1_UnlockUserRequest__Output } from '../../../hsmlab/hsm/v1/UnlockUserRequest';
import type { UnwrapKeyRequest as _hsmlab_hsm_v1_UnwrapKeyRequest, UnwrapKeyRequest__Output as _hsmlab_hsm_v1_UnwrapKeyRequest__Output } from '../../../hsmlab/hsm/v1/UnwrapKeyRequest';
import type { UserResponse as _hsmlab_hsm_v1_UserResponse, UserResponse__Output as _hsmlab_hsm_v1_UserResponse__Output } from '../../../hsmlab/hsm/v1/UserResponse';
import type { VerifyRequest as _hsmlab_hsm_v1_VerifyRequest, VerifyRequest__Output as _hsmlab_hsm_v1_VerifyRequest__Output } from '../../../hsmlab/hsm/v1/VerifyRequest';
import type { VerifyResponse as _hsmlab_hsm_v1_VerifyResponse, VerifyResponse__Output as _hsmlab_hsm_v1_VerifyResponse__Output } from '../../../hsmlab/hsm/v1/VerifyResponse';
import type { WrapKeyRequest as _hsmlab_hsm_v1_WrapKeyRequest, WrapKeyRequest__Output as _hsmlab_hsm_v1_WrapKeyRequest__Output } from '../../../hsmlab/hsm/v1/WrapKeyRequest';
import type { WrapKeyResponse as _hsmlab_hsm_v1_WrapKeyResponse, WrapKeyResponse__Output as _hsmlab_hsm_v1_WrapKeyResponse__Output } from '../../../hsmlab/hsm/v1/WrapKeyResponse';

export interface HsmClient extends grpc.Client {
  ActivateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  ActivateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  ActivateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  ActivateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  activateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  activateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  activateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  activateOfficer(argument: _hsmlab_hsm_v1_ActivateOfficerRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ActivateOfficerResponse__Output>): grpc.ClientUnaryCall;
  
  ChangePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  ChangePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  changePassword(argument: _hsmlab_hsm_v1_ChangePasswordRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  
  CreateUser(argument: _hsmlab_hsm_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _hsmlab_hsm_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _hsmlab_hsm_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _hsmlab_hsm_v1_CreateUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  createUser(argument: _hsmlab_hsm_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  createUser(argument: _hsmlab_hsm_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  createUser(argument: _hsmlab_hsm_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  createUser(argument: _hsmlab_hsm_v1_CreateUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  
  CryptoStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamResponse__Output>;
  CryptoStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamResponse__Output>;
  cryptoStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamResponse__Output>;
  cryptoStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamResponse__Output>;
  
  Decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _hsmlab_hsm_v1_DecryptRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteKey(argument: _hsmlab_hsm_v1_DeleteKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteKeyResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _hsmlab_hsm_v1_DeleteUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  
  DeriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  DeriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  DeriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  DeriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  deriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  deriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  deriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  deriveKey(argument: _hsmlab_hsm_v1_DeriveKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  Digest(argument: _hsmlab_hsm_v1_DigestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  Digest(argument: _hsmlab_hsm_v1_DigestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  Digest(argument: _hsmlab_hsm_v1_DigestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  Digest(argument: _hsmlab_hsm_v1_DigestRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  digest(argument: _hsmlab_hsm_v1_DigestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  digest(argument: _hsmlab_hsm_v1_DigestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  digest(argument: _hsmlab_hsm_v1_DigestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  digest(argument: _hsmlab_hsm_v1_DigestRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_DigestResponse__Output>): grpc.ClientUnaryCall;
  
  Encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _hsmlab_hsm_v1_EncryptRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  
  ExportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  ExportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  ExportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  ExportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  exportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  exportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  exportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  exportMaskedObject(argument: _hsmlab_hsm_v1_ExportMaskedObjectRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_MaskedObject__Output>): grpc.ClientUnaryCall;
  
  FindKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  FindKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  FindKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  FindKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  findKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  findKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  findKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  findKeys(argument: _hsmlab_hsm_v1_FindKeysRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_FindKeysResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  generateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  generateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  generateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  generateKeyPair(argument: _hsmlab_hsm_v1_GenerateKeyPairRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyPairResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _hsmlab_hsm_v1_GenerateRandomRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  generateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  generateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  generateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  generateSymmetricKey(argument: _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  GetKey(argument: _hsmlab_hsm_v1_GetKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GetKey(argument: _hsmlab_hsm_v1_GetKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GetKey(argument: _hsmlab_hsm_v1_GetKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  GetKey(argument: _hsmlab_hsm_v1_GetKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  getKey(argument: _hsmlab_hsm_v1_GetKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  getKey(argument: _hsmlab_hsm_v1_GetKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  getKey(argument: _hsmlab_hsm_v1_GetKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  getKey(argument: _hsmlab_hsm_v1_GetKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  GetNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  GetNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  getNodeInfo(argument: _hsmlab_hsm_v1_GetNodeInfoRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_NodeInfo__Output>): grpc.ClientUnaryCall;
  
  ImportKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ImportKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ImportKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ImportKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  importKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  importKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  importKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  importKey(argument: _hsmlab_hsm_v1_ImportKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  ImportMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  ImportMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  ImportMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  ImportMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  importMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  importMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  importMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  importMaskedObject(argument: _hsmlab_hsm_v1_ImportMaskedObjectRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>): grpc.ClientUnaryCall;
  
  ListUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _hsmlab_hsm_v1_ListUsersRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _hsmlab_hsm_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _hsmlab_hsm_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _hsmlab_hsm_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _hsmlab_hsm_v1_LoginRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _hsmlab_hsm_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _hsmlab_hsm_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _hsmlab_hsm_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _hsmlab_hsm_v1_LoginRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _hsmlab_hsm_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _hsmlab_hsm_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _hsmlab_hsm_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _hsmlab_hsm_v1_LogoutRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _hsmlab_hsm_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _hsmlab_hsm_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _hsmlab_hsm_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _hsmlab_hsm_v1_LogoutRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  SetAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  SetAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  SetAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  SetAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  setAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  setAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  setAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  setAttributes(argument: _hsmlab_hsm_v1_SetAttributesRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  ShareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ShareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ShareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  ShareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  shareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  shareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  shareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  shareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  Sign(argument: _hsmlab_hsm_v1_SignRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  Sign(argument: _hsmlab_hsm_v1_SignRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  Sign(argument: _hsmlab_hsm_v1_SignRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  Sign(argument: _hsmlab_hsm_v1_SignRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  sign(argument: _hsmlab_hsm_v1_SignRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  sign(argument: _hsmlab_hsm_v1_SignRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  sign(argument: _hsmlab_hsm_v1_SignRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  sign(argument: _hsmlab_hsm_v1_SignRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_SignResponse__Output>): grpc.ClientUnaryCall;
  
  UnlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  UnlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  UnlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  UnlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  unlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  unlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  unlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  unlockUser(argument: _hsmlab_hsm_v1_UnlockUserRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_UserResponse__Output>): grpc.ClientUnaryCall;
  
  UnshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unshareKey(argument: _hsmlab_hsm_v1_ShareKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  UnwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  UnwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  unwrapKey(argument: _hsmlab_hsm_v1_UnwrapKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_KeyResponse__Output>): grpc.ClientUnaryCall;
  
  Verify(argument: _hsmlab_hsm_v1_VerifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  Verify(argument: _hsmlab_hsm_v1_VerifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  Verify(argument: _hsmlab_hsm_v1_VerifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  Verify(argument: _hsmlab_hsm_v1_VerifyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  verify(argument: _hsmlab_hsm_v1_VerifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  verify(argument: _hsmlab_hsm_v1_VerifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  verify(argument: _hsmlab_hsm_v1_VerifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  verify(argument: _hsmlab_hsm_v1_VerifyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_VerifyResponse__Output>): grpc.ClientUnaryCall;
  
  WrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  WrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  WrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  WrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  wrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  wrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  wrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  wrapKey(argument: _hsmlab_hsm_v1_WrapKeyRequest, callback: grpc.requestCallback<_hsmlab_hsm_v1_WrapKeyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface HsmHandlers extends grpc.UntypedServiceImplementation {
  ActivateOfficer: grpc.handleUnaryCall<_hsmlab_hsm_v1_ActivateOfficerRequest__Output, _hsmlab_hsm_v1_ActivateOfficerResponse>;
  
  ChangePassword: grpc.handleUnaryCall<_hsmlab_hsm_v1_ChangePasswordRequest__Output, _hsmlab_hsm_v1_UserResponse>;
  
  CreateUser: grpc.handleUnaryCall<_hsmlab_hsm_v1_CreateUserRequest__Output, _hsmlab_hsm_v1_UserResponse>;
  
  CryptoStream: grpc.handleBidiStreamingCall<_hsmlab_hsm_v1_CryptoStreamRequest__Output, _hsmlab_hsm_v1_CryptoStreamResponse>;
  
  Decrypt: grpc.handleUnaryCall<_hsmlab_hsm_v1_DecryptRequest__Output, _hsmlab_hsm_v1_DecryptResponse>;
  
  DeleteKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_DeleteKeyRequest__Output, _hsmlab_hsm_v1_DeleteKeyResponse>;
  
  DeleteUser: grpc.handleUnaryCall<_hsmlab_hsm_v1_DeleteUserRequest__Output, _hsmlab_hsm_v1_DeleteUserResponse>;
  
  DeriveKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_DeriveKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  Digest: grpc.handleUnaryCall<_hsmlab_hsm_v1_DigestRequest__Output, _hsmlab_hsm_v1_DigestResponse>;
  
  Encrypt: grpc.handleUnaryCall<_hsmlab_hsm_v1_EncryptRequest__Output, _hsmlab_hsm_v1_EncryptResponse>;
  
  ExportMaskedObject: grpc.handleUnaryCall<_hsmlab_hsm_v1_ExportMaskedObjectRequest__Output, _hsmlab_hsm_v1_MaskedObject>;
  
  FindKeys: grpc.handleUnaryCall<_hsmlab_hsm_v1_FindKeysRequest__Output, _hsmlab_hsm_v1_FindKeysResponse>;
  
  GenerateKeyPair: grpc.handleUnaryCall<_hsmlab_hsm_v1_GenerateKeyPairRequest__Output, _hsmlab_hsm_v1_KeyPairResponse>;
  
  GenerateRandom: grpc.handleUnaryCall<_hsmlab_hsm_v1_GenerateRandomRequest__Output, _hsmlab_hsm_v1_GenerateRandomResponse>;
  
  GenerateSymmetricKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_GenerateSymmetricKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  GetKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_GetKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  GetNodeInfo: grpc.handleUnaryCall<_hsmlab_hsm_v1_GetNodeInfoRequest__Output, _hsmlab_hsm_v1_NodeInfo>;
  
  ImportKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_ImportKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  ImportMaskedObject: grpc.handleUnaryCall<_hsmlab_hsm_v1_ImportMaskedObjectRequest__Output, _hsmlab_hsm_v1_ImportMaskedObjectResponse>;
  
  ListUsers: grpc.handleUnaryCall<_hsmlab_hsm_v1_ListUsersRequest__Output, _hsmlab_hsm_v1_ListUsersResponse>;
  
  Login: grpc.handleUnaryCall<_hsmlab_hsm_v1_LoginRequest__Output, _hsmlab_hsm_v1_LoginResponse>;
  
  Logout: grpc.handleUnaryCall<_hsmlab_hsm_v1_LogoutRequest__Output, _hsmlab_hsm_v1_LogoutResponse>;
  
  SetAttributes: grpc.handleUnaryCall<_hsmlab_hsm_v1_SetAttributesRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  ShareKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_ShareKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  Sign: grpc.handleUnaryCall<_hsmlab_hsm_v1_SignRequest__Output, _hsmlab_hsm_v1_SignResponse>;
  
  UnlockUser: grpc.handleUnaryCall<_hsmlab_hsm_v1_UnlockUserRequest__Output, _hsmlab_hsm_v1_UserResponse>;
  
  UnshareKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_ShareKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  UnwrapKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_UnwrapKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse>;
  
  Verify: grpc.handleUnaryCall<_hsmlab_hsm_v1_VerifyRequest__Output, _hsmlab_hsm_v1_VerifyResponse>;
  
  WrapKey: grpc.handleUnaryCall<_hsmlab_hsm_v1_WrapKeyRequest__Output, _hsmlab_hsm_v1_WrapKeyResponse>;
  
}

export interface HsmDefinition extends grpc.ServiceDefinition {
  ActivateOfficer: MethodDefinition<_hsmlab_hsm_v1_ActivateOfficerRequest, _hsmlab_hsm_v1_ActivateOfficerResponse, _hsmlab_hsm_v1_ActivateOfficerRequest__Output, _hsmlab_hsm_v1_ActivateOfficerResponse__Output>
  ChangePassword: MethodDefinition<_hsmlab_hsm_v1_ChangePasswordRequest, _hsmlab_hsm_v1_UserResponse, _hsmlab_hsm_v1_ChangePasswordRequest__Output, _hsmlab_hsm_v1_UserResponse__Output>
  CreateUser: MethodDefinition<_hsmlab_hsm_v1_CreateUserRequest, _hsmlab_hsm_v1_UserResponse, _hsmlab_hsm_v1_CreateUserRequest__Output, _hsmlab_hsm_v1_UserResponse__Output>
  CryptoStream: MethodDefinition<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamResponse, _hsmlab_hsm_v1_CryptoStreamRequest__Output, _hsmlab_hsm_v1_CryptoStreamResponse__Output>
  Decrypt: MethodDefinition<_hsmlab_hsm_v1_DecryptRequest, _hsmlab_hsm_v1_DecryptResponse, _hsmlab_hsm_v1_DecryptRequest__Output, _hsmlab_hsm_v1_DecryptResponse__Output>
  DeleteKey: MethodDefinition<_hsmlab_hsm_v1_DeleteKeyRequest, _hsmlab_hsm_v1_DeleteKeyResponse, _hsmlab_hsm_v1_DeleteKeyRequest__Output, _hsmlab_hsm_v1_DeleteKeyResponse__Output>
  DeleteUser: MethodDefinition<_hsmlab_hsm_v1_DeleteUserRequest, _hsmlab_hsm_v1_DeleteUserResponse, _hsmlab_hsm_v1_DeleteUserRequest__Output, _hsmlab_hsm_v1_DeleteUserResponse__Output>
  DeriveKey: MethodDefinition<_hsmlab_hsm_v1_DeriveKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_DeriveKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  Digest: MethodDefinition<_hsmlab_hsm_v1_DigestRequest, _hsmlab_hsm_v1_DigestResponse, _hsmlab_hsm_v1_DigestRequest__Output, _hsmlab_hsm_v1_DigestResponse__Output>
  Encrypt: MethodDefinition<_hsmlab_hsm_v1_EncryptRequest, _hsmlab_hsm_v1_EncryptResponse, _hsmlab_hsm_v1_EncryptRequest__Output, _hsmlab_hsm_v1_EncryptResponse__Output>
  ExportMaskedObject: MethodDefinition<_hsmlab_hsm_v1_ExportMaskedObjectRequest, _hsmlab_hsm_v1_MaskedObject, _hsmlab_hsm_v1_ExportMaskedObjectRequest__Output, _hsmlab_hsm_v1_MaskedObject__Output>
  FindKeys: MethodDefinition<_hsmlab_hsm_v1_FindKeysRequest, _hsmlab_hsm_v1_FindKeysResponse, _hsmlab_hsm_v1_FindKeysRequest__Output, _hsmlab_hsm_v1_FindKeysResponse__Output>
  GenerateKeyPair: MethodDefinition<_hsmlab_hsm_v1_GenerateKeyPairRequest, _hsmlab_hsm_v1_KeyPairResponse, _hsmlab_hsm_v1_GenerateKeyPairRequest__Output, _hsmlab_hsm_v1_KeyPairResponse__Output>
  GenerateRandom: MethodDefinition<_hsmlab_hsm_v1_GenerateRandomRequest, _hsmlab_hsm_v1_GenerateRandomResponse, _hsmlab_hsm_v1_GenerateRandomRequest__Output, _hsmlab_hsm_v1_GenerateRandomResponse__Output>
  GenerateSymmetricKey: MethodDefinition<_hsmlab_hsm_v1_GenerateSymmetricKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_GenerateSymmetricKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  GetKey: MethodDefinition<_hsmlab_hsm_v1_GetKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_GetKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  GetNodeInfo: MethodDefinition<_hsmlab_hsm_v1_GetNodeInfoRequest, _hsmlab_hsm_v1_NodeInfo, _hsmlab_hsm_v1_GetNodeInfoRequest__Output, _hsmlab_hsm_v1_NodeInfo__Output>
  ImportKey: MethodDefinition<_hsmlab_hsm_v1_ImportKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_ImportKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  ImportMaskedObject: MethodDefinition<_hsmlab_hsm_v1_ImportMaskedObjectRequest, _hsmlab_hsm_v1_ImportMaskedObjectResponse, _hsmlab_hsm_v1_ImportMaskedObjectRequest__Output, _hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>
  ListUsers: MethodDefinition<_hsmlab_hsm_v1_ListUsersRequest, _hsmlab_hsm_v1_ListUsersResponse, _hsmlab_hsm_v1_ListUsersRequest__Output, _hsmlab_hsm_v1_ListUsersResponse__Output>
  Login: MethodDefinition<_hsmlab_hsm_v1_LoginRequest, _hsmlab_hsm_v1_LoginResponse, _hsmlab_hsm_v1_LoginRequest__Output, _hsmlab_hsm_v1_LoginResponse__Output>
  Logout: MethodDefinition<_hsmlab_hsm_v1_LogoutRequest, _hsmlab_hsm_v1_LogoutResponse, _hsmlab_hsm_v1_LogoutRequest__Output, _hsmlab_hsm_v1_LogoutResponse__Output>
  SetAttributes: MethodDefinition<_hsmlab_hsm_v1_SetAttributesRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_SetAttributesRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  ShareKey: MethodDefinition<_hsmlab_hsm_v1_ShareKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_ShareKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  Sign: MethodDefinition<_hsmlab_hsm_v1_SignRequest, _hsmlab_hsm_v1_SignResponse, _hsmlab_hsm_v1_SignRequest__Output, _hsmlab_hsm_v1_SignResponse__Output>
  UnlockUser: MethodDefinition<_hsmlab_hsm_v1_UnlockUserRequest, _hsmlab_hsm_v1_UserResponse, _hsmlab_hsm_v1_UnlockUserRequest__Output, _hsmlab_hsm_v1_UserResponse__Output>
  UnshareKey: MethodDefinition<_hsmlab_hsm_v1_ShareKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_ShareKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  UnwrapKey: MethodDefinition<_hsmlab_hsm_v1_UnwrapKeyRequest, _hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_UnwrapKeyRequest__Output, _hsmlab_hsm_v1_KeyResponse__Output>
  Verify: MethodDefinition<_hsmlab_hsm_v1_VerifyRequest, _hsmlab_hsm_v1_VerifyResponse, _hsmlab_hsm_v1_VerifyRequest__Output, _hsmlab_hsm_v1_VerifyResponse__Output>
  WrapKey: MethodDefinition<_hsmlab_hsm_v1_WrapKeyRequest, _hsmlab_hsm_v1_WrapKeyResponse, _hsmlab_hsm_v1_WrapKeyRequest__Output, _hsmlab_hsm_v1_WrapKeyResponse__Output>
}
