import type { Logger } from '@hsmlab/common';
import type { applianceV1 } from '@hsmlab/proto';
import type { Clock } from '../clock';
import type { TakenBackup, BackupManager } from '../backup/backup-manager';
import { errorMessage } from '../errors';
import type { OrchestratorMetrics } from '../metrics';
import type { ClusterRegistry } from '../model/cluster-registry';
import { transitionHsm } from '../model/hsm-machine';
import { findHsm, type ClusterRecord, type HsmRecord, type JoinPhase } from '../model/records';
import { asNodeCallError, isTransientNodeError } from '../node/node-call-error';
import type { NodePool } from '../node/node-pool';
import { runResyncRound, type ResyncSettings } from '../sync/resync-runner';
import { Refusal, type JoinStep } from './join-step';
import { restoreFromMember, restoreFromStoredBackup } from './join-restore';
import { transportMaskingKey } from './key-transport';

/**
 * CAUGHT_UP_ROUNDS is how many delta rounds a join runs before it accepts
 * "caught up with the round's snapshot" in place of equal root digests.
 */
const CAUGHT_UP_ROUNDS = 3;
/** JoinSettings are the options the join reads. */
export interface JoinSettings extends Omit<
  ResyncSettings,
  'receivers' | 'preferredSources' | 'admit'
> {
  readonly joinConvergenceRounds: number;
}

/**
 * JoinFlow brings a CREATE_IN_PROGRESS HSM into its cluster, one attempt per
 * advance() call. The steps, each skipped when the node's own status shows
 * it is already done (so an attempt cut short by a crash or a restart of
 * either side resumes where it stood):
 *
 * 1. Key transport: GetJoinRequest on the new node (identity chain and a
 *    fresh ECDH key), GrantJoin on an ACTIVE node (it checks the chain and
 *    wraps the masking key), CompleteJoin on the new node. The orchestrator
 *    only carries the wrapped blob. The first HSM of a cluster made from a
 *    backup gets the key from the backup instead (RestoreBackup).
 * 2. Restore: a backup streamed from an ACTIVE node, checked, restored onto
 *    the new node in one all-or-nothing step.
 * 3. Delta resync with the ACTIVE nodes until every root digest is
 *    identical; only then ACTIVE.
 *
 * A refusal (the chain does not verify, the node is of another domain or
 * answers as another node) ends in CREATE_FAILED with the reason; anything
 * transient leaves the HSM CREATE_IN_PROGRESS for the next attempt.
 */
export class JoinFlow {
  /** Backups taken for joins, saved as HSM_ADDED once the join ends. */
  private readonly joinBackups = new Map<string, TakenBackup>();

  constructor(
    private readonly registry: ClusterRegistry,
    private readonly pool: NodePool,
    private readonly backups: BackupManager,
    private readonly settings: JoinSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly metrics: OrchestratorMetrics,
  ) {}

  /**
   * advance makes one attempt and records its outcome on the HSM.
   * Not yet: a transient failure is retried at the next round, at the
   * rounds' fixed interval, without a growing backoff.
   */
  async advance(clusterId: string, hsmId: string): Promise<JoinStep> {
    const log = this.logger.child({ clusterId, hsmId });
    let step: JoinStep;
    try {
      step = await this.attempt(clusterId, hsmId, log);
    } catch (err) {
      const message = errorMessage(err);
      step =
        err instanceof Refusal || !isTransientNodeError(err)
          ? { kind: 'refused', message }
          : { kind: 'waiting', message: `retrying: ${message}` };
    }
    await this.record(clusterId, hsmId, step, log);
    return step;
  }

  private async attempt(clusterId: string, hsmId: string, log: Logger): Promise<JoinStep> {
    let cluster = this.registry.get(clusterId);
    let hsm = findHsm(cluster, hsmId);
    if (!hsm || hsm.state !== 'CREATE_IN_PROGRESS') return { kind: 'gone' };
    const conn = this.pool.get(hsm.address);

    let status: applianceV1.ApplianceStatus__Output;
    try {
      status = await conn.getStatus();
    } catch (err) {
      if (!isTransientNodeError(err)) throw err;
      return {
        kind: 'waiting',
        message: `node unreachable: ${asNodeCallError(err)?.details ?? errorMessage(err)}`,
      };
    }
    if (status.nodeId !== hsm.hsmId)
      throw new Refusal(
        `address ${hsm.address} answers as node ${status.nodeId}, not ${hsm.hsmId}`,
      );
    if (cluster.domainId === '')
      return { kind: 'waiting', message: 'waiting for the cluster to be initialised' };
    if (status.domainId !== '' && status.domainId !== cluster.domainId) {
      throw new Refusal(`node already belongs to masking domain ${status.domainId}`);
    }

    if (cluster.pendingRestoreBackupId !== '') {
      const first = cluster.hsms.find((h) => h.state === 'CREATE_IN_PROGRESS');
      if (first !== hsm)
        return {
          kind: 'waiting',
          message: `waiting for ${first?.hsmId} to be restored from the backup`,
        };
      const step = await restoreFromStoredBackup(this.backups, this.pool, cluster, hsm, log);
      await this.registry.mutate(clusterId, (c) => {
        c.pendingRestoreBackupId = '';
      });
      return step;
    }
    if (status.domainId === '') {
      const granted = await transportMaskingKey(this.pool, cluster, hsm, log);
      if (granted !== undefined) return granted;
      await this.setPhase(clusterId, hsmId, 'RESTORE');
    }

    ({ cluster, hsm } = this.fresh(clusterId, hsmId));
    if (!hsm) return { kind: 'gone' };
    if (hsm.joinPhase !== 'RESYNC') {
      const restored = await restoreFromMember(this.pool, conn, cluster, log);
      if ('kind' in restored) return restored;
      this.joinBackups.set(hsmId, restored);
      await this.setPhase(clusterId, hsmId, 'RESYNC');
    }
    return this.converge(clusterId, hsmId, log);
  }

