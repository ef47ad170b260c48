import type { Logger } from '@hsmlab/common';
import type { applianceV1 } from '@hsmlab/proto';
import { UnavailableError, errorMessage } from '../errors';
import { newBackupId } from '../ids';
import type { ClusterRecord, HsmRecord } from '../model/records';
import type { NodeConnection } from '../node/node-connection';
import type { NodePool } from '../node/node-pool';
import { BackupVerifier } from './backup-integrity';
import type { TakenBackup } from './backup-manager';

/** RelayResult is a backup that went from a member to another node. */
export interface RelayResult {
  taken: TakenBackup;
  restored: applianceV1.RestoreBackupResponse__Output;
}

/**
 * relayBackup takes a fresh backup from the first source that answers and
 * restores it onto target while it streams: each part is checked
 * (BackupVerifier) and written to target as it arrives, so the source's
 * sealing and the target's unpacking overlap instead of running one after
 * the other. The manifest is written only after the whole backup passed the
 * checks; on any failure the restore is aborted, and the target, which
 * applies a backup only once it holds the manifest, is left untouched. A
 * failed source is skipped for the next one; a refusal of the target is
 * thrown (a NodeCallError).
 */
export async function relayBackup(
  pool: NodePool,
  cluster: ClusterRecord,
  sources: readonly HsmRecord[],
  target: NodeConnection,
  log: Logger,
): Promise<RelayResult> {
  let last: unknown = new Error('no source');
  for (const source of sources) {
    const backupId = newBackupId();
    const verifier = new BackupVerifier(backupId, cluster.domainId);
    const parts: applianceV1.BackupPart__Output[] = [];
    const sink = await target.openRestore();
    try {
      await pool.get(source.address).streamBackup(backupId, (part) => {
        verifier.add(part);
        parts.push(part);
        return sink.write(part);
      });
      const verified = verifier.end();
      const restored = await sink.finish();
      return { taken: { backupId, sourceHsmId: source.hsmId, parts, verified }, restored };
    } catch (err) {
      sink.abort();
      if (verifier.complete()) throw err;
      last = err;
      log.warn({ sourceHsmId: source.hsmId, err: errorMessage(err) }, 'backup relay source failed');
    }
  }
  throw new UnavailableError(
    `no HSM of ${cluster.clusterId} gave a backup: ${errorMessage(last)}`,
    {
      cause: last,
    },
  );
}
