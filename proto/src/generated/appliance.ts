import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApplianceClient as _hsmlab_appliance_v1_ApplianceClient, ApplianceDefinition as _hsmlab_appliance_v1_ApplianceDefinition } from './hsmlab/appliance/v1/Appliance';
import type { ApplianceStatus as _hsmlab_appliance_v1_ApplianceStatus, ApplianceStatus__Output as _hsmlab_appliance_v1_ApplianceStatus__Output } from './hsmlab/appliance/v1/ApplianceStatus';
import type { BackupManifest as _hsmlab_appliance_v1_BackupManifest, BackupManifest__Output as _hsmlab_appliance_v1_BackupManifest__Output } from './hsmlab/appliance/v1/BackupManifest';
import type { BackupPart as _hsmlab_appliance_v1_BackupPart, BackupPart__Output as _hsmlab_appliance_v1_BackupPart__Output } from './hsmlab/appliance/v1/BackupPart';
import type { CreateBackupRequest as _hsmlab_appliance_v1_CreateBackupRequest, CreateBackupRequest__Output as _hsmlab_appliance_v1_CreateBackupRequest__Output } from './hsmlab/appliance/v1/CreateBackupRequest';
import type { ExportMaskedRequest as _hsmlab_appliance_v1_ExportMaskedRequest, ExportMaskedRequest__Output as _hsmlab_appliance_v1_ExportMaskedRequest__Output } from './hsmlab/appliance/v1/ExportMaskedRequest';
import type { ExportMaskedResponse as _hsmlab_appliance_v1_ExportMaskedResponse, ExportMaskedResponse__Output as _hsmlab_appliance_v1_ExportMaskedResponse__Output } from './hsmlab/appliance/v1/ExportMaskedResponse';
import type { GetJoinRequestRequest as _hsmlab_appliance_v1_GetJoinRequestRequest, GetJoinRequestRequest__Output as _hsmlab_appliance_v1_GetJoinRequestRequest__Output } from './hsmlab/appliance/v1/GetJoinRequestRequest';
import type { GetStatusRequest as _hsmlab_appliance_v1_GetStatusRequest, GetStatusRequest__Output as _hsmlab_appliance_v1_GetStatusRequest__Output } from './hsmlab/appliance/v1/GetStatusRequest';
import type { ImportMaskedRequest as _hsmlab_appliance_v1_ImportMaskedRequest, ImportMaskedRequest__Output as _hsmlab_appliance_v1_ImportMaskedRequest__Output } from './hsmlab/appliance/v1/ImportMaskedRequest';
import type { ImportMaskedResponse as _hsmlab_appliance_v1_ImportMaskedResponse, ImportMaskedResponse__Output as _hsmlab_appliance_v1_ImportMaskedResponse__Output } from './hsmlab/appliance/v1/ImportMaskedResponse';
import type { ImportResult as _hsmlab_appliance_v1_ImportResult, ImportResult__Output as _hsmlab_appliance_v1_ImportResult__Output } from './hsmlab/appliance/v1/ImportResult';
import type { InitializeClusterRequest as _hsmlab_appliance_v1_InitializeClusterRequest, InitializeClusterRequest__Output as _hsmlab_appliance_v1_InitializeClusterRequest__Output } from './hsmlab/appliance/v1/InitializeClusterRequest';
import type { JoinGrant as _hsmlab_appliance_v1_JoinGrant, JoinGrant__Output as _hsmlab_appliance_v1_JoinGrant__Output } from './hsmlab/appliance/v1/JoinGrant';
import type { JoinRequest as _hsmlab_appliance_v1_JoinRequest, JoinRequest__Output as _hsmlab_appliance_v1_JoinRequest__Output } from './hsmlab/appliance/v1/JoinRequest';
import type { ListDigestsRequest as _hsmlab_appliance_v1_ListDigestsRequest, ListDigestsRequest__Output as _hsmlab_appliance_v1_ListDigestsRequest__Output } from './hsmlab/appliance/v1/ListDigestsRequest';
import type { ListDigestsResponse as _hsmlab_appliance_v1_ListDigestsResponse, ListDigestsResponse__Output as _hsmlab_appliance_v1_ListDigestsResponse__Output } from './hsmlab/appliance/v1/ListDigestsResponse';
import type { ObjectDigest as _hsmlab_appliance_v1_ObjectDigest, ObjectDigest__Output as _hsmlab_appliance_v1_ObjectDigest__Output } from './hsmlab/appliance/v1/ObjectDigest';
import type { RestoreBackupResponse as _hsmlab_appliance_v1_RestoreBackupResponse, RestoreBackupResponse__Output as _hsmlab_appliance_v1_RestoreBackupResponse__Output } from './hsmlab/appliance/v1/RestoreBackupResponse';
import type { ActivateOfficerRequest as _hsmlab_hsm_v1_ActivateOfficerRequest, ActivateOfficerRequest__Output as _hsmlab_hsm_v1_ActivateOfficerRequest__Output } from './hsmlab/hsm/v1/ActivateOfficerRequest';
import type { ActivateOfficerResponse as _hsmlab_hsm_v1_ActivateOfficerResponse, ActivateOfficerResponse__Output as _hsmlab_hsm_v1_ActivateOfficerResponse__Output } from './hsmlab/hsm/v1/ActivateOfficerResponse';
import type { ChangePasswordRequest as _hsmlab_hsm_v1_ChangePasswordRequest, ChangePasswordRequest__Output as _hsmlab_hsm_v1_ChangePasswordRequest__Output } from './hsmlab/hsm/v1/ChangePasswordRequest';
import type { CreateUserRequest as _hsmlab_hsm_v1_CreateUserRequest, CreateUserRequest__Output as _hsmlab_hsm_v1_CreateUserRequest__Output } from './hsmlab/hsm/v1/CreateUserRequest';
import type { CryptoCall as _hsmlab_hsm_v1_CryptoCall, CryptoCall__Output as _hsmlab_hsm_v1_CryptoCall__Output } from './hsmlab/hsm/v1/CryptoCall';
import type { CryptoResult as _hsmlab_hsm_v1_CryptoResult, CryptoResult__Output as _hsmlab_hsm_v1_CryptoResult__Output } from './hsmlab/hsm/v1/CryptoResult';
import type { CryptoStreamRequest as _hsmlab_hsm_v1_CryptoStreamRequest, CryptoStreamRequest__Output as _hsmlab_hsm_v1_CryptoStreamRequest__Output } from './hsmlab/hsm/v1/CryptoStreamRequest';
import type { CryptoStreamResponse as _hsmlab_hsm_v1_CryptoStreamResponse, CryptoStreamResponse__Output as _hsmlab_hsm_v1_CryptoStreamResponse__Output } from './hsmlab/hsm/v1/CryptoStreamResponse';
import type { DecryptRequest as _hsmlab_hsm_v1_DecryptRequest, DecryptRequest__Output as _hsmlab_hsm_v1_DecryptRequest__Output } from './hsmlab/hsm/v1/DecryptRequest';
import type { DecryptResponse as _hsmlab_hsm_v1_DecryptResponse, DecryptResponse__Output as _hsmlab_hsm_v1_DecryptResponse__Output } from './hsmlab/hsm/v1/DecryptResponse';
import type { DeleteKeyRequest as _hsmlab_hsm_v1_DeleteKeyRequest, DeleteKeyRequest__Output as _hsmlab_hsm_v1_DeleteKeyRequest__Output } from './hsmlab/hsm/v1/DeleteKeyRequest';
import type { DeleteKeyResponse as _hsmlab_hsm_v1_DeleteKeyResponse, DeleteKeyResponse__Output as _hsmlab_hsm_v1_DeleteKeyResponse__Output } from './hsmlab/hsm/v1/DeleteKeyResponse';
import type { DeleteUserRequest as _hsmlab_hsm_v1_DeleteUserRequest, DeleteUserRequest__Output as _hsmlab_hsm_v1_DeleteUserRequest__Output } from './hsmlab/hsm/v1/DeleteUserRequest';
import type { DeleteUserResponse as _hsmlab_hsm_v1_DeleteUserResponse, DeleteUserResponse__Output as _hsmlab_hsm_v1_DeleteUserResponse__Output } from './hsmlab/hsm/v1/DeleteUserResponse';
import type { DeriveKeyRequest as _hsmlab_hsm_v1_DeriveKeyRequest, DeriveKeyRequest__Output as _hsmlab_hsm_v1_DeriveKeyRequest__Output } from './hsmlab/hsm/v1/DeriveKeyRequest';
import type { DigestRequest as _hsmlab_hsm_v1_DigestRequest, DigestRequest__Output as _hsmlab_hsm_v1_DigestRequest__Output } from './hsmlab/hsm/v1/DigestRequest';
import type { DigestResponse as _hsmlab_hsm_v1_DigestResponse, DigestResponse__Output as _hsmlab_hsm_v1_DigestResponse__Output } from './hsmlab/hsm/v1/DigestResponse';
import type { EncryptRequest as _hsmlab_hsm_v1_EncryptRequest, EncryptRequest__Output as _hsmlab_hsm_v1_EncryptRequest__Output } from './hsmlab/hsm/v1/EncryptRequest';
import type { EncryptResponse as _hsmlab_hsm_v1_EncryptResponse, EncryptResponse__Output as _hsmlab_hsm_v1_EncryptResponse__Output } from './hsmlab/hsm/v1/EncryptResponse';
import type { ExportMaskedObjectRequest as _hsmlab_hsm_v1_ExportMaskedObjectRequest, ExportMaskedObjectRequest__Output as _hsmlab_hsm_v1_ExportMaskedObjectRequest__Output } from './hsmlab/hsm/v1/ExportMaskedObjectRequest';
import type { FindKeysRequest as _hsmlab_hsm_v1_FindKeysRequest, FindKeysRequest__Output as _hsmlab_hsm_v1_FindKeysRequest__Output } from './hsmlab/hsm/v1/FindKeysRequest';
import type { FindKeysResponse as _hsmlab_hsm_v1_FindKeysResponse, FindKeysResponse__Output as _hsmlab_hsm_v1_FindKeysResponse__Output } from './hsmlab/hsm/v1/FindKeysResponse';
import type { GenerateKeyPairRequest as _hsmlab_hsm_v1_GenerateKeyPairRequest, GenerateKeyPairRequest__Output as _hsmlab_hsm_v1_GenerateKeyPairRequest__Output } from './hsmlab/hsm/v1/GenerateKeyPairRequest';
import type { GenerateRandomRequest as _hsmlab_hsm_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _hsmlab_hsm_v1_GenerateRandomRequest__Output } from './hsmlab/hsm/v1/GenerateRandomRequest';
import type { GenerateRandomResponse as _hsmlab_hsm_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _hsmlab_hsm_v1_GenerateRandomResponse__Output } from './hsmlab/hsm/v1/GenerateRandomResponse';
import type { GenerateSymmetricKeyRequest as _hsmlab_hsm_v1_GenerateSymmetricKeyRequest, GenerateSymmetricKeyRequest__Output as _hsmlab_hsm_v1_GenerateSymmetricKeyRequest__Output } from './hsmlab/hsm/v1/GenerateSymmetricKeyRequest';
import type { GetKeyRequest as _hsmlab_hsm_v1_GetKeyRequest, GetKeyRequest__Output as _hsmlab_hsm_v1_GetKeyRequest__Output } from './hsmlab/hsm/v1/GetKeyRequest';
import type { GetNodeInfoRequest as _hsmlab_hsm_v1_GetNodeInfoRequest, GetNodeInfoRequest__Output as _hsmlab_hsm_v1_GetNodeInfoRequest__Output } from './hsmlab/hsm/v1/GetNodeInfoRequest';
import type { HsmClient as _hsmlab_hsm_v1_HsmClient, HsmDefinition as _hsmlab_hsm_v1_HsmDefinition } from './hsmlab/hsm/v1/Hsm';
import type { ImportKeyRequest as _hsmlab_hsm_v1_ImportKeyRequest, ImportKeyRequest__Output as _hsmlab_hsm_v1_ImportKeyRequest__Output } from './hsmlab/hsm/v1/ImportKeyRequest';
import type { ImportMaskedObjectRequest as _hsmlab_hsm_v1_ImportMaskedObjectRequest, ImportMaskedObjectRequest__Output as _hsmlab_hsm_v1_ImportMaskedObjectRequest__Output } from './hsmlab/hsm/v1/ImportMaskedObjectRequest';
import type { ImportMaskedObjectResponse as _hsmlab_hsm_v1_ImportMaskedObjectResponse, ImportMaskedObjectResponse__Output as _hsmlab_hsm_v1_ImportMaskedObjectResponse__Output } from './hsmlab/hsm/v1/ImportMaskedObjectResponse';
import type { KeyAttributes as _hsmlab_hsm_v1_KeyAttributes, KeyAttributes__Output as _hsmlab_hsm_v1_KeyAttributes__Output } from './hsmlab/hsm/v1/KeyAttributes';
import type { KeyInfo as _hsmlab_hsm_v1_KeyInfo, KeyInfo__Output as _hsmlab_hsm_v1_KeyInfo__Output } from './hsmlab/hsm/v1/KeyInfo';
import type { KeyPairResponse as _hsmlab_hsm_v1_KeyPairResponse, KeyPairResponse__Output as _hsmlab_hsm_v1_KeyPairResponse__Output } from './hsmlab/hsm/v1/KeyPairResponse';
import type { KeyResponse as _hsmlab_hsm_v1_KeyResponse, KeyResponse__Output as _hsmlab_hsm_v1_KeyResponse__Output } from './hsmlab/hsm/v1/KeyResponse';
import type { ListUsersRequest as _hsmlab_hsm_v1_ListUsersRequest, ListUsersRequest__Output as _hsmlab_hsm_v1_ListUsersRequest__Output } from './hsmlab/hsm/v1/ListUsersRequest';
import type { ListUsersResponse as _hsmlab_hsm_v1_ListUsersResponse, ListUsersResponse__Output as _hsmlab_hsm_v1_ListUsersResponse__Output } from './hsmlab/hsm/v1/ListUsersResponse';
import type { LoginRequest as _hsmlab_hsm_v1_LoginRequest, LoginRequest__Output as _hsmlab_hsm_v1_LoginRequest__Output } from './hsmlab/hsm/v1/LoginRequest';
import type { LoginResponse as _hsmlab_hsm_v1_LoginResponse, LoginResponse__Output as _hsmlab_hsm_v1_LoginResponse__Output } from './hsmlab/hsm/v1/LoginResponse';
import type { LogoutRequest as _hsmlab_hsm_v1_LogoutRequest, LogoutRequest__Output as _hsmlab_hsm_v1_LogoutRequest__Output } from './hsmlab/hsm/v1/LogoutRequest';
import type { LogoutResponse as _hsmlab_hsm_v1_LogoutResponse, LogoutResponse__Output as _hsmlab_hsm_v1_LogoutResponse__Output } from './hsmlab/hsm/v1/LogoutResponse';
import type { MaskedObject as _hsmlab_hsm_v1_MaskedObject, MaskedObject__Output as _hsmlab_hsm_v1_MaskedObject__Output } from './hsmlab/hsm/v1/MaskedObject';
import type { NodeInfo as _hsmlab_hsm_v1_NodeInfo, NodeInfo__Output as _hsmlab_hsm_v1_NodeInfo__Output } from './hsmlab/hsm/v1/NodeInfo';
import type { NodeLoad as _hsmlab_hsm_v1_NodeLoad, NodeLoad__Output as _hsmlab_hsm_v1_NodeLoad__Output } from './hsmlab/hsm/v1/NodeLoad';
import type { SetAttributesRequest as _hsmlab_hsm_v1_SetAttributesRequest, SetAttributesRequest__Output as _hsmlab_hsm_v1_SetAttributesRequest__Output } from './hsmlab/hsm/v1/SetAttributesRequest';
import type { ShareKeyRequest as _hsmlab_hsm_v1_ShareKeyRequest, ShareKeyRequest__Output as _hsmlab_hsm_v1_ShareKeyRequest__Output } from './hsmlab/hsm/v1/ShareKeyRequest';
import type { SignRequest as _hsmlab_hsm_v1_SignRequest, SignRequest__Output as _hsmlab_hsm_v1_SignRequest__Output } from './hsmlab/hsm/v1/SignRequest';
import type { SignResponse as _hsmlab_hsm_v1_SignResponse, SignResponse__Output as _hsmlab_hsm_v1_SignResponse__Output } from './hsmlab/hsm/v1/SignResponse';
import type { UnlockUserRequest as _hsmlab_hsm_v1_UnlockUserRequest, UnlockUserRequest__Output as _hsmlab_hsm_v1_UnlockUserRequest__Output } from './hsmlab/hsm/v1/UnlockUserRequest';
import type { UnwrapKeyRequest as _hsmlab_hsm_v1_UnwrapKeyRequest, UnwrapKeyRequest__Output as _hsmlab_hsm_v1_UnwrapKeyRequest__Output } from './hsmlab/hsm/v1/UnwrapKeyRequest';
import type { UserInfo as _hsmlab_hsm_v1_UserInfo, UserInfo__Output as _hsmlab_hsm_v1_UserInfo__Output } from './hsmlab/hsm/v1/UserInfo';
import type { UserResponse as _hsmlab_hsm_v1_UserResponse, UserResponse__Output as _hsmlab_hsm_v1_UserResponse__Output } from './hsmlab/hsm/v1/UserResponse';
import type { VerifyRequest as _hsmlab_hsm_v1_VerifyRequest, VerifyRequest__Output as _hsmlab_hsm_v1_VerifyRequest__Output } from './hsmlab/hsm/v1/VerifyRequest';
import type { VerifyResponse as _hsmlab_hsm_v1_VerifyResponse, VerifyResponse__Output as _hsmlab_hsm_v1_VerifyResponse__Output } from './hsmlab/hsm/v1/VerifyResponse';
import type { Version as _hsmlab_hsm_v1_Version, Version__Output as _hsmlab_hsm_v1_Version__Output } from './hsmlab/hsm/v1/Version';
import type { WrapKeyRequest as _hsmlab_hsm_v1_WrapKeyRequest, WrapKeyRequest__Output as _hsmlab_hsm_v1_WrapKeyRequest__Output } from './hsmlab/hsm/v1/WrapKeyRequest';
import type { WrapKeyResponse as _hsmlab_hsm_v1_WrapKeyResponse, WrapKeyResponse__Output as _hsmlab_hsm_v1_WrapKeyResponse__Output } from './hsmlab/hsm/v1/WrapKeyResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  hsmlab: {
    appliance: {
      v1: {
        Appliance: SubtypeConstructor<typeof grpc.Client, _hsmlab_appliance_v1_ApplianceClient> & { service: _hsmlab_appliance_v1_ApplianceDefinition }
        ApplianceStatus: MessageTypeDefinition<_hsmlab_appliance_v1_ApplianceStatus, _hsmlab_appliance_v1_ApplianceStatus__Output>
        BackupManifest: MessageTypeDefinition<_hsmlab_appliance_v1_BackupManifest, _hsmlab_appliance_v1_BackupManifest__Output>
        BackupPart: MessageTypeDefinition<_hsmlab_appliance_v1_BackupPart, _hsmlab_appliance_v1_BackupPart__Output>
        CreateBackupRequest: MessageTypeDefinition<_hsmlab_appliance_v1_CreateBackupRequest, _hsmlab_appliance_v1_CreateBackupRequest__Output>
        ExportMaskedRequest: MessageTypeDefinition<_hsmlab_appliance_v1_ExportMaskedRequest, _hsmlab_appliance_v1_ExportMaskedRequest__Output>
        ExportMaskedResponse: MessageTypeDefinition<_hsmlab_appliance_v1_ExportMaskedResponse, _hsmlab_appliance_v1_ExportMaskedResponse__Output>
        GetJoinRequestRequest: MessageTypeDefinition<_hsmlab_appliance_v1_GetJoinRequestRequest, _hsmlab_appliance_v1_GetJoinRequestRequest__Output>
        GetStatusRequest: MessageTypeDefinition<_hsmlab_appliance_v1_GetStatusRequest, _hsmlab_appliance_v1_GetStatusRequest__Output>
        ImportMaskedRequest: MessageTypeDefinition<_hsmlab_appliance_v1_ImportMaskedRequest, _hsmlab_appliance_v1_ImportMaskedRequest__Output>
        ImportMaskedResponse: MessageTypeDefinition<_hsmlab_appliance_v1_ImportMaskedResponse, _hsmlab_appliance_v1_ImportMaskedResponse__Output>
        ImportResult: MessageTypeDefinition<_hsmlab_appliance_v1_ImportResult, _hsmlab_appliance_v1_ImportResult__Output>
        InitializeClusterRequest: MessageTypeDefinition<_hsmlab_appliance_v1_InitializeClusterRequest, _hsmlab_appliance_v1_InitializeClusterRequest__Output>
        JoinGrant: MessageTypeDefinition<_hsmlab_appliance_v1_JoinGrant, _hsmlab_appliance_v1_JoinGrant__Output>
        JoinRequest: MessageTypeDefinition<_hsmlab_appliance_v1_JoinRequest, _hsmlab_appliance_v1_JoinRequest__Output>
        ListDigestsRequest: MessageTypeDefinition<_hsmlab_appliance_v1_ListDigestsRequest, _hsmlab_appliance_v1_ListDigestsRequest__Output>
        ListDigestsResponse: MessageTypeDefinition<_hsmlab_appliance_v1_ListDigestsResponse, _hsmlab_appliance_v1_ListDigestsResponse__Output>
        ObjectDigest: MessageTypeDefinition<_hsmlab_appliance_v1_ObjectDigest, _hsmlab_appliance_v1_ObjectDigest__Output>
        RestoreBackupResponse: MessageTypeDefinition<_hsmlab_appliance_v1_RestoreBackupResponse, _hsmlab_appliance_v1_RestoreBackupResponse__Output>
      }
    }
    hsm: {
      v1: {
        ActivateOfficerRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ActivateOfficerRequest, _hsmlab_hsm_v1_ActivateOfficerRequest__Output>
        ActivateOfficerResponse: MessageTypeDefinition<_hsmlab_hsm_v1_ActivateOfficerResponse, _hsmlab_hsm_v1_ActivateOfficerResponse__Output>
        ChangePasswordRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ChangePasswordRequest, _hsmlab_hsm_v1_ChangePasswordRequest__Output>
        CreateUserRequest: MessageTypeDefinition<_hsmlab_hsm_v1_CreateUserRequest, _hsmlab_hsm_v1_CreateUserRequest__Output>
        CryptoCall: MessageTypeDefinition<_hsmlab_hsm_v1_CryptoCall, _hsmlab_hsm_v1_CryptoCall__Output>
        CryptoResult: MessageTypeDefinition<_hsmlab_hsm_v1_CryptoResult, _hsmlab_hsm_v1_CryptoResult__Output>
        CryptoStreamRequest: MessageTypeDefinition<_hsmlab_hsm_v1_CryptoStreamRequest, _hsmlab_hsm_v1_CryptoStreamRequest__Output>
        CryptoStreamResponse: MessageTypeDefinition<_hsmlab_hsm_v1_CryptoStreamResponse, _hsmlab_hsm_v1_CryptoStreamResponse__Output>
        Curve: EnumTypeDefinition
        DecryptRequest: MessageTypeDefinition<_hsmlab_hsm_v1_DecryptRequest, _hsmlab_hsm_v1_DecryptRequest__Output>
        DecryptResponse: MessageTypeDefinition<_hsmlab_hsm_v1_DecryptResponse, _hsmlab_hsm_v1_DecryptResponse__Output>
        DeleteKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_DeleteKeyRequest, _hsmlab_hsm_v1_DeleteKeyRequest__Output>
        DeleteKeyResponse: MessageTypeDefinition<_hsmlab_hsm_v1_DeleteKeyResponse, _hsmlab_hsm_v1_DeleteKeyResponse__Output>
        DeleteUserRequest: MessageTypeDefinition<_hsmlab_hsm_v1_DeleteUserRequest, _hsmlab_hsm_v1_DeleteUserRequest__Output>
        DeleteUserResponse: MessageTypeDefinition<_hsmlab_hsm_v1_DeleteUserResponse, _hsmlab_hsm_v1_DeleteUserResponse__Output>
        DeriveKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_DeriveKeyRequest, _hsmlab_hsm_v1_DeriveKeyRequest__Output>
        DigestAlgorithm: EnumTypeDefinition
        DigestRequest: MessageTypeDefinition<_hsmlab_hsm_v1_DigestRequest, _hsmlab_hsm_v1_DigestRequest__Output>
        DigestResponse: MessageTypeDefinition<_hsmlab_hsm_v1_DigestResponse, _hsmlab_hsm_v1_DigestResponse__Output>
        EncryptRequest: MessageTypeDefinition<_hsmlab_hsm_v1_EncryptRequest, _hsmlab_hsm_v1_EncryptRequest__Output>
        EncryptResponse: MessageTypeDefinition<_hsmlab_hsm_v1_EncryptResponse, _hsmlab_hsm_v1_EncryptResponse__Output>
        ExportMaskedObjectRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ExportMaskedObjectRequest, _hsmlab_hsm_v1_ExportMaskedObjectRequest__Output>
        FindKeysRequest: MessageTypeDefinition<_hsmlab_hsm_v1_FindKeysRequest, _hsmlab_hsm_v1_FindKeysRequest__Output>
        FindKeysResponse: MessageTypeDefinition<_hsmlab_hsm_v1_FindKeysResponse, _hsmlab_hsm_v1_FindKeysResponse__Output>
        GenerateKeyPairRequest: MessageTypeDefinition<_hsmlab_hsm_v1_GenerateKeyPairRequest, _hsmlab_hsm_v1_GenerateKeyPairRequest__Output>
        GenerateRandomRequest: MessageTypeDefinition<_hsmlab_hsm_v1_GenerateRandomRequest, _hsmlab_hsm_v1_GenerateRandomRequest__Output>
        GenerateRandomResponse: MessageTypeDefinition<_hsmlab_hsm_v1_GenerateRandomResponse, _hsmlab_hsm_v1_GenerateRandomResponse__Output>
        GenerateSymmetricKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_GenerateSymmetricKeyRequest, _hsmlab_hsm_v1_GenerateSymmetricKeyRequest__Output>
        GetKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_GetKeyRequest, _hsmlab_hsm_v1_GetKeyRequest__Output>
        GetNodeInfoRequest: MessageTypeDefinition<_hsmlab_hsm_v1_GetNodeInfoRequest, _hsmlab_hsm_v1_GetNodeInfoRequest__Output>
        Hsm: SubtypeConstructor<typeof grpc.Client, _hsmlab_hsm_v1_HsmClient> & { service: _hsmlab_hsm_v1_HsmDefinition }
        ImportKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ImportKeyRequest, _hsmlab_hsm_v1_ImportKeyRequest__Output>
        ImportMaskedObjectRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ImportMaskedObjectRequest, _hsmlab_hsm_v1_ImportMaskedObjectRequest__Output>
        ImportMaskedObjectResponse: MessageTypeDefinition<_hsmlab_hsm_v1_ImportMaskedObjectResponse, _hsmlab_hsm_v1_ImportMaskedObjectResponse__Output>
        ImportOutcome: EnumTypeDefinition
        KeyAttributes: MessageTypeDefinition<_hsmlab_hsm_v1_KeyAttributes, _hsmlab_hsm_v1_KeyAttributes__Output>
        KeyClass: EnumTypeDefinition
        KeyFormat: EnumTypeDefinition
        KeyInfo: MessageTypeDefinition<_hsmlab_hsm_v1_KeyInfo, _hsmlab_hsm_v1_KeyInfo__Output>
        KeyPairResponse: MessageTypeDefinition<_hsmlab_hsm_v1_KeyPairResponse, _hsmlab_hsm_v1_KeyPairResponse__Output>
        KeyResponse: MessageTypeDefinition<_hsmlab_hsm_v1_KeyResponse, _hsmlab_hsm_v1_KeyResponse__Output>
        KeyType: EnumTypeDefinition
        ListUsersRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ListUsersRequest, _hsmlab_hsm_v1_ListUsersRequest__Output>
        ListUsersResponse: MessageTypeDefinition<_hsmlab_hsm_v1_ListUsersResponse, _hsmlab_hsm_v1_ListUsersResponse__Output>
        LoginRequest: MessageTypeDefinition<_hsmlab_hsm_v1_LoginRequest, _hsmlab_hsm_v1_LoginRequest__Output>
        LoginResponse: MessageTypeDefinition<_hsmlab_hsm_v1_LoginResponse, _hsmlab_hsm_v1_LoginResponse__Output>
        LogoutRequest: MessageTypeDefinition<_hsmlab_hsm_v1_LogoutRequest, _hsmlab_hsm_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_hsmlab_hsm_v1_LogoutResponse, _hsmlab_hsm_v1_LogoutResponse__Output>
        MaskedObject: MessageTypeDefinition<_hsmlab_hsm_v1_MaskedObject, _hsmlab_hsm_v1_MaskedObject__Output>
        Mechanism: EnumTypeDefinition
        NodeInfo: MessageTypeDefinition<_hsmlab_hsm_v1_NodeInfo, _hsmlab_hsm_v1_NodeInfo__Output>
        NodeLoad: MessageTypeDefinition<_hsmlab_hsm_v1_NodeLoad, _hsmlab_hsm_v1_NodeLoad__Output>
        ObjectType: EnumTypeDefinition
        Role: EnumTypeDefinition
        SetAttributesRequest: MessageTypeDefinition<_hsmlab_hsm_v1_SetAttributesRequest, _hsmlab_hsm_v1_SetAttributesRequest__Output>
        ShareKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_ShareKeyRequest, _hsmlab_hsm_v1_ShareKeyRequest__Output>
        SignRequest: MessageTypeDefinition<_hsmlab_hsm_v1_SignRequest, _hsmlab_hsm_v1_SignRequest__Output>
        SignResponse: MessageTypeDefinition<_hsmlab_hsm_v1_SignResponse, _hsmlab_hsm_v1_SignResponse__Output>
        SignatureFormat: EnumTypeDefinition
        UnlockUserRequest: MessageTypeDefinition<_hsmlab_hsm_v1_UnlockUserRequest, _hsmlab_hsm_v1_UnlockUserRequest__Output>
        UnwrapKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_UnwrapKeyRequest, _hsmlab_hsm_v1_UnwrapKeyRequest__Output>
        UserInfo: MessageTypeDefinition<_hsmlab_hsm_v1_UserInfo, _hsmlab_hsm_v1_UserInfo__Output>
        UserResponse: MessageTypeDefinition<_hsmlab_hsm_v1_UserResponse, _hsmlab_hsm_v1_UserResponse__Output>
        VerifyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_VerifyRequest, _hsmlab_hsm_v1_VerifyRequest__Output>
        VerifyResponse: MessageTypeDefinition<_hsmlab_hsm_v1_VerifyResponse, _hsmlab_hsm_v1_VerifyResponse__Output>
        Version: MessageTypeDefinition<_hsmlab_hsm_v1_Version, _hsmlab_hsm_v1_Version__Output>
        WrapKeyRequest: MessageTypeDefinition<_hsmlab_hsm_v1_WrapKeyRequest, _hsmlab_hsm_v1_WrapKeyRequest__Output>
        WrapKeyResponse: MessageTypeDefinition<_hsmlab_hsm_v1_WrapKeyResponse, _hsmlab_hsm_v1_WrapKeyResponse__Output>
      }
    }
  }
}

