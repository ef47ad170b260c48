import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupIntegrityError, PreconditionError } from '../src/errors';
import type { FakeAppliance } from './helpers/fake-appliance';
import { doubleCluster, startDoubles, startInProcess, type InProcess } from './helpers/in-process';

const DAY = 86_400_000;

describe('backup life cycle - triggers, retention, restore rules (test doubles, manual clock)', () => {
  let p: InProcess;
  let doubles: FakeAppliance[] = [];

  afterEach(async () => {
    await p?.stop();
    await Promise.all(doubles.map((d) => d.stop()));
    doubles = [];
  });

  async function cluster(over = {}): Promise<string> {
    p = await startInProcess({
      backupIntervalMs: DAY,
      backupRetentionMs: 10 * DAY,
      pendingDeletionPeriodMs: 2 * DAY,
      ...over,
    });
    doubles = await startDoubles([
      ['hsm-a', 'a'],
      ['hsm-b', 'b'],
    ]);
    doubles[0]!.put('key:0001', 10);
    return doubleCluster(p, doubles);
  }

  it('stores a backup as parts.bin and meta.json under the data dir, on demand', async () => {
    const clusterId = await cluster();
    const b = await p.orch.backups.createBackup(clusterId);
    expect(b).toMatchObject({
      clusterId,
      domainId: clusterId,
      state: 'READY',
      trigger: 'ON_DEMAND',
      objectCount: 1,
    });
    const dir = join(p.dataDir, 'backups', b.backupId);
    expect(existsSync(join(dir, 'parts.bin'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))).toMatchObject({
      backupId: b.backupId,
      state: 'READY',
    });
  });

  it('takes a SCHEDULED backup once per interval', async () => {
    const clusterId = await cluster();
    const scheduled = () =>
      p.orch.backups.listBackups(clusterId).filter((b) => b.trigger === 'SCHEDULED');
    await p.orch.rounds.maintenanceRound();
    expect(scheduled()).toHaveLength(0);
    p.clock.advance(DAY);
    await p.orch.rounds.maintenanceRound();
    await p.orch.rounds.maintenanceRound();
    expect(scheduled()).toHaveLength(1);
    p.clock.advance(DAY);
    await p.orch.rounds.maintenanceRound();
    expect(scheduled()).toHaveLength(2);
  });

  it('expires backups past retention, purges them after the pending period, and keeps the last one', async () => {
    const clusterId = await cluster({ backupIntervalMs: 365 * DAY, maintenanceIntervalMs: 1000 });
    const first = p.orch.backups.listBackups(clusterId);
    p.clock.advance(DAY);
    const last = await p.orch.backups.createBackup(clusterId);

    p.clock.advance(10 * DAY);
    await p.orch.rounds.maintenanceRound();
    const states = new Map(p.orch.backups.listBackups(clusterId).map((b) => [b.backupId, b.state]));
    for (const b of first) expect(states.get(b.backupId)).toBe('PENDING_DELETION');
    expect(states.get(last.backupId)).toBe('READY');

    p.clock.advance(2 * DAY);
    await p.orch.rounds.maintenanceRound();
    expect(p.orch.backups.listBackups(clusterId).map((b) => b.backupId)).toEqual([last.backupId]);
    for (const b of first) expect(existsSync(join(p.dataDir, 'backups', b.backupId))).toBe(false);

    p.clock.advance(300 * DAY);
    await p.orch.rounds.maintenanceRound();
    expect(p.orch.backups.listBackups(clusterId).map((b) => [b.backupId, b.state])).toEqual([
      [last.backupId, 'READY'],
    ]);
  });

  it('keeps a deleted backup restorable for the pending period, then purges it', async () => {
    const clusterId = await cluster();
    const b = await p.orch.backups.createBackup(clusterId);
    const deleted = await p.orch.backups.deleteBackup(b.backupId);
    expect(deleted).toMatchObject({
      state: 'PENDING_DELETION',
      deleteAtMs: p.clock.nowMs() + 2 * DAY,
    });
    await expect(p.orch.backups.deleteBackup(b.backupId)).rejects.toThrow(
      /already PENDING_DELETION/,
    );
    expect(await p.orch.backups.restoreBackup(b.backupId)).toMatchObject({
      state: 'READY',
      deleteAtMs: 0,
    });
    await p.orch.backups.deleteBackup(b.backupId);
    p.clock.advance(2 * DAY);
    await p.orch.rounds.maintenanceRound();
    expect(
      p.orch.backups.listBackups(clusterId).find((x) => x.backupId === b.backupId),
    ).toBeUndefined();
    await expect(p.orch.backups.restoreBackup(b.backupId)).rejects.toThrow(/not found/);
  });

  it('makes a new cluster from a backup: new id, same domain, first HSM restored, the next one joins', async () => {
    const clusterId = await cluster();
    const b = await p.orch.backups.createBackup(clusterId);
    const fresh = await startDoubles([
      ['hsm-n1', 'a'],
      ['hsm-n2', 'b'],
    ]);
    doubles.push(...fresh);
    const made = await p.orch.backups.createClusterFromBackup(b.backupId);
    expect(made.clusterId).not.toBe(clusterId);
    expect(made).toMatchObject({
      domainId: clusterId,
      sourceBackupId: b.backupId,
      state: 'INITIALIZED',
    });
    await expect(p.orch.backups.deleteBackup(b.backupId)).rejects.toThrow(/still to be restored/);

    await p.orch.clusters.addHsm({ clusterId: made.clusterId, address: fresh[0]!.address });
    await p.orch.idle();
    await p.orch.clusters.addHsm({ clusterId: made.clusterId, address: fresh[1]!.address });
    await p.orch.idle();
    const now = p.orch.clusters.getCluster(made.clusterId);
    expect(now.hsms.map((h) => h.state)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(fresh[0]!.clusterId).toBe(made.clusterId);
    expect(fresh[0]!.domainId).toBe(clusterId);
    expect(fresh[0]!.calls).toContain('RestoreBackup');
    expect(fresh[1]!.calls).toContain('CompleteJoin');
    expect(fresh[1]!.objects.has('key:0001')).toBe(true);
  });

  it('refuses a backup of another domain, an older one, a truncated or altered file, and sends nothing', async () => {
    const clusterId = await cluster();
    const older = await p.orch.backups.createBackup(clusterId);
    doubles[0]!.put('key:0002', 20);
    await p.orch.rounds.resyncRound();
    await expect(p.orch.backups.applyBackup(older.backupId, clusterId)).rejects.toThrow(
      /older than cluster/,
    );

    const other = await startDoubles([['hsm-o', 'a']]);
    doubles.push(...other);
    const otherId = await doubleCluster(p, other);
    await expect(p.orch.backups.applyBackup(older.backupId, otherId)).rejects.toThrow(
      /masking domain/,
    );

    const current = await p.orch.backups.createBackup(clusterId);
    const parts = join(p.dataDir, 'backups', current.backupId, 'parts.bin');
    const original = readFileSync(parts);
    writeFileSync(
      parts,
      Buffer.concat([original.subarray(0, 40), Buffer.from('X'), original.subarray(41)]),
    );
    await expect(p.orch.backups.applyBackup(current.backupId, clusterId)).rejects.toBeInstanceOf(
      BackupIntegrityError,
    );
    truncateSync(parts, original.length - 10);
    await expect(p.orch.backups.applyBackup(current.backupId, clusterId)).rejects.toThrow(
      /failed its integrity check/,
    );
    await expect(p.orch.backups.createClusterFromBackup(current.backupId)).rejects.toBeInstanceOf(
      PreconditionError,
    );
    for (const d of doubles)
      expect(d.calls.filter((m) => m === 'RestoreBackup').length).toBeLessThanOrEqual(
        d === other[0] ? 0 : 1,
      );

    writeFileSync(parts, original);
    const applied = await p.orch.backups.applyBackup(current.backupId, clusterId);
    expect(applied.objectsApplied).toBe(0);
  });

  it('keeps clusters, HSMs and backups across a restart of the orchestrator', async () => {
    const clusterId = await cluster();
    await p.orch.backups.createBackup(clusterId);
    const before = {
      cluster: p.orch.clusters.getCluster(clusterId),
      backups: p.orch.backups.listBackups(clusterId),
    };
    await p.restart();
    const after = p.orch.clusters.getCluster(clusterId);
    expect(after.hsms.map((h) => [h.hsmId, h.state, h.address])).toEqual(
      before.cluster.hsms.map((h) => [h.hsmId, h.state, h.address]),
    );
    expect(after.domainId).toBe(before.cluster.domainId);
    expect(after.state).toBe('ACTIVE');
    expect(p.orch.backups.listBackups(clusterId)).toEqual(before.backups);
  });

  it('takes an HSM_REMOVED backup and drops the HSM on removal', async () => {
    const clusterId = await cluster();
    const removed = await p.orch.clusters.removeHsm(clusterId, 'hsm-b');
    expect(removed.hsmId).toBe('hsm-b');
    await p.orch.idle();
    expect(p.orch.clusters.getCluster(clusterId).hsms.map((h) => h.hsmId)).toEqual(['hsm-a']);
    expect(p.orch.backups.listBackups(clusterId).map((b) => b.trigger)).toContain('HSM_REMOVED');
  });
});
