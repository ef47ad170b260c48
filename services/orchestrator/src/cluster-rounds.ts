import type { Logger } from '@hsmlab/common';
import type { BackupManager } from './backup/backup-manager';
import { scheduledBackupDue } from './backup/backup-policy';
import type { Clock } from './clock';
import type { ClusterService } from './cluster-service';
import { errorMessage } from './errors';
import type { OrchestratorMetrics } from './metrics';
import type { ClusterRegistry } from './model/cluster-registry';
import { applyProbe, applyResync, identityProblem, type ProbeOutcome } from './model/hsm-machine';
import { HSM_STATES, findHsm, type ClusterRecord } from './model/records';
import { asNodeCallError } from './node/node-call-error';
import type { NodePool } from './node/node-pool';
import type { CompiledOptions } from './options';
import { runResyncRound } from './sync/resync-runner';

/**
 * ClusterRounds are the orchestrator's periodic work, one method per loop:
 * health checks, anti-entropy resync, and maintenance (scheduled backups and
 * retention). Each round reads the records, talks to the nodes, then folds
 * the results in with one registry.mutate per cluster. The loops call them on
 * their intervals; tests call them directly, one round at a time.
 */
export class ClusterRounds {
  constructor(
    private readonly registry: ClusterRegistry,
    private readonly pool: NodePool,
    private readonly clusters: ClusterService,
    private readonly backups: BackupManager,
    private readonly options: CompiledOptions,
    private readonly logger: Logger,
    private readonly metrics: OrchestratorMetrics,
  ) {}

  private get clock(): Clock {
    return this.options.clock;
  }

  /** healthRound probes every HSM of every cluster, then checks for officer activation. */
  async healthRound(): Promise<void> {
    await Promise.all(this.registry.all().map((c) => this.checkHealth(c.clusterId)));
    this.updateStateGauge();
  }

  /** resyncRound runs one anti-entropy round per cluster and drives pending joins. */
  async resyncRound(): Promise<void> {
    await Promise.all(this.registry.all().map((c) => this.resyncCluster(c.clusterId)));
    for (const c of this.registry.all()) this.clusters.kickJoins(c.clusterId);
  }

  /** maintenanceRound takes scheduled backups that are due, then applies retention. */
  async maintenanceRound(): Promise<void> {
    for (const cluster of this.registry.all()) {
      const due = scheduledBackupDue(
        cluster.lastScheduledBackupMs,
        this.clock.nowMs(),
        this.options.backupIntervalMs,
      );
      if (!due || cluster.domainId === '' || cluster.pendingRestoreBackupId !== '') continue;
      await this.registry.mutate(cluster.clusterId, (c) => {
        c.lastScheduledBackupMs = this.clock.nowMs();
      });
      try {
        await this.backups.take(cluster, 'SCHEDULED');
      } catch (err) {
        this.logger.warn(
          { clusterId: cluster.clusterId, err: errorMessage(err) },
          'scheduled backup failed',
        );
      }
    }
    await this.backups.enforceRetention(
      {
        retentionMs: this.options.backupRetentionMs,
        pendingDeletionPeriodMs: this.options.pendingDeletionPeriodMs,
      },
      this.pinnedBackups(),
    );
  }

  /** pinnedBackups are backups a new cluster still has to restore its first HSM from. */
  pinnedBackups(): Set<string> {
    return new Set(
      this.registry
        .all()
        .map((c) => c.pendingRestoreBackupId)
        .filter((id) => id !== ''),
    );
  }

  private async checkHealth(clusterId: string): Promise<void> {
    const targets = this.registry
      .get(clusterId)
      .hsms.filter((h) => h.state !== 'DELETE_IN_PROGRESS');
    const probes = await Promise.all(
      targets.map(async (h): Promise<[string, ProbeOutcome]> => {
        try {
          const s = await this.pool.get(h.address).getStatus();
          return [
            h.hsmId,
            {
              ok: true,
              nodeId: s.nodeId,
              domainId: s.domainId,
              objectCount: s.objectCount,
              load: s.load?.inFlight ?? 0,
              capacity: s.load?.capacity ?? 0,
            },
          ];
        } catch (err) {
          this.metrics.healthFailures.inc({ cluster: clusterId, hsm: h.hsmId });
          return [
            h.hsmId,
            { ok: false, error: asNodeCallError(err)?.details ?? errorMessage(err) },
          ];
        }
      }),
    );
    const cluster = await this.registry.mutate(clusterId, (c) => {
      const policy = {
        unhealthyAfterFailures: this.options.unhealthyAfterFailures,
        domainId: c.domainId,
      };
      for (const [hsmId, probe] of probes) {
        const h = findHsm(c, hsmId);
        if (h && h.state !== 'DELETE_IN_PROGRESS') applyProbe(h, probe, policy, this.clock.nowMs());
      }
    });
    if (cluster.domainId !== '' && cluster.activatedAtMs === 0) await this.checkActivation(cluster);
  }

