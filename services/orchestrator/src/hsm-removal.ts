import type { Logger } from '@hsmlab/common';
import type { BackupManager } from './backup/backup-manager';
import { errorMessage } from './errors';
import type { ClusterRegistry } from './model/cluster-registry';
import { findHsm } from './model/records';
import type { NodePool } from './node/node-pool';

/** RemovalDeps are what finishing a removal needs. */
export interface RemovalDeps {
  registry: ClusterRegistry;
  backups: BackupManager;
  pool: NodePool;
  logger: Logger;
}

/**
 * finishRemoval ends the removal of a DELETE_IN_PROGRESS HSM. When the HSM
 * had served (it was ACTIVE or DEGRADED), an HSM_REMOVED backup is taken
 * first, from an ACTIVE HSM or, when none is left, from the leaving HSM
 * itself; a failed backup is logged and does not block the removal. Then
 * the HSM is dropped from the cluster and its connection closed. It is safe
 * to run again after a restart: an HSM already gone is left alone.
 */
export async function finishRemoval(
  deps: RemovalDeps,
  clusterId: string,
  hsmId: string,
  served: boolean,
): Promise<void> {
  const cluster = deps.registry.get(clusterId);
  const hsm = findHsm(cluster, hsmId);
  if (!hsm) return;
  if (served && cluster.domainId !== '') {
    try {
      await deps.backups.take(cluster, 'HSM_REMOVED', [hsm]);
    } catch (err) {
      deps.logger.warn({ clusterId, hsmId, err: errorMessage(err) }, 'HSM_REMOVED backup failed');
    }
  }
  await deps.registry.mutate(clusterId, (c) => {
    c.hsms = c.hsms.filter((h) => h.hsmId !== hsmId);
  });
  deps.pool.release(hsm.address);
}