  /** converge runs delta resync rounds until the new node's root digest equals every ACTIVE node's. */
  private async converge(clusterId: string, hsmId: string, log: Logger): Promise<JoinStep> {
    for (let round = 1; round <= this.settings.joinConvergenceRounds; round += 1) {
      const { cluster, hsm } = this.fresh(clusterId, hsmId);
      if (!hsm) return { kind: 'gone' };
      const active = cluster.hsms.filter((h) => h.state === 'ACTIVE');
      if (active.length === 0) return { kind: 'active' };
      const participants = [...active, hsm].map((h) => ({
        hsmId: h.hsmId,
        conn: this.pool.get(h.address),
      }));
      const outcome = await runResyncRound(
        participants,
        { ...this.settings, preferredSources: active.map((h) => h.hsmId) },
        log,
      );
      const mine = outcome.outcomes.get(hsmId)!;
      if (!mine.reachable)
        return { kind: 'waiting', message: `delta resync: ${mine.error ?? 'unreachable'}` };
      const peersReached = active.some((h) => outcome.outcomes.get(h.hsmId)?.reachable);
      if (outcome.skipped && peersReached) {
        log.info({ rounds: round }, 'join converged: root digests identical');
        return { kind: 'active' };
      }
      // Under a steady stream of writes the root digests may never be equal
      // at one instant. After a few rounds, a round that brought the new node
      // every object the active nodes held when the round began is enough:
      // later writes reach it through the regular resync, like any member.
      if (round >= CAUGHT_UP_ROUNDS && mine.caughtUp && peersReached) {
        log.info(
          { rounds: round, objectsApplied: outcome.objectsApplied },
          'join converged: caught up with every object held when its last delta round began',
        );
        return { kind: 'active' };
      }
      log.info({ round, objectsApplied: outcome.objectsApplied }, 'join delta resync round');
    }
    return {
      kind: 'waiting',
      message: `root digests still differ after ${this.settings.joinConvergenceRounds} delta resync rounds`,
    };
  }

  private fresh(
    clusterId: string,
    hsmId: string,
  ): { cluster: ClusterRecord; hsm: HsmRecord | undefined } {
    const cluster = this.registry.get(clusterId);
    const hsm = findHsm(cluster, hsmId);
    return { cluster, hsm: hsm?.state === 'CREATE_IN_PROGRESS' ? hsm : undefined };
  }

  private async setPhase(clusterId: string, hsmId: string, phase: JoinPhase): Promise<void> {
    await this.registry.mutate(clusterId, (c) => {
      const h = findHsm(c, hsmId);
      if (h?.state === 'CREATE_IN_PROGRESS') {
        h.joinPhase = phase;
        h.stateMessage = `joining: ${phase.toLowerCase().replace('_', ' ')}`;
      }
    });
  }

  private async record(
    clusterId: string,
    hsmId: string,
    step: JoinStep,
    log: Logger,
  ): Promise<void> {
    if (step.kind === 'gone' || !this.registry.find(clusterId)) return;
    let joinedAfterMs = -1;
    await this.registry.mutate(clusterId, (c) => {
      const h = findHsm(c, hsmId);
      if (h?.state !== 'CREATE_IN_PROGRESS') return;
      if (step.kind === 'active') {
        transitionHsm(h, 'ACTIVE', '');
        h.inSync = true;
        joinedAfterMs = this.clock.nowMs() - h.addedAtMs;
      } else if (step.kind === 'refused') {
        transitionHsm(h, 'CREATE_FAILED', step.message);
      } else {
        h.stateMessage = step.message;
      }
    });
    if (step.kind === 'refused') {
      log.warn({ reason: step.message }, 'join refused');
      this.metrics.joins.inc({ cluster: clusterId, outcome: 'refused' });
      this.joinBackups.delete(hsmId);
    } else if (step.kind === 'active' && joinedAfterMs >= 0) {
      this.metrics.joins.inc({ cluster: clusterId, outcome: 'active' });
      this.metrics.joinSeconds.observe({ cluster: clusterId }, joinedAfterMs / 1000);
      await this.saveJoinBackup(clusterId, hsmId, log);
    }
  }

  /** saveJoinBackup keeps the join's backup as the cluster's HSM_ADDED backup, or takes one. */
  private async saveJoinBackup(clusterId: string, hsmId: string, log: Logger): Promise<void> {
    const taken = this.joinBackups.get(hsmId);
    this.joinBackups.delete(hsmId);
    const cluster = this.registry.get(clusterId);
    try {
      if (taken) await this.backups.save(cluster, taken, 'HSM_ADDED');
      else await this.backups.take(cluster, 'HSM_ADDED');
    } catch (err) {
      log.warn({ err: errorMessage(err) }, 'HSM_ADDED backup failed');
    }
  }
}
