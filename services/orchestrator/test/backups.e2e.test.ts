import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeParts, encodeParts } from '../src/backup/backup-format';
import { computeObjectsDigest } from '../src/backup/backup-integrity';
import { Lab, USER_PASSWORD } from './helpers/lab';
import { waitFor } from './helpers/wait';

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    return err as ServiceError;
  }
  throw new Error('the call succeeded; a refusal was expected');
}

describe('backups - triggers and restore rules with real HSM processes', () => {
  let lab: Lab;
  let clusterId: string;
  let otherId: string;

  const backupDir = (backupId: string) => join(lab.orchestrator.dataDir, 'backups', backupId);

  beforeAll(async () => {
    lab = await Lab.start();
    clusterId = await lab.activeCluster([
      ['hsm-a1', 'a'],
      ['hsm-b1', 'b'],
    ]);
    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 20, 'first');
    await lab.waitForSameRoots(['hsm-a1', 'hsm-b1']);

    await lab.startNode('hsm-o1', 'a');
    const other = await lab.control.createCluster({});
    otherId = other.clusterId;
    await lab.addHsm(otherId, 'hsm-o1');
    await lab.control.initializeCluster({ clusterId: otherId });
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('takes backups on activation, on joins and on demand, stored under the data dir', async () => {
    const { backups } = await lab.control.listBackups({ clusterId });
    expect(backups.map((b) => b.trigger)).toEqual(
      expect.arrayContaining(['ACTIVATION', 'HSM_ADDED']),
    );
    const b = await lab.control.createBackup({ clusterId });
    expect(b).toMatchObject({
      clusterId,
      domainId: clusterId,
      state: 'READY',
      trigger: 'ON_DEMAND',
    });
    expect(b.objectCount).toBeGreaterThanOrEqual(22);
    expect(readFileSync(join(backupDir(b.backupId), 'parts.bin')).length).toBe(Number(b.sizeBytes));
  });

  it('deletes into PENDING_DELETION and restores back to READY', async () => {
    const b = await lab.control.createBackup({ clusterId });
    const deleted = await lab.control.deleteBackup({ backupId: b.backupId });
    expect(deleted.state).toBe('PENDING_DELETION');
    expect(Number(deleted.deleteAtMs)).toBeGreaterThan(Date.now());
    expect((await lab.control.restoreBackup({ backupId: b.backupId })).state).toBe('READY');
  });

  it('refuses to restore a backup of another cluster', async () => {
    const { backups } = await lab.control.listBackups({ clusterId });
    const err = await failure(
      lab.control.applyBackup({ backupId: backups[0]!.backupId, clusterId: otherId }),
    );
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(err.details).toMatch(/masking domain/);
  });

  it('refuses to restore an older backup over newer state', async () => {
    const older = await lab.control.createBackup({ clusterId });
    const alice = await lab.loggedIn('hsm-b1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 1, 'newer');
    await lab.waitForSameRoots(['hsm-a1', 'hsm-b1']);
    const err = await failure(lab.control.applyBackup({ backupId: older.backupId, clusterId }));
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(err.details).toMatch(/older than cluster/);
  });

  it('makes a new cluster from a backup, whose first node holds exactly the backup', async () => {
    const b = await lab.control.createBackup({ clusterId });
    const made = await lab.control.createClusterFromBackup({ backupId: b.backupId });
    expect(made.clusterId).not.toBe(clusterId);
    expect(made).toMatchObject({
      domainId: clusterId,
      sourceBackupId: b.backupId,
      state: 'INITIALIZED',
    });
    await lab.startNode('hsm-n1', 'c');
    await lab.addHsm(made.clusterId, 'hsm-n1');
    await lab.waitForHsmState(made.clusterId, 'hsm-n1', 'ACTIVE');
    await lab.waitForClusterState(made.clusterId, 'ACTIVE');
    const n1 = await lab.applianceOn('hsm-n1');
    const st = await n1.sync<{ clusterId: string; domainId: string; objectCount: number }>(
      'GetStatus',
      {},
    );
    expect(st).toMatchObject({
      clusterId: made.clusterId,
      domainId: clusterId,
      objectCount: b.objectCount,
    });
    const alice = await lab.loggedIn('hsm-n1', 'alice', USER_PASSWORD);
    expect(alice.token).not.toBe('');
  });

  it('refuses a truncated or altered backup and restores nothing', async () => {
    const made = (await lab.control.listClusters({})).clusters.find(
      (c) => c.sourceBackupId !== '',
    )!;
    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 5, 'after-copy');
    await lab.waitForSameRoots(['hsm-a1', 'hsm-b1']);
    const newer = await lab.control.createBackup({ clusterId });
    const rootBefore = await lab.rootDigest('hsm-n1');
    const partsPath = join(backupDir(newer.backupId), 'parts.bin');
    const metaPath = join(backupDir(newer.backupId), 'meta.json');
    const original = readFileSync(partsPath);
    const originalMeta = readFileSync(metaPath, 'utf8');

    // 1. Cut on disk: the orchestrator's own checks refuse it.
    truncateSync(partsPath, original.length - 100);
    let err = await failure(
      lab.control.applyBackup({ backupId: newer.backupId, clusterId: made.clusterId }),
    );
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(err.details).toMatch(/integrity/);

    // 2. Altered with every unsigned check made consistent (count, digest, file hash): only the
    //    node's signature check can catch it, and it does, before applying anything.
    const parts = decodeParts(Buffer.from(original));
    const objects = parts.slice(0, -1).map((p) => p.object!);
    objects[2]!.sealed[20] ^= 0xff;
    parts[parts.length - 1]!.manifest!.objectsDigest = computeObjectsDigest(objects);
    const forged = encodeParts(parts);
    writeFileSync(partsPath, forged);
    const meta = JSON.parse(originalMeta) as Record<string, unknown>;
    meta.partsSha256 = createHash('sha256').update(forged).digest('hex');
    writeFileSync(metaPath, JSON.stringify(meta));
    await lab.orchestrator.stop();
    await lab.orchestrator.start();
    err = await failure(
      lab.control.applyBackup({ backupId: newer.backupId, clusterId: made.clusterId }),
    );
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(err.details).toMatch(/refused backup/);
    expect(await lab.rootDigest('hsm-n1')).toBe(rootBefore);

    // 3. The untouched backup is restored, newer state over older.
    writeFileSync(partsPath, original);
    writeFileSync(metaPath, originalMeta);
    await lab.orchestrator.stop();
    await lab.orchestrator.start();
    const applied = await lab.control.applyBackup({
      backupId: newer.backupId,
      clusterId: made.clusterId,
    });
    expect(applied.objectsApplied).toBeGreaterThanOrEqual(5);
    expect(applied.hsmId).toBe('hsm-n1');
    await waitFor(
      'n1 holds the newer backup',
      async () => (await lab.rootDigest('hsm-n1')) !== rootBefore,
    );
  });
});

describe('backups - schedule and retention with real processes', () => {
  let lab: Lab;
  let clusterId: string;

  beforeAll(async () => {
    lab = await Lab.start([
      '--backup-interval',
      '1s',
      '--backup-retention',
      '2s',
      '--pending-deletion-period',
      '1s',
    ]);
    clusterId = await lab.activeCluster([['hsm-a1', 'a']]);
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('takes scheduled backups, expires and purges old ones, and always keeps the newest', async () => {
    await waitFor('a SCHEDULED backup', async () => {
      const { backups } = await lab.control.listBackups({ clusterId });
      return backups.some((b) => b.trigger === 'SCHEDULED');
    });
    const purged = await waitFor('an expired backup purged', () =>
      lab.orchestrator
        .logRecords()
        .find((r) => r.msg === 'backup purged' && r.clusterId === clusterId),
    );
    const { backups } = await lab.control.listBackups({ clusterId });
    expect(backups.map((b) => b.backupId)).not.toContain(purged.backupId);
    const ready = backups.filter((b) => b.state === 'READY');
    expect(ready.length).toBeGreaterThanOrEqual(1);
    const newest = [...backups].sort((x, y) => Number(y.createdAtMs) - Number(x.createdAtMs))[0]!;
    expect(newest.state).toBe('READY');
  });
});
