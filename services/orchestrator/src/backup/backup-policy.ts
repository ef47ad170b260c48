import type { VersionLike } from '../sync/version';

/** BACKUP_TRIGGERS are the reasons a backup is taken. */
export const BACKUP_TRIGGERS = [
  'SCHEDULED',
  'ACTIVATION',
  'HSM_ADDED',
  'HSM_REMOVED',
  'ON_DEMAND',
] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

export const BACKUP_STATES = ['READY', 'PENDING_DELETION'] as const;
export type BackupState = (typeof BACKUP_STATES)[number];

/** BackupMeta is the orchestrator's record of one stored backup (its meta.json). */
export interface BackupMeta {
  backupId: string;
  clusterId: string;
  domainId: string;
  state: BackupState;
  createdAtMs: number;
  /** PENDING_DELETION only: when the backup is purged; 0 otherwise. */
  deleteAtMs: number;
  objectCount: number;
  trigger: BackupTrigger;
  sourceHsmId: string;
  sizeBytes: number;
  /** SHA-256 (hex) of parts.bin: any change to the file on disk is caught before use. */
  partsSha256: string;
  /** The highest object version in the backup; null for an empty backup. */
  maxVersion: VersionLike | null;
}

/** RetentionPolicy is how long backups live. */
export interface RetentionPolicy {
  readonly retentionMs: number;
  readonly pendingDeletionPeriodMs: number;
}

/** RetentionActions is what one retention pass should do. */
export interface RetentionActions {
  /** READY backups past retention: move to PENDING_DELETION with this deleteAtMs. */
  readonly expire: readonly { backupId: string; deleteAtMs: number }[];
  /** PENDING_DELETION backups whose time is up: delete their files. */
  readonly purge: readonly string[];
}

/**
 * planRetention applies the retention rules at nowMs. A READY backup older
 * than retentionMs goes to PENDING_DELETION for pendingDeletionPeriodMs;
 * a PENDING_DELETION backup whose deleteAtMs has passed is purged. The newest
 * READY backup of each cluster is never expired, so a cluster that has a
 * backup keeps one however old it is. (A backup a user deletes by hand is
 * purged when its period ends, even if it was the last.)
 */
export function planRetention(
  backups: readonly BackupMeta[],
  nowMs: number,
  policy: RetentionPolicy,
): RetentionActions {
  const newestReady = new Map<string, BackupMeta>();
  for (const b of backups) {
    if (b.state !== 'READY') continue;
    const current = newestReady.get(b.clusterId);
    if (
      !current ||
      b.createdAtMs > current.createdAtMs ||
      (b.createdAtMs === current.createdAtMs && b.backupId > current.backupId)
    ) {
      newestReady.set(b.clusterId, b);
    }
  }
  const expire: { backupId: string; deleteAtMs: number }[] = [];
  const purge: string[] = [];
  for (const b of backups) {
    if (b.state === 'READY') {
      const expired = nowMs - b.createdAtMs >= policy.retentionMs;
      if (expired && newestReady.get(b.clusterId) !== b) {
        expire.push({ backupId: b.backupId, deleteAtMs: nowMs + policy.pendingDeletionPeriodMs });
      }
    } else if (b.deleteAtMs <= nowMs) {
      purge.push(b.backupId);
    }
  }
  return { expire, purge };
}

/**
 * scheduledBackupDue tells whether a cluster's scheduled backup is due: one
 * interval after the last attempt (or after the cluster was made).
 */
export function scheduledBackupDue(
  lastAttemptMs: number,
  nowMs: number,
  intervalMs: number,
): boolean {
  return nowMs - lastAttemptMs >= intervalMs;
}
