// Original file: proto/orchestrator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddHsmRequest as _hsmlab_orchestrator_v1_AddHsmRequest, AddHsmRequest__Output as _hsmlab_orchestrator_v1_AddHsmRequest__Output } from '../../../hsmlab/orchestrator/v1/AddHsmRequest';
import type { ApplyBackupRequest as _hsmlab_orchestrator_v1_ApplyBackupRequest, ApplyBackupRequest__Output as _hsmlab_orchestrator_v1_ApplyBackupRequest__Output } from '../../../hsmlab/orchestrator/v1/ApplyBackupRequest';
import type { ApplyBackupResponse as _hsmlab_orchestrator_v1_ApplyBackupResponse, ApplyBackupResponse__Output as _hsmlab_orchestrator_v1_ApplyBackupResponse__Output } from '../../../hsmlab/orchestrator/v1/ApplyBackupResponse';
import type { Backup as _hsmlab_orchestrator_v1_Backup, Backup__Output as _hsmlab_orchestrator_v1_Backup__Output } from '../../../hsmlab/orchestrator/v1/Backup';
import type { Cluster as _hsmlab_orchestrator_v1_Cluster, Cluster__Output as _hsmlab_orchestrator_v1_Cluster__Output } from '../../../hsmlab/orchestrator/v1/Cluster';
import type { ClusterEvent as _hsmlab_orchestrator_v1_ClusterEvent, ClusterEvent__Output as _hsmlab_orchestrator_v1_ClusterEvent__Output } from '../../../hsmlab/orchestrator/v1/ClusterEvent';
import type { CreateBackupRequest as _hsmlab_orchestrator_v1_CreateBackupRequest, CreateBackupRequest__Output as _hsmlab_orchestrator_v1_CreateBackupRequest__Output } from '../../../hsmlab/orchestrator/v1/CreateBackupRequest';
import type { CreateClusterFromBackupRequest as _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, CreateClusterFromBackupRequest__Output as _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest__Output } from '../../../hsmlab/orchestrator/v1/CreateClusterFromBackupRequest';
import type { CreateClusterRequest as _hsmlab_orchestrator_v1_CreateClusterRequest, CreateClusterRequest__Output as _hsmlab_orchestrator_v1_CreateClusterRequest__Output } from '../../../hsmlab/orchestrator/v1/CreateClusterRequest';
import type { DeleteBackupRequest as _hsmlab_orchestrator_v1_DeleteBackupRequest, DeleteBackupRequest__Output as _hsmlab_orchestrator_v1_DeleteBackupRequest__Output } from '../../../hsmlab/orchestrator/v1/DeleteBackupRequest';
import type { DescribeClusterRequest as _hsmlab_orchestrator_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _hsmlab_orchestrator_v1_DescribeClusterRequest__Output } from '../../../hsmlab/orchestrator/v1/DescribeClusterRequest';
import type { Hsm as _hsmlab_orchestrator_v1_Hsm, Hsm__Output as _hsmlab_orchestrator_v1_Hsm__Output } from '../../../hsmlab/orchestrator/v1/Hsm';
import type { InitializeClusterRequest as _hsmlab_orchestrator_v1_InitializeClusterRequest, InitializeClusterRequest__Output as _hsmlab_orchestrator_v1_InitializeClusterRequest__Output } from '../../../hsmlab/orchestrator/v1/InitializeClusterRequest';
import type { ListBackupsRequest as _hsmlab_orchestrator_v1_ListBackupsRequest, ListBackupsRequest__Output as _hsmlab_orchestrator_v1_ListBackupsRequest__Output } from '../../../hsmlab/orchestrator/v1/ListBackupsRequest';
import type { ListBackupsResponse as _hsmlab_orchestrator_v1_ListBackupsResponse, ListBackupsResponse__Output as _hsmlab_orchestrator_v1_ListBackupsResponse__Output } from '../../../hsmlab/orchestrator/v1/ListBackupsResponse';
import type { ListClustersRequest as _hsmlab_orchestrator_v1_ListClustersRequest, ListClustersRequest__Output as _hsmlab_orchestrator_v1_ListClustersRequest__Output } from '../../../hsmlab/orchestrator/v1/ListClustersRequest';
import type { ListClustersResponse as _hsmlab_orchestrator_v1_ListClustersResponse, ListClustersResponse__Output as _hsmlab_orchestrator_v1_ListClustersResponse__Output } from '../../../hsmlab/orchestrator/v1/ListClustersResponse';
import type { RemoveHsmRequest as _hsmlab_orchestrator_v1_RemoveHsmRequest, RemoveHsmRequest__Output as _hsmlab_orchestrator_v1_RemoveHsmRequest__Output } from '../../../hsmlab/orchestrator/v1/RemoveHsmRequest';
import type { RestoreBackupRequest as _hsmlab_orchestrator_v1_RestoreBackupRequest, RestoreBackupRequest__Output as _hsmlab_orchestrator_v1_RestoreBackupRequest__Output } from '../../../hsmlab/orchestrator/v1/RestoreBackupRequest';
import type { WatchClusterRequest as _hsmlab_orchestrator_v1_WatchClusterRequest, WatchClusterRequest__Output as _hsmlab_orchestrator_v1_WatchClusterRequest__Output } from '../../../hsmlab/orchestrator/v1/WatchClusterRequest';

