import type { Logger } from '@hsmlab/common';
import type { BackupManager } from './backup/backup-manager';
import type { BackupMeta } from './backup/backup-policy';
import type { ClusterRounds } from './cluster-rounds';
import type { ClusterService } from './cluster-service';
import { InvalidArgumentError, PreconditionError, UnavailableError, errorMessage } from './errors';
import { BACKUP_ID_PATTERN } from './ids';
import type { ClusterRecord } from './model/records';
import { asNodeCallError, isTransientNodeError } from './node/node-call-error';
import type { NodePool } from './node/node-pool';
import { listAllDigests } from './sync/digest-pager';
import { maxVersionOf } from './backup/backup-integrity';
import { compareVersions, formatVersion, type VersionLike } from './sync/version';

/** ApplyResult is what ApplyBackup did. */
export interface ApplyResult {
  backup: BackupMeta;
  hsmId: string;
  objectsApplied: number;
}

/**
 * BackupService is the control plane's view of backups: on-demand backups,
 * delete and undelete, restoring a backup's objects into a cluster, and
 * making a new cluster from a backup. Every restore is checked before any
 * node sees it: the file's hash, the manifest (count, digest, order), the
 * masking domain, and that it does not roll the cluster back.
 */
export class BackupService {
  constructor(
    private readonly backups: BackupManager,
    private readonly clusters: ClusterService,
    private readonly rounds: ClusterRounds,
    private readonly pool: NodePool,
    private readonly pendingDeletionPeriodMs: number,
    private readonly logger: Logger,
  ) {}

  async createBackup(clusterId: string): Promise<BackupMeta> {
    const cluster = this.clusters.getCluster(clusterId);
    if (cluster.domainId === '')
      throw new PreconditionError(`cluster ${clusterId} is not initialised`);
    return this.backups.take(cluster, 'ON_DEMAND');
  }

  listBackups(clusterId: string): BackupMeta[] {
    if (clusterId !== '') this.clusters.getCluster(clusterId);
    return this.backups.list(clusterId === '' ? undefined : clusterId);
  }

  deleteBackup(backupId: string): Promise<BackupMeta> {
    checkBackupId(backupId);
    return this.backups.delete(backupId, this.pendingDeletionPeriodMs, this.rounds.pinnedBackups());
  }

  restoreBackup(backupId: string): Promise<BackupMeta> {
    checkBackupId(backupId);
    return this.backups.restore(backupId);
  }

  /**
   * applyBackup restores a backup's objects into a cluster of the same
   * masking domain. The cluster's newest object version is read from every
   * reachable ACTIVE HSM; a backup older than it is refused, since restoring
   * it could not undo the newer writes and would only look like a rollback.
   * The restore runs on one ACTIVE HSM, all or nothing; resync spreads it.
   */
  async applyBackup(backupId: string, clusterId: string): Promise<ApplyResult> {
    checkBackupId(backupId);
    const cluster = this.clusters.getCluster(clusterId);
    const meta = this.backups.get(backupId);
    if (cluster.domainId === '')
      throw new PreconditionError(`cluster ${clusterId} is not initialised`);
    if (meta.domainId !== cluster.domainId) {
      throw new PreconditionError(
        `backup ${backupId} is of masking domain ${meta.domainId} (cluster ${meta.clusterId}); cluster ${clusterId} is of domain ${cluster.domainId}`,
      );
    }
    const { parts, verified } = await this.backups.load(backupId, cluster.domainId);
    const active = cluster.hsms.filter((h) => h.state === 'ACTIVE');
    if (active.length === 0)
      throw new PreconditionError(`cluster ${clusterId} has no ACTIVE HSM to restore onto`);

    const newest = await this.newestVersion(cluster);
    const backupMax = verified.manifest.maxVersion;
    if (compareVersions(newest, backupMax) > 0) {
      throw new PreconditionError(
        `backup ${backupId} is older than cluster ${clusterId}: its newest object is ${formatVersion(backupMax)}, the cluster holds ${formatVersion(newest)}`,
      );
    }
    let last: unknown;
    for (const hsm of active) {
      try {
        const response = await this.pool.get(hsm.address).restoreBackup(parts);
        this.logger.info(
          { clusterId, hsmId: hsm.hsmId, backupId, objectsApplied: response.objectsApplied },
          'backup applied',
        );
        return { backup: meta, hsmId: hsm.hsmId, objectsApplied: response.objectsApplied };
      } catch (err) {
        if (!isTransientNodeError(err)) {
          throw new PreconditionError(
            `${hsm.hsmId} refused backup ${backupId}: ${asNodeCallError(err)?.details ?? errorMessage(err)}`,
            { cause: err },
          );
        }
        last = err;
      }
    }
    throw new UnavailableError(
      `no ACTIVE HSM of ${clusterId} took the restore: ${errorMessage(last)}`,
      { cause: last },
    );
  }

  /**
   * createClusterFromBackup checks the backup, then makes a cluster of the
   * backup's masking domain whose first HSM will be restored from it.
   */
  async createClusterFromBackup(backupId: string): Promise<ClusterRecord> {
    checkBackupId(backupId);
    const { meta } = await this.backups.load(backupId);
    const cluster = await this.clusters.createCluster({
      domainId: meta.domainId,
      sourceBackupId: backupId,
      pendingRestoreBackupId: backupId,
    });
    this.logger.info(
      { clusterId: cluster.clusterId, backupId, domainId: meta.domainId },
      'cluster created from backup',
    );
    return cluster;
  }

  private async newestVersion(cluster: ClusterRecord): Promise<VersionLike | null> {
    let newest: VersionLike | null = null;
    let reached = 0;
    let last: unknown;
    for (const h of cluster.hsms.filter((x) => x.state === 'ACTIVE')) {
      try {
        const digests = await listAllDigests(this.pool.get(h.address), 10_000);
        const max = maxVersionOf(digests);
        if (compareVersions(max, newest) > 0) newest = max;
        reached += 1;
      } catch (err) {
        last = err;
      }
    }
    if (reached === 0)
      throw new UnavailableError(
        `no ACTIVE HSM of ${cluster.clusterId} listed its objects: ${errorMessage(last)}`,
        { cause: last },
      );
    return newest;
  }
}

function checkBackupId(backupId: string): void {
  if (!BACKUP_ID_PATTERN.test(backupId)) {
    throw new InvalidArgumentError(
      'backup_id',
      `"${backupId}" is not a backup id (backup- and 11 letters or digits)`,
    );
  }
}