  /**
   * checkActivation asks an ACTIVE node whether its crypto officer has been
   * activated (GetNodeInfo needs no session). The first yes marks the
   * cluster activated and takes the ACTIVATION backup.
   */
  private async checkActivation(cluster: ClusterRecord): Promise<void> {
    for (const h of cluster.hsms.filter((x) => x.state === 'ACTIVE')) {
      let activated: boolean;
      try {
        activated = (await this.pool.get(h.address).getNodeInfo()).officerActivated;
      } catch {
        continue;
      }
      if (!activated) return;
      const updated = await this.registry.mutate(cluster.clusterId, (c) => {
        if (c.activatedAtMs === 0) c.activatedAtMs = this.clock.nowMs();
      });
      this.logger.info({ clusterId: cluster.clusterId, hsmId: h.hsmId }, 'cluster activated');
      try {
        await this.backups.take(updated, 'ACTIVATION');
      } catch (err) {
        this.logger.warn(
          { clusterId: cluster.clusterId, err: errorMessage(err) },
          'ACTIVATION backup failed',
        );
      }
      return;
    }
  }

  /**
   * resyncCluster runs one round over the serving HSMs: ACTIVE ones and
   * DEGRADED ones that answer health checks again (that is how they are
   * caught up before they are ACTIVE again). A node that answers as someone
   * else is left out of the round.
   */
  private async resyncCluster(clusterId: string): Promise<void> {
    const cluster = this.registry.get(clusterId);
    if (cluster.domainId === '') return;
    const members = cluster.hsms.filter(
      (h) => h.state === 'ACTIVE' || (h.state === 'DEGRADED' && h.consecutiveFailures === 0),
    );
    if (members.length === 0) return;
    const log = this.logger.child({ clusterId });
    const started = process.hrtime.bigint();
    const outcome = await runResyncRound(
      members.map((h) => ({ hsmId: h.hsmId, conn: this.pool.get(h.address) })),
      {
        digestPageSize: this.options.digestPageSize,
        batchSize: this.options.resyncBatchSize,
        importBatchBytes: this.options.importBatchBytes,
        preferredSources: members.filter((h) => h.state === 'ACTIVE').map((h) => h.hsmId),
        admit: (hsmId, status) => {
          const h = findHsm(cluster, hsmId);
          if (!h) return 'removed during the round';
          return identityProblem(
            h,
            {
              ok: true,
              nodeId: status.nodeId,
              domainId: status.domainId,
              objectCount: 0,
              load: 0,
              capacity: 0,
            },
            { unhealthyAfterFailures: 1, domainId: cluster.domainId },
          );
        },
      },
      log,
    );
    const failed = [...outcome.outcomes.values()].some((o) => o.error !== undefined);
    this.metrics.resyncRounds.inc({
      cluster: clusterId,
      outcome: outcome.skipped ? 'skipped' : failed ? 'failed' : 'copied',
    });
    if (!outcome.skipped) {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      this.metrics.resyncSeconds.observe({ cluster: clusterId }, durationMs / 1000);
      this.metrics.objectsCopied.inc({ cluster: clusterId }, outcome.objectsApplied);
      this.metrics.resyncConflicts.inc({ cluster: clusterId }, outcome.conflicts.length);
      log.info(
        {
          handles: outcome.handlesCompared,
          objectsApplied: outcome.objectsApplied,
          conflicts: outcome.conflicts.length,
          durationMs: Math.round(durationMs),
          phasesMs: outcome.phasesMs,
        },
        'resync round copied',
      );
    }
    await this.registry.mutate(clusterId, (c) => {
      for (const [hsmId, o] of outcome.outcomes) {
        const h = findHsm(c, hsmId);
        if (!h || (h.state !== 'ACTIVE' && h.state !== 'DEGRADED')) continue;
        if (!o.reachable) h.inSync = false;
        else if (o.error !== undefined && o.caughtUp === false && h.state === 'DEGRADED')
          h.inSync = false;
        else applyResync(h, o.caughtUp, o.error);
      }
    });
  }

  private updateStateGauge(): void {
    this.metrics.hsmStates.reset();
    for (const c of this.registry.all()) {
      for (const state of HSM_STATES) {
        this.metrics.hsmStates.set(
          { cluster: c.clusterId, state },
          c.hsms.filter((h) => h.state === state).length,
        );
      }
    }
  }
}
