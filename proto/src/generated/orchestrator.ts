import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddHsmRequest as _hsmlab_orchestrator_v1_AddHsmRequest, AddHsmRequest__Output as _hsmlab_orchestrator_v1_AddHsmRequest__Output } from './hsmlab/orchestrator/v1/AddHsmRequest';
import type { ApplyBackupRequest as _hsmlab_orchestrator_v1_ApplyBackupRequest, ApplyBackupRequest__Output as _hsmlab_orchestrator_v1_ApplyBackupRequest__Output } from './hsmlab/orchestrator/v1/ApplyBackupRequest';
import type { ApplyBackupResponse as _hsmlab_orchestrator_v1_ApplyBackupResponse, ApplyBackupResponse__Output as _hsmlab_orchestrator_v1_ApplyBackupResponse__Output } from './hsmlab/orchestrator/v1/ApplyBackupResponse';
import type { Backup as _hsmlab_orchestrator_v1_Backup, Backup__Output as _hsmlab_orchestrator_v1_Backup__Output } from './hsmlab/orchestrator/v1/Backup';
import type { Cluster as _hsmlab_orchestrator_v1_Cluster, Cluster__Output as _hsmlab_orchestrator_v1_Cluster__Output } from './hsmlab/orchestrator/v1/Cluster';
import type { ClusterEvent as _hsmlab_orchestrator_v1_ClusterEvent, ClusterEvent__Output as _hsmlab_orchestrator_v1_ClusterEvent__Output } from './hsmlab/orchestrator/v1/ClusterEvent';
import type { CreateBackupRequest as _hsmlab_orchestrator_v1_CreateBackupRequest, CreateBackupRequest__Output as _hsmlab_orchestrator_v1_CreateBackupRequest__Output } from './hsmlab/orchestrator/v1/CreateBackupRequest';
import type { CreateClusterFromBackupRequest as _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, CreateClusterFromBackupRequest__Output as _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest__Output } from './hsmlab/orchestrator/v1/CreateClusterFromBackupRequest';
import type { CreateClusterRequest as _hsmlab_orchestrator_v1_CreateClusterRequest, CreateClusterRequest__Output as _hsmlab_orchestrator_v1_CreateClusterRequest__Output } from './hsmlab/orchestrator/v1/CreateClusterRequest';
import type { DeleteBackupRequest as _hsmlab_orchestrator_v1_DeleteBackupRequest, DeleteBackupRequest__Output as _hsmlab_orchestrator_v1_DeleteBackupRequest__Output } from './hsmlab/orchestrator/v1/DeleteBackupRequest';
import type { DescribeClusterRequest as _hsmlab_orchestrator_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _hsmlab_orchestrator_v1_DescribeClusterRequest__Output } from './hsmlab/orchestrator/v1/DescribeClusterRequest';
import type { Hsm as _hsmlab_orchestrator_v1_Hsm, Hsm__Output as _hsmlab_orchestrator_v1_Hsm__Output } from './hsmlab/orchestrator/v1/Hsm';
import type { InitializeClusterRequest as _hsmlab_orchestrator_v1_InitializeClusterRequest, InitializeClusterRequest__Output as _hsmlab_orchestrator_v1_InitializeClusterRequest__Output } from './hsmlab/orchestrator/v1/InitializeClusterRequest';
import type { ListBackupsRequest as _hsmlab_orchestrator_v1_ListBackupsRequest, ListBackupsRequest__Output as _hsmlab_orchestrator_v1_ListBackupsRequest__Output } from './hsmlab/orchestrator/v1/ListBackupsRequest';
import type { ListBackupsResponse as _hsmlab_orchestrator_v1_ListBackupsResponse, ListBackupsResponse__Output as _hsmlab_orchestrator_v1_ListBackupsResponse__Output } from './hsmlab/orchestrator/v1/ListBackupsResponse';
import type { ListClustersRequest as _hsmlab_orchestrator_v1_ListClustersRequest, ListClustersRequest__Output as _hsmlab_orchestrator_v1_ListClustersRequest__Output } from './hsmlab/orchestrator/v1/ListClustersRequest';
import type { ListClustersResponse as _hsmlab_orchestrator_v1_ListClustersResponse, ListClustersResponse__Output as _hsmlab_orchestrator_v1_ListClustersResponse__Output } from './hsmlab/orchestrator/v1/ListClustersResponse';
import type { OrchestratorClient as _hsmlab_orchestrator_v1_OrchestratorClient, OrchestratorDefinition as _hsmlab_orchestrator_v1_OrchestratorDefinition } from './hsmlab/orchestrator/v1/Orchestrator';
import type { RemoveHsmRequest as _hsmlab_orchestrator_v1_RemoveHsmRequest, RemoveHsmRequest__Output as _hsmlab_orchestrator_v1_RemoveHsmRequest__Output } from './hsmlab/orchestrator/v1/RemoveHsmRequest';
import type { RestoreBackupRequest as _hsmlab_orchestrator_v1_RestoreBackupRequest, RestoreBackupRequest__Output as _hsmlab_orchestrator_v1_RestoreBackupRequest__Output } from './hsmlab/orchestrator/v1/RestoreBackupRequest';
import type { WatchClusterRequest as _hsmlab_orchestrator_v1_WatchClusterRequest, WatchClusterRequest__Output as _hsmlab_orchestrator_v1_WatchClusterRequest__Output } from './hsmlab/orchestrator/v1/WatchClusterRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  hsmlab: {
    orchestrator: {
      v1: {
        AddHsmRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_AddHsmRequest, _hsmlab_orchestrator_v1_AddHsmRequest__Output>
        ApplyBackupRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_ApplyBackupRequest, _hsmlab_orchestrator_v1_ApplyBackupRequest__Output>
        ApplyBackupResponse: MessageTypeDefinition<_hsmlab_orchestrator_v1_ApplyBackupResponse, _hsmlab_orchestrator_v1_ApplyBackupResponse__Output>
        Backup: MessageTypeDefinition<_hsmlab_orchestrator_v1_Backup, _hsmlab_orchestrator_v1_Backup__Output>
        Cluster: MessageTypeDefinition<_hsmlab_orchestrator_v1_Cluster, _hsmlab_orchestrator_v1_Cluster__Output>
        ClusterEvent: MessageTypeDefinition<_hsmlab_orchestrator_v1_ClusterEvent, _hsmlab_orchestrator_v1_ClusterEvent__Output>
        CreateBackupRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_CreateBackupRequest, _hsmlab_orchestrator_v1_CreateBackupRequest__Output>
        CreateClusterFromBackupRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_CreateClusterFromBackupRequest, _hsmlab_orchestrator_v1_CreateClusterFromBackupRequest__Output>
        CreateClusterRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_CreateClusterRequest, _hsmlab_orchestrator_v1_CreateClusterRequest__Output>
        DeleteBackupRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_DeleteBackupRequest, _hsmlab_orchestrator_v1_DeleteBackupRequest__Output>
        DescribeClusterRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_DescribeClusterRequest, _hsmlab_orchestrator_v1_DescribeClusterRequest__Output>
        Hsm: MessageTypeDefinition<_hsmlab_orchestrator_v1_Hsm, _hsmlab_orchestrator_v1_Hsm__Output>
        InitializeClusterRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_InitializeClusterRequest, _hsmlab_orchestrator_v1_InitializeClusterRequest__Output>
        ListBackupsRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_ListBackupsRequest, _hsmlab_orchestrator_v1_ListBackupsRequest__Output>
        ListBackupsResponse: MessageTypeDefinition<_hsmlab_orchestrator_v1_ListBackupsResponse, _hsmlab_orchestrator_v1_ListBackupsResponse__Output>
        ListClustersRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_ListClustersRequest, _hsmlab_orchestrator_v1_ListClustersRequest__Output>
        ListClustersResponse: MessageTypeDefinition<_hsmlab_orchestrator_v1_ListClustersResponse, _hsmlab_orchestrator_v1_ListClustersResponse__Output>
        Orchestrator: SubtypeConstructor<typeof grpc.Client, _hsmlab_orchestrator_v1_OrchestratorClient> & { service: _hsmlab_orchestrator_v1_OrchestratorDefinition }
        RemoveHsmRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_RemoveHsmRequest, _hsmlab_orchestrator_v1_RemoveHsmRequest__Output>
        RestoreBackupRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_RestoreBackupRequest, _hsmlab_orchestrator_v1_RestoreBackupRequest__Output>
        WatchClusterRequest: MessageTypeDefinition<_hsmlab_orchestrator_v1_WatchClusterRequest, _hsmlab_orchestrator_v1_WatchClusterRequest__Output>
      }
    }
  }
}

