// Original file: proto/appliance.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApplianceStatus as _hsmlab_appliance_v1_ApplianceStatus, ApplianceStatus__Output as _hsmlab_appliance_v1_ApplianceStatus__Output } from '../../../hsmlab/appliance/v1/ApplianceStatus';
import type { BackupPart as _hsmlab_appliance_v1_BackupPart, BackupPart__Output as _hsmlab_appliance_v1_BackupPart__Output } from '../../../hsmlab/appliance/v1/BackupPart';
import type { CreateBackupRequest as _hsmlab_appliance_v1_CreateBackupRequest, CreateBackupRequest__Output as _hsmlab_appliance_v1_CreateBackupRequest__Output } from '../../../hsmlab/appliance/v1/CreateBackupRequest';
import type { ExportMaskedRequest as _hsmlab_appliance_v1_ExportMaskedRequest, ExportMaskedRequest__Output as _hsmlab_appliance_v1_ExportMaskedRequest__Output } from '../../../hsmlab/appliance/v1/ExportMaskedRequest';
import type { ExportMaskedResponse as _hsmlab_appliance_v1_ExportMaskedResponse, ExportMaskedResponse__Output as _hsmlab_appliance_v1_ExportMaskedResponse__Output } from '../../../hsmlab/appliance/v1/ExportMaskedResponse';
import type { GetJoinRequestRequest as _hsmlab_appliance_v1_GetJoinRequestRequest, GetJoinRequestRequest__Output as _hsmlab_appliance_v1_GetJoinRequestRequest__Output } from '../../../hsmlab/appliance/v1/GetJoinRequestRequest';
import type { GetStatusRequest as _hsmlab_appliance_v1_GetStatusRequest, GetStatusRequest__Output as _hsmlab_appliance_v1_GetStatusRequest__Output } from '../../../hsmlab/appliance/v1/GetStatusRequest';
import type { ImportMaskedRequest as _hsmlab_appliance_v1_ImportMaskedRequest, ImportMaskedRequest__Output as _hsmlab_appliance_v1_ImportMaskedRequest__Output } from '../../../hsmlab/appliance/v1/ImportMaskedRequest';
import type { ImportMaskedResponse as _hsmlab_appliance_v1_ImportMaskedResponse, ImportMaskedResponse__Output as _hsmlab_appliance_v1_ImportMaskedResponse__Output } from '../../../hsmlab/appliance/v1/ImportMaskedResponse';
import type { InitializeClusterRequest as _hsmlab_appliance_v1_InitializeClusterRequest, InitializeClusterRequest__Output as _hsmlab_appliance_v1_InitializeClusterRequest__Output } from '../../../hsmlab/appliance/v1/InitializeClusterRequest';
import type { JoinGrant as _hsmlab_appliance_v1_JoinGrant, JoinGrant__Output as _hsmlab_appliance_v1_JoinGrant__Output } from '../../../hsmlab/appliance/v1/JoinGrant';
import type { JoinRequest as _hsmlab_appliance_v1_JoinRequest, JoinRequest__Output as _hsmlab_appliance_v1_JoinRequest__Output } from '../../../hsmlab/appliance/v1/JoinRequest';
import type { ListDigestsRequest as _hsmlab_appliance_v1_ListDigestsRequest, ListDigestsRequest__Output as _hsmlab_appliance_v1_ListDigestsRequest__Output } from '../../../hsmlab/appliance/v1/ListDigestsRequest';
import type { ListDigestsResponse as _hsmlab_appliance_v1_ListDigestsResponse, ListDigestsResponse__Output as _hsmlab_appliance_v1_ListDigestsResponse__Output } from '../../../hsmlab/appliance/v1/ListDigestsResponse';
import type { RestoreBackupResponse as _hsmlab_appliance_v1_RestoreBackupResponse, RestoreBackupResponse__Output as _hsmlab_appliance_v1_RestoreBackupResponse__Output } from '../../../hsmlab/appliance/v1/RestoreBackupResponse';

