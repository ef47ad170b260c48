import type { Logger } from '@hsmlab/common';
import type { applianceV1 } from '@hsmlab/proto';
import type { Clock } from '../clock';
import { NotFoundError, PreconditionError, UnavailableError, errorMessage } from '../errors';
import { newBackupId } from '../ids';
import type { OrchestratorMetrics } from '../metrics';
import type { ClusterRecord, HsmRecord } from '../model/records';
import type { NodePool } from '../node/node-pool';
import { encodeParts } from './backup-format';
import { verifyBackupParts, type VerifiedBackup } from './backup-integrity';
import {
  planRetention,
  type BackupMeta,
  type BackupTrigger,
  type RetentionPolicy,
} from './backup-policy';
import type { BackupStore } from './backup-store';

/** TakenBackup is a backup collected from a node and checked, before or after it is stored. */
export interface TakenBackup {
  readonly backupId: string;
  readonly sourceHsmId: string;
  readonly parts: applianceV1.BackupPart__Output[];
  readonly verified: VerifiedBackup;
}

/**
 * BackupManager takes, stores, lists, deletes and reads backups. It never
 * opens a backup: parts stay masked, and the manifest is checked for shape,
 * count and digest only (the restoring node checks the signature).
 */
export class BackupManager {
  constructor(
    private readonly store: BackupStore,
    private readonly pool: NodePool,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly metrics: OrchestratorMetrics,
  ) {}

  /**
   * collect streams a fresh backup from the first source that answers, in
   * order, and verifies it against the cluster's domain. Failures of every
   * source end in an UnavailableError naming the last one.
   */
  async collect(cluster: ClusterRecord, sources: readonly HsmRecord[]): Promise<TakenBackup> {
    if (sources.length === 0) {
      throw new PreconditionError(
        `cluster ${cluster.clusterId} has no ACTIVE HSM to take a backup from`,
      );
    }
    let last: unknown;
    for (const hsm of sources) {
      const backupId = newBackupId();
      try {
        const parts = await this.pool.get(hsm.address).createBackup(backupId);
        const verified = verifyBackupParts(backupId, parts, cluster.domainId);
        return { backupId, sourceHsmId: hsm.hsmId, parts, verified };
      } catch (err) {
        last = err;
        this.logger.warn(
          { clusterId: cluster.clusterId, hsmId: hsm.hsmId, err: errorMessage(err) },
          'backup source failed',
        );
      }
    }
    throw new UnavailableError(
      `no HSM of ${cluster.clusterId} gave a backup: ${errorMessage(last)}`,
      { cause: last },
    );
  }

  /** save stores a collected backup under its trigger and counts it. */
  async save(
    cluster: ClusterRecord,
    taken: TakenBackup,
    trigger: BackupTrigger,
  ): Promise<BackupMeta> {
    const { manifest } = taken.verified;
    const meta = await this.store.create(
      {
        backupId: taken.backupId,
        clusterId: cluster.clusterId,
        domainId: manifest.domainId,
        state: 'READY',
        createdAtMs: this.clock.nowMs(),
        deleteAtMs: 0,
        objectCount: manifest.objectCount,
        trigger,
        sourceHsmId: taken.sourceHsmId,
        sizeBytes: 0,
        partsSha256: '',
        maxVersion: manifest.maxVersion,
      },
      encodeParts(taken.parts),
    );
    this.metrics.backups.inc({ cluster: cluster.clusterId, trigger, outcome: 'ok' });
    this.logger.info(
      {
        clusterId: cluster.clusterId,
        hsmId: taken.sourceHsmId,
        backupId: meta.backupId,
        trigger,
        objectCount: meta.objectCount,
      },
      'backup stored',
    );
    return meta;
  }