export interface OrchestratorClient extends grpc.Client {
  AddHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  AddHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  AddHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  AddHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  addHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  addHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  addHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  addHsm(argument: _hsmlab_orchestrator_v1_AddHsmRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  
  ApplyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  ApplyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  ApplyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  ApplyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  applyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  applyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  applyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  applyBackup(argument: _hsmlab_orchestrator_v1_ApplyBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ApplyBackupResponse__Output>): grpc.ClientUnaryCall;
  
  CreateBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  CreateBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  CreateBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  CreateBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  createBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  createBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  createBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  createBackup(argument: _hsmlab_orchestrator_v1_CreateBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  
  CreateCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createCluster(argument: _hsmlab_orchestrator_v1_CreateClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  
  CreateClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  CreateClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  createClusterFromBackup(argument: _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  
  DeleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  DeleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  DeleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  DeleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  deleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  deleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  deleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  deleteBackup(argument: _hsmlab_orchestrator_v1_DeleteBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  
  DescribeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _hsmlab_orchestrator_v1_DescribeClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  
  InitializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  InitializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  initializeCluster(argument: _hsmlab_orchestrator_v1_InitializeClusterRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Cluster__Output>): grpc.ClientUnaryCall;
  
  ListBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  ListBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  ListBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  ListBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  listBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  listBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  listBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  listBackups(argument: _hsmlab_orchestrator_v1_ListBackupsRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListBackupsResponse__Output>): grpc.ClientUnaryCall;
  
  ListClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  ListClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  ListClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  ListClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  listClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  listClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  listClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  listClusters(argument: _hsmlab_orchestrator_v1_ListClustersRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_ListClustersResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  RemoveHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  RemoveHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  RemoveHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  removeHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  removeHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  removeHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  removeHsm(argument: _hsmlab_orchestrator_v1_RemoveHsmRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Hsm__Output>): grpc.ClientUnaryCall;
  
  RestoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  RestoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  RestoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  RestoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  restoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  restoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  restoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  restoreBackup(argument: _hsmlab_orchestrator_v1_RestoreBackupRequest, callback: grpc.requestCallback<_hsmlab_orchestrator_v1_Backup__Output>): grpc.ClientUnaryCall;
  
  WatchCluster(argument: _hsmlab_orchestrator_v1_WatchClusterRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_orchestrator_v1_ClusterEvent__Output>;
  WatchCluster(argument: _hsmlab_orchestrator_v1_WatchClusterRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_orchestrator_v1_ClusterEvent__Output>;
  watchCluster(argument: _hsmlab_orchestrator_v1_WatchClusterRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_orchestrator_v1_ClusterEvent__Output>;
  watchCluster(argument: _hsmlab_orchestrator_v1_WatchClusterRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_hsmlab_orchestrator_v1_ClusterEvent__Output>;
  
}

export interface OrchestratorHandlers extends grpc.UntypedServiceImplementation {
  AddHsm: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_AddHsmRequest__Output, _hsmlab_orchestrator_v1_Hsm>;
  
  ApplyBackup: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_ApplyBackupRequest__Output, _hsmlab_orchestrator_v1_ApplyBackupResponse>;
  
  CreateBackup: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_CreateBackupRequest__Output, _hsmlab_orchestrator_v1_Backup>;
  
  CreateCluster: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_CreateClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster>;
  
  CreateClusterFromBackup: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_CreateClusterFromBackupRequest__Output, _hsmlab_orchestrator_v1_Cluster>;
  
  DeleteBackup: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_DeleteBackupRequest__Output, _hsmlab_orchestrator_v1_Backup>;
  
  DescribeCluster: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_DescribeClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster>;
  
  InitializeCluster: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_InitializeClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster>;
  
  ListBackups: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_ListBackupsRequest__Output, _hsmlab_orchestrator_v1_ListBackupsResponse>;
  
  ListClusters: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_ListClustersRequest__Output, _hsmlab_orchestrator_v1_ListClustersResponse>;
  
  RemoveHsm: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_RemoveHsmRequest__Output, _hsmlab_orchestrator_v1_Hsm>;
  
  RestoreBackup: grpc.handleUnaryCall<_hsmlab_orchestrator_v1_RestoreBackupRequest__Output, _hsmlab_orchestrator_v1_Backup>;
  
  WatchCluster: grpc.handleServerStreamingCall<_hsmlab_orchestrator_v1_WatchClusterRequest__Output, _hsmlab_orchestrator_v1_ClusterEvent>;
  
}

export interface OrchestratorDefinition extends grpc.ServiceDefinition {
  AddHsm: MethodDefinition<_hsmlab_orchestrator_v1_AddHsmRequest, _hsmlab_orchestrator_v1_Hsm, _hsmlab_orchestrator_v1_AddHsmRequest__Output, _hsmlab_orchestrator_v1_Hsm__Output>
  ApplyBackup: MethodDefinition<_hsmlab_orchestrator_v1_ApplyBackupRequest, _hsmlab_orchestrator_v1_ApplyBackupResponse, _hsmlab_orchestrator_v1_ApplyBackupRequest__Output, _hsmlab_orchestrator_v1_ApplyBackupResponse__Output>
  CreateBackup: MethodDefinition<_hsmlab_orchestrator_v1_CreateBackupRequest, _hsmlab_orchestrator_v1_Backup, _hsmlab_orchestrator_v1_CreateBackupRequest__Output, _hsmlab_orchestrator_v1_Backup__Output>
  CreateCluster: MethodDefinition<_hsmlab_orchestrator_v1_CreateClusterRequest, _hsmlab_orchestrator_v1_Cluster, _hsmlab_orchestrator_v1_CreateClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster__Output>
  CreateClusterFromBackup: MethodDefinition<_hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, _hsmlab_orchestrator_v1_Cluster, _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest__Output, _hsmlab_orchestrator_v1_Cluster__Output>
  DeleteBackup: MethodDefinition<_hsmlab_orchestrator_v1_DeleteBackupRequest, _hsmlab_orchestrator_v1_Backup, _hsmlab_orchestrator_v1_DeleteBackupRequest__Output, _hsmlab_orchestrator_v1_Backup__Output>
  DescribeCluster: MethodDefinition<_hsmlab_orchestrator_v1_DescribeClusterRequest, _hsmlab_orchestrator_v1_Cluster, _hsmlab_orchestrator_v1_DescribeClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster__Output>
  InitializeCluster: MethodDefinition<_hsmlab_orchestrator_v1_InitializeClusterRequest, _hsmlab_orchestrator_v1_Cluster, _hsmlab_orchestrator_v1_InitializeClusterRequest__Output, _hsmlab_orchestrator_v1_Cluster__Output>
  ListBackups: MethodDefinition<_hsmlab_orchestrator_v1_ListBackupsRequest, _hsmlab_orchestrator_v1_ListBackupsResponse, _hsmlab_orchestrator_v1_ListBackupsRequest__Output, _hsmlab_orchestrator_v1_ListBackupsResponse__Output>
  ListClusters: MethodDefinition<_hsmlab_orchestrator_v1_ListClustersRequest, _hsmlab_orchestrator_v1_ListClustersResponse, _hsmlab_orchestrator_v1_ListClustersRequest__Output, _hsmlab_orchestrator_v1_ListClustersResponse__Output>
  RemoveHsm: MethodDefinition<_hsmlab_orchestrator_v1_RemoveHsmRequest, _hsmlab_orchestrator_v1_Hsm, _hsmlab_orchestrator_v1_RemoveHsmRequest__Output, _hsmlab_orchestrator_v1_Hsm__Output>
  RestoreBackup: MethodDefinition<_hsmlab_orchestrator_v1_RestoreBackupRequest, _hsmlab_orchestrator_v1_Backup, _hsmlab_orchestrator_v1_RestoreBackupRequest__Output, _hsmlab_orchestrator_v1_Backup__Output>
  WatchCluster: MethodDefinition<_hsmlab_orchestrator_v1_WatchClusterRequest, _hsmlab_orchestrator_v1_ClusterEvent, _hsmlab_orchestrator_v1_WatchClusterRequest__Output, _hsmlab_orchestrator_v1_ClusterEvent__Output>
}
