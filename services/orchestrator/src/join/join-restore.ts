import type { Logger } from '@hsmlab/common';
import type { BackupManager, TakenBackup } from '../backup/backup-manager';
import { relayBackup, type RelayResult } from '../backup/backup-relay';
import { errorMessage } from '../errors';
import type { ClusterRecord, HsmRecord } from '../model/records';
import { asNodeCallError } from '../node/node-call-error';
import type { NodeConnection } from '../node/node-connection';
import type { NodePool } from '../node/node-pool';
import { Refusal, type JoinStep } from './join-step';

/**
 * restoreFromMember is the restore step of a join: a fresh backup of an
 * ACTIVE member is relayed onto the joining node (checked for count, digest
 * and domain on the way) and applied there in one all-or-nothing step. It
 * returns the backup, kept to become the HSM_ADDED backup, or the step to
 * report when it could not finish.
 */
export async function restoreFromMember(
  pool: NodePool,
  joiner: NodeConnection,
  cluster: ClusterRecord,
  log: Logger,
): Promise<TakenBackup | JoinStep> {
  const sources = cluster.hsms.filter((h) => h.state === 'ACTIVE');
  if (sources.length === 0) {
    return { kind: 'waiting', message: 'waiting for an ACTIVE HSM to take a backup from' };
  }
  const started = performance.now();
  let relayed: RelayResult;
  try {
    relayed = await relayBackup(pool, cluster, sources, joiner, log);
  } catch (err) {
    // NB: not a refusal of the node: the backup came from a genuine member of its domain, so
    // a failed restore is retried with a fresh backup rather than ending the join.
    const details = asNodeCallError(err)?.details ?? errorMessage(err);
    return { kind: 'waiting', message: `retrying: join backup: ${details}` };
  }
  const { taken, restored } = relayed;
  log.info(
    {
      backupId: taken.backupId,
      sourceHsmId: taken.sourceHsmId,
      objectsApplied: restored.objectsApplied,
      relayMs: Math.round(performance.now() - started),
    },
    'join backup restored',
  );
  return taken;
}

/**
 * restoreFromStoredBackup gives the first HSM of a cluster made from a
 * backup its masking key and objects: the stored backup is checked again and
 * restored onto the node, which unwraps the masking key itself (only genuine
 * HSMs can). A node that ends up in another domain is refused.
 */
export async function restoreFromStoredBackup(
  backups: BackupManager,
  pool: NodePool,
  cluster: ClusterRecord,
  hsm: HsmRecord,
  log: Logger,
): Promise<JoinStep> {
  const backupId = cluster.pendingRestoreBackupId;
  const { parts } = await backups.load(backupId, cluster.domainId);
  // The node takes the new cluster's id from this part; without it, it would call itself by the
  // backup's cluster id.
  const restored = await pool
    .get(hsm.address)
    .restoreBackup([{ targetClusterId: cluster.clusterId }, ...parts]);
  const domain = restored.status?.domainId ?? '';
  if (domain !== cluster.domainId) {
    throw new Refusal(`after RestoreBackup the node reports domain "${domain}"`);
  }
  log.info({ backupId, objectsApplied: restored.objectsApplied }, 'first HSM restored from backup');
  return { kind: 'active' };
}
