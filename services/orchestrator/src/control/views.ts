import type { orchestratorV1 } from '@hsmlab/proto';
import type { BackupMeta } from '../backup/backup-policy';
import type { ClusterRecord, HsmRecord } from '../model/records';

/** toHsmMessage renders an HSM record for the control plane. */
export function toHsmMessage(h: HsmRecord): orchestratorV1.Hsm {
  return {
    hsmId: h.hsmId,
    az: h.az,
    address: h.address,
    state: h.state,
    stateMessage: h.stateMessage,
    objectCount: h.objectCount,
    load: h.load,
    capacity: h.capacity,
    inSync: h.inSync,
    lastSeenMs: h.lastSeenMs,
    addedAtMs: h.addedAtMs,
  };
}

/** toClusterMessage renders a cluster record for the control plane. */
export function toClusterMessage(c: ClusterRecord): orchestratorV1.Cluster {
  return {
    clusterId: c.clusterId,
    state: c.state,
    stateMessage: c.stateMessage,
    hsms: c.hsms.map(toHsmMessage),
    domainId: c.domainId,
    createdAtMs: c.createdAtMs,
    sourceBackupId: c.sourceBackupId,
    activatedAtMs: c.activatedAtMs,
  };
}

/** toBackupMessage renders a backup's meta for the control plane. */
export function toBackupMessage(b: BackupMeta): orchestratorV1.Backup {
  return {
    backupId: b.backupId,
    clusterId: b.clusterId,
    state: b.state,
    createdAtMs: b.createdAtMs,
    objectCount: b.objectCount,
    deleteAtMs: b.deleteAtMs,
    trigger: b.trigger,
    domainId: b.domainId,
    sourceHsmId: b.sourceHsmId,
    sizeBytes: b.sizeBytes,
  };
}