  /** take collects a backup from the cluster's ACTIVE HSMs (in-sync and least loaded first) and stores it. */
  async take(
    cluster: ClusterRecord,
    trigger: BackupTrigger,
    extraSources: readonly HsmRecord[] = [],
  ): Promise<BackupMeta> {
    const sources = cluster.hsms
      .filter((h) => h.state === 'ACTIVE')
      .sort((a, b) => Number(b.inSync) - Number(a.inSync) || a.load - b.load);
    try {
      return await this.save(
        cluster,
        await this.collect(cluster, [...sources, ...extraSources]),
        trigger,
      );
    } catch (err) {
      this.metrics.backups.inc({ cluster: cluster.clusterId, trigger, outcome: 'failed' });
      throw err;
    }
  }

  list(clusterId?: string): BackupMeta[] {
    return this.store.list(clusterId);
  }

  get(backupId: string): BackupMeta {
    const meta = this.store.get(backupId);
    if (!meta) throw new NotFoundError('backup', backupId);
    return meta;
  }

  /** delete puts a READY backup in PENDING_DELETION for the configured period. */
  async delete(
    backupId: string,
    pendingDeletionPeriodMs: number,
    pinned: ReadonlySet<string>,
  ): Promise<BackupMeta> {
    const meta = this.get(backupId);
    if (meta.state !== 'READY')
      throw new PreconditionError(`backup ${backupId} is already ${meta.state}`);
    if (pinned.has(backupId)) {
      throw new PreconditionError(
        `backup ${backupId} is still to be restored onto a new cluster's first HSM`,
      );
    }
    const next: BackupMeta = {
      ...meta,
      state: 'PENDING_DELETION',
      deleteAtMs: this.clock.nowMs() + pendingDeletionPeriodMs,
    };
    await this.store.update(next);
    this.logger.info(
      {
        backupId,
        clusterId: meta.clusterId,
        from: 'READY',
        to: next.state,
        deleteAtMs: next.deleteAtMs,
      },
      'backup state changed',
    );
    return next;
  }

  /** restore takes a backup out of PENDING_DELETION. */
  async restore(backupId: string): Promise<BackupMeta> {
    const meta = this.get(backupId);
    if (meta.state !== 'PENDING_DELETION') {
      throw new PreconditionError(`backup ${backupId} is ${meta.state}, not PENDING_DELETION`);
    }
    const next: BackupMeta = { ...meta, state: 'READY', deleteAtMs: 0 };
    await this.store.update(next);
    this.logger.info(
      { backupId, clusterId: meta.clusterId, from: meta.state, to: 'READY' },
      'backup state changed',
    );
    return next;
  }

  /**
   * load reads a stored backup and checks it: file hash, shape, count,
   * digest, and the masking domain when one is expected.
   */
  async load(
    backupId: string,
    expectedDomainId?: string,
  ): Promise<{
    meta: BackupMeta;
    parts: applianceV1.BackupPart__Output[];
    verified: VerifiedBackup;
  }> {
    const meta = this.get(backupId);
    const parts = await this.store.readParts(backupId);
    const verified = verifyBackupParts(backupId, parts, expectedDomainId ?? meta.domainId);
    return { meta, parts, verified };
  }

  /**
   * enforceRetention applies planRetention at now. Backups in `pinned` (a
   * new cluster still waits to be restored from them) are left alone.
   */
  async enforceRetention(policy: RetentionPolicy, pinned: ReadonlySet<string>): Promise<void> {
    const actions = planRetention(this.store.list(), this.clock.nowMs(), policy);
    for (const { backupId, deleteAtMs } of actions.expire) {
      if (pinned.has(backupId)) continue;
      const meta = this.get(backupId);
      await this.store.update({ ...meta, state: 'PENDING_DELETION', deleteAtMs });
      this.logger.info(
        { backupId, clusterId: meta.clusterId, from: 'READY', to: 'PENDING_DELETION', deleteAtMs },
        'backup expired',
      );
    }
    for (const backupId of actions.purge) {
      if (pinned.has(backupId)) continue;
      const meta = this.get(backupId);
      await this.store.purge(backupId);
      this.logger.info({ backupId, clusterId: meta.clusterId }, 'backup purged');
    }
  }
}
