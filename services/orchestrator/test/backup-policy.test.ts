import { describe, expect, it } from 'vitest';
import { planRetention, scheduledBackupDue, type BackupMeta } from '../src/backup/backup-policy';

const DAY = 86_400_000;
const policy = { retentionMs: 30 * DAY, pendingDeletionPeriodMs: 7 * DAY };

function backup(backupId: string, createdAtMs: number, over: Partial<BackupMeta> = {}): BackupMeta {
  return {
    backupId,
    clusterId: 'cluster-aaaaaaaaaaa',
    domainId: 'cluster-aaaaaaaaaaa',
    state: 'READY',
    createdAtMs,
    deleteAtMs: 0,
    objectCount: 1,
    trigger: 'SCHEDULED',
    sourceHsmId: 'hsm-1',
    sizeBytes: 1,
    partsSha256: '',
    maxVersion: null,
    ...over,
  };
}

describe('backup policy - retention', () => {
  it('expires READY backups past retention into PENDING_DELETION for the period', () => {
    const now = 100 * DAY;
    const actions = planRetention([backup('old', 10 * DAY), backup('new', 90 * DAY)], now, policy);
    expect(actions.expire).toEqual([{ backupId: 'old', deleteAtMs: now + 7 * DAY }]);
    expect(actions.purge).toEqual([]);
  });

  it('never expires the newest READY backup of a cluster, however old', () => {
    const actions = planRetention([backup('a', 1), backup('b', 2)], 1000 * DAY, policy);
    expect(actions.expire.map((e) => e.backupId)).toEqual(['a']);
  });

  it('keeps one backup per cluster, each cluster on its own', () => {
    const actions = planRetention(
      [backup('a1', 1), backup('b1', 1, { clusterId: 'cluster-bbbbbbbbbbb' }), backup('a2', 2)],
      1000 * DAY,
      policy,
    );
    expect(actions.expire.map((e) => e.backupId)).toEqual(['a1']);
  });

  it('purges PENDING_DELETION backups once their time is up, and only then', () => {
    const pending = backup('p', 1, { state: 'PENDING_DELETION', deleteAtMs: 50 * DAY });
    expect(planRetention([pending, backup('n', 49 * DAY)], 49 * DAY, policy).purge).toEqual([]);
    expect(planRetention([pending, backup('n', 49 * DAY)], 50 * DAY, policy).purge).toEqual(['p']);
  });

  it('does not count a PENDING_DELETION backup as the one to keep', () => {
    const actions = planRetention(
      [
        backup('ready-old', 1),
        backup('deleted-new', 2, { state: 'PENDING_DELETION', deleteAtMs: 10 ** 15 }),
      ],
      1000 * DAY,
      policy,
    );
    expect(actions.expire).toEqual([]);
  });
});

describe('backup policy - schedule', () => {
  it('is due one interval after the last attempt', () => {
    expect(scheduledBackupDue(0, DAY - 1, DAY)).toBe(false);
    expect(scheduledBackupDue(0, DAY, DAY)).toBe(true);
  });
});
