import type { sendUnaryData, ServerUnaryCall, ServerWritableStream } from '@grpc/grpc-js';
import type { Logger } from '@hsmlab/common';
import type { OrchestratorHandlers, orchestratorV1 } from '@hsmlab/proto';
import type { BackupService } from '../backup-service';
import type { ClusterService } from '../cluster-service';
import type { OrchestratorMetrics } from '../metrics';
import { toServiceError } from './grpc-status';
import { rejectMalformed } from './malformed-request';
import { toBackupMessage, toClusterMessage, toHsmMessage } from './views';
import type { WatchHub } from './watch-hub';

/** ControlServiceDeps are what the control-plane handlers call into. */
export interface ControlServiceDeps {
  clusters: ClusterService;
  backups: BackupService;
  hub: WatchHub;
  metrics: OrchestratorMetrics;
  logger: Logger;
}

function unary<Req, Res>(
  method: string,
  logger: Logger,
  run: (request: Req) => Promise<Res> | Res,
) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    Promise.resolve()
      .then(() => {
        rejectMalformed(call.request);
        return run(call.request);
      })
      .then(
        (value) => callback(null, value),
        (err: unknown) => {
          const serviceError = toServiceError(err);
          logger.info(
            { method, code: serviceError.code, err: serviceError.details },
            'control call failed',
          );
          callback(serviceError);
        },
      );
  };
}

/**
 * createControlHandlers implements orchestrator.proto on top of the
 * services. Unary handlers translate, call, and map errors in one place;
 * WatchCluster sends a SNAPSHOT, then every event until the client leaves.
 */
export function createControlHandlers(deps: ControlServiceDeps): OrchestratorHandlers {
  const { clusters, backups, hub, metrics, logger } = deps;
  const u = <Req, Res>(method: string, run: (request: Req) => Promise<Res> | Res) =>
    unary(method, logger, run);
  return {
    CreateCluster: u('CreateCluster', async () => toClusterMessage(await clusters.createCluster())),
    DescribeCluster: u('DescribeCluster', (r: orchestratorV1.DescribeClusterRequest__Output) =>
      toClusterMessage(clusters.getCluster(r.clusterId)),
    ),
    ListClusters: u('ListClusters', () => ({
      clusters: clusters.listClusters().map(toClusterMessage),
    })),
    InitializeCluster: u(
      'InitializeCluster',
      async (r: orchestratorV1.InitializeClusterRequest__Output) =>
        toClusterMessage(await clusters.initializeCluster(r.clusterId)),
    ),
    AddHsm: u('AddHsm', async (r: orchestratorV1.AddHsmRequest__Output) =>
      toHsmMessage(
        await clusters.addHsm({
          clusterId: r.clusterId,
          address: r.address,
          az: r.az || undefined,
          hsmId: r.hsmId || undefined,
        }),
      ),
    ),
    RemoveHsm: u('RemoveHsm', async (r: orchestratorV1.RemoveHsmRequest__Output) =>
      toHsmMessage(await clusters.removeHsm(r.clusterId, r.hsmId)),
    ),
    CreateBackup: u('CreateBackup', async (r: orchestratorV1.CreateBackupRequest__Output) =>
      toBackupMessage(await backups.createBackup(r.clusterId)),
    ),
    ListBackups: u('ListBackups', (r: orchestratorV1.ListBackupsRequest__Output) => ({
      backups: backups.listBackups(r.clusterId).map(toBackupMessage),
    })),
    DeleteBackup: u('DeleteBackup', async (r: orchestratorV1.DeleteBackupRequest__Output) =>
      toBackupMessage(await backups.deleteBackup(r.backupId)),
    ),
    RestoreBackup: u('RestoreBackup', async (r: orchestratorV1.RestoreBackupRequest__Output) =>
      toBackupMessage(await backups.restoreBackup(r.backupId)),
    ),
    ApplyBackup: u('ApplyBackup', async (r: orchestratorV1.ApplyBackupRequest__Output) => {
      const result = await backups.applyBackup(r.backupId, r.clusterId);
      return {
        backup: toBackupMessage(result.backup),
        hsmId: result.hsmId,
        objectsApplied: result.objectsApplied,
      };
    }),
    CreateClusterFromBackup: u(
      'CreateClusterFromBackup',
      async (r: orchestratorV1.CreateClusterFromBackupRequest__Output) =>
        toClusterMessage(await backups.createClusterFromBackup(r.backupId)),
    ),
    WatchCluster: (
      call: ServerWritableStream<
        orchestratorV1.WatchClusterRequest__Output,
        orchestratorV1.ClusterEvent
      >,
    ) => {
      let cluster;
      try {
        rejectMalformed(call.request);
        cluster = clusters.getCluster(call.request.clusterId);
      } catch (err) {
        call.emit('error', toServiceError(err));
        return;
      }
      call.write({ kind: 'SNAPSHOT', cluster: toClusterMessage(cluster), hsmId: '' });
      const unsubscribe = hub.subscribe(cluster.clusterId, (event) => call.write(event));
      metrics.watchers.set(hub.watcherCount());
      const end = (): void => {
        unsubscribe();
        metrics.watchers.set(hub.watcherCount());
      };
      call.on('cancelled', end);
      call.on('close', end);
      call.on('error', end);
    },
  };
}