export interface ApplianceClient extends grpc.Client {
  CompleteJoin(argument: _hsmlab_appliance_v1_JoinGrant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  CompleteJoin(argument: _hsmlab_appliance_v1_JoinGrant, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  CompleteJoin(argument: _hsmlab_appliance_v1_JoinGrant, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  CompleteJoin(argument: _hsmlab_appliance_v1_JoinGrant, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  completeJoin(argument: _hsmlab_appliance_v1_JoinGrant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  completeJoin(argument: _hsmlab_appliance_v1_JoinGrant, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  completeJoin(argument: _hsmlab_appliance_v1_JoinGrant, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  completeJoin(argument: _hsmlab_appliance_v1_JoinGrant, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  
  CreateBackup(argument: _hsmlab_appliance_v1_CreateBackupRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_appliance_v1_BackupPart__Output>;
  CreateBackup(argument: _hsmlab_appliance_v1_CreateBackupRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_appliance_v1_BackupPart__Output>;
  createBackup(argument: _hsmlab_appliance_v1_CreateBackupRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_appliance_v1_BackupPart__Output>;
  createBackup(argument: _hsmlab_appliance_v1_CreateBackupRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_appliance_v1_BackupPart__Output>;
  
  ExportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ExportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ExportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ExportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  exportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  exportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  exportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  exportMasked(argument: _hsmlab_appliance_v1_ExportMaskedRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ExportMaskedResponse__Output>): grpc.ClientUnaryCall;
  
  GetJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  GetJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  GetJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  GetJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  getJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  getJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  getJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  getJoinRequest(argument: _hsmlab_appliance_v1_GetJoinRequestRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinRequest__Output>): grpc.ClientUnaryCall;
  
  GetStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _hsmlab_appliance_v1_GetStatusRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  
  GrantJoin(argument: _hsmlab_appliance_v1_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  GrantJoin(argument: _hsmlab_appliance_v1_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  GrantJoin(argument: _hsmlab_appliance_v1_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  GrantJoin(argument: _hsmlab_appliance_v1_JoinRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  grantJoin(argument: _hsmlab_appliance_v1_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  grantJoin(argument: _hsmlab_appliance_v1_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  grantJoin(argument: _hsmlab_appliance_v1_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  grantJoin(argument: _hsmlab_appliance_v1_JoinRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_JoinGrant__Output>): grpc.ClientUnaryCall;
  
  ImportMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ImportMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ImportMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  ImportMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  importMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  importMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  importMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  importMasked(argument: _hsmlab_appliance_v1_ImportMaskedRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ImportMaskedResponse__Output>): grpc.ClientUnaryCall;
  
  InitializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_appliance_v1_InitializeClusterRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ApplianceStatus__Output>): grpc.ClientUnaryCall;
  
  ListDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _hsmlab_appliance_v1_ListDigestsRequest, callback: grpc.requestCallback<_hsmlab_appliance_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  
  RestoreBackup(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  RestoreBackup(metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  RestoreBackup(options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  RestoreBackup(callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  restoreBackup(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  restoreBackup(metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  restoreBackup(options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  restoreBackup(callback: grpc.requestCallback<_hsmlab_appliance_v1_RestoreBackupResponse__Output>): grpc.ClientWritableStream<_hsmlab_appliance_v1_BackupPart>;
  
}

export interface ApplianceHandlers extends grpc.UntypedServiceImplementation {
  CompleteJoin: grpc.handleUnaryCall<_hsmlab_appliance_v1_JoinGrant__Output, _hsmlab_appliance_v1_ApplianceStatus>;
  
  CreateBackup: grpc.handleServerStreamingCall<_hsmlab_appliance_v1_CreateBackupRequest__Output, _hsmlab_appliance_v1_BackupPart>;
  
  ExportMasked: grpc.handleUnaryCall<_hsmlab_appliance_v1_ExportMaskedRequest__Output, _hsmlab_appliance_v1_ExportMaskedResponse>;
  
  GetJoinRequest: grpc.handleUnaryCall<_hsmlab_appliance_v1_GetJoinRequestRequest__Output, _hsmlab_appliance_v1_JoinRequest>;
  
  GetStatus: grpc.handleUnaryCall<_hsmlab_appliance_v1_GetStatusRequest__Output, _hsmlab_appliance_v1_ApplianceStatus>;
  
  GrantJoin: grpc.handleUnaryCall<_hsmlab_appliance_v1_JoinRequest__Output, _hsmlab_appliance_v1_JoinGrant>;
  
  ImportMasked: grpc.handleUnaryCall<_hsmlab_appliance_v1_ImportMaskedRequest__Output, _hsmlab_appliance_v1_ImportMaskedResponse>;
  
  InitializeCluster: grpc.handleUnaryCall<_hsmlab_appliance_v1_InitializeClusterRequest__Output, _hsmlab_appliance_v1_ApplianceStatus>;
  
  ListDigests: grpc.handleUnaryCall<_hsmlab_appliance_v1_ListDigestsRequest__Output, _hsmlab_appliance_v1_ListDigestsResponse>;
  
  RestoreBackup: grpc.handleClientStreamingCall<_hsmlab_appliance_v1_BackupPart__Output, _hsmlab_appliance_v1_RestoreBackupResponse>;
  
}

export interface ApplianceDefinition extends grpc.ServiceDefinition {
  CompleteJoin: MethodDefinition<_hsmlab_appliance_v1_JoinGrant, _hsmlab_appliance_v1_ApplianceStatus, _hsmlab_appliance_v1_JoinGrant__Output, _hsmlab_appliance_v1_ApplianceStatus__Output>
  CreateBackup: MethodDefinition<_hsmlab_appliance_v1_CreateBackupRequest, _hsmlab_appliance_v1_BackupPart, _hsmlab_appliance_v1_CreateBackupRequest__Output, _hsmlab_appliance_v1_BackupPart__Output>
  ExportMasked: MethodDefinition<_hsmlab_appliance_v1_ExportMaskedRequest, _hsmlab_appliance_v1_ExportMaskedResponse, _hsmlab_appliance_v1_ExportMaskedRequest__Output, _hsmlab_appliance_v1_ExportMaskedResponse__Output>
  GetJoinRequest: MethodDefinition<_hsmlab_appliance_v1_GetJoinRequestRequest, _hsmlab_appliance_v1_JoinRequest, _hsmlab_appliance_v1_GetJoinRequestRequest__Output, _hsmlab_appliance_v1_JoinRequest__Output>
  GetStatus: MethodDefinition<_hsmlab_appliance_v1_GetStatusRequest, _hsmlab_appliance_v1_ApplianceStatus, _hsmlab_appliance_v1_GetStatusRequest__Output, _hsmlab_appliance_v1_ApplianceStatus__Output>
  GrantJoin: MethodDefinition<_hsmlab_appliance_v1_JoinRequest, _hsmlab_appliance_v1_JoinGrant, _hsmlab_appliance_v1_JoinRequest__Output, _hsmlab_appliance_v1_JoinGrant__Output>
  ImportMasked: MethodDefinition<_hsmlab_appliance_v1_ImportMaskedRequest, _hsmlab_appliance_v1_ImportMaskedResponse, _hsmlab_appliance_v1_ImportMaskedRequest__Output, _hsmlab_appliance_v1_ImportMaskedResponse__Output>
  InitializeCluster: MethodDefinition<_hsmlab_appliance_v1_InitializeClusterRequest, _hsmlab_appliance_v1_ApplianceStatus, _hsmlab_appliance_v1_InitializeClusterRequest__Output, _hsmlab_appliance_v1_ApplianceStatus__Output>
  ListDigests: MethodDefinition<_hsmlab_appliance_v1_ListDigestsRequest, _hsmlab_appliance_v1_ListDigestsResponse, _hsmlab_appliance_v1_ListDigestsRequest__Output, _hsmlab_appliance_v1_ListDigestsResponse__Output>
  RestoreBackup: MethodDefinition<_hsmlab_appliance_v1_BackupPart, _hsmlab_appliance_v1_RestoreBackupResponse, _hsmlab_appliance_v1_BackupPart__Output, _hsmlab_appliance_v1_RestoreBackupResponse__Output>
}
