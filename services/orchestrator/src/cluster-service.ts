import type { Logger } from '@hsmlab/common';
import type { BackupManager } from './backup/backup-manager';
import type { Clock } from './clock';
import { InvalidArgumentError, PreconditionError, UnavailableError, errorMessage } from './errors';
import { CLUSTER_ID_PATTERN, newClusterId } from './ids';
import type { JoinFlow } from './join/join-flow';
import type { ClusterRegistry } from './model/cluster-registry';
import { transitionHsm } from './model/hsm-machine';
import { findHsm, newHsmRecord, type ClusterRecord, type HsmRecord } from './model/records';
import { asNodeCallError } from './node/node-call-error';
import type { NodePool } from './node/node-pool';
import type { TaskSet } from './task-set';
import { checkAddHsmInput, checkUnique, type AddHsmInput } from './hsm-input';
import { finishRemoval, type RemovalDeps } from './hsm-removal';

export type { AddHsmInput } from './hsm-input';

/**
 * ClusterService is the cluster life cycle: create, initialise, add and
 * remove HSMs. Joins and removals run in the background (TaskSet) after the
 * call has recorded them, and are resumed after a restart.
 */
export class ClusterService {
  constructor(
    private readonly registry: ClusterRegistry,
    private readonly pool: NodePool,
    private readonly joins: JoinFlow,
    private readonly backups: BackupManager,
    private readonly tasks: TaskSet,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async createCluster(fields: Partial<ClusterRecord> = {}): Promise<ClusterRecord> {
    let clusterId = newClusterId();
    while (this.registry.find(clusterId)) clusterId = newClusterId();
    const nowMs = this.clock.nowMs();
    return this.registry.create({
      clusterId,
      domainId: '',
      createdAtMs: nowMs,
      activatedAtMs: 0,
      sourceBackupId: '',
      pendingRestoreBackupId: '',
      lastScheduledBackupMs: nowMs,
      state: 'UNINITIALIZED',
      stateMessage: '',
      hsms: [],
      ...fields,
    });
  }

  listClusters(): ClusterRecord[] {
    return this.registry.all();
  }

  getCluster(clusterId: string): ClusterRecord {
    if (!CLUSTER_ID_PATTERN.test(clusterId)) {
      throw new InvalidArgumentError(
        'cluster_id',
        `"${clusterId}" is not a cluster id (cluster- and 11 letters or digits)`,
      );
    }
    return this.registry.get(clusterId);
  }

  /**
   * initializeCluster makes the masking key on the first HSM (in the order
   * they were added) that answers and has no key yet; that HSM is ACTIVE at
   * once, and every other HSM starts its attested join.
   */
  async initializeCluster(clusterId: string): Promise<ClusterRecord> {
    const cluster = this.getCluster(clusterId);
    if (cluster.domainId !== '')
      throw new PreconditionError(`cluster ${clusterId} is already initialised`);
    const candidates = cluster.hsms.filter((h) => h.state === 'CREATE_IN_PROGRESS');
    if (candidates.length === 0)
      throw new PreconditionError(`cluster ${clusterId} has no HSM; add one first`);

    const skipped: string[] = [];
    for (const hsm of candidates) {
      const conn = this.pool.get(hsm.address);
      try {
        const status = await conn.getStatus();
        if (status.nodeId !== hsm.hsmId || status.domainId !== '') {
          skipped.push(
            `${hsm.hsmId}: answers as ${status.nodeId} with domain "${status.domainId}"`,
          );
          continue;
        }
        const initialized = await conn.initializeCluster(clusterId);
        if (initialized.domainId === '')
          throw new Error('node reports no masking domain after InitializeCluster');
        await this.registry.mutate(clusterId, (c) => {
          c.domainId = initialized.domainId;
          c.lastScheduledBackupMs = this.clock.nowMs();
          for (const h of c.hsms) {
            if (h.hsmId === hsm.hsmId) {
              transitionHsm(h, 'ACTIVE', '');
              h.inSync = true;
            } else if (h.joinPhase === 'AWAIT_INIT') {
              h.joinPhase = 'KEY_TRANSPORT';
            }
          }
        });
        this.logger.info(
          { clusterId, hsmId: hsm.hsmId, domainId: initialized.domainId },
          'cluster initialised',
        );
        this.kickJoins(clusterId);
        return this.registry.get(clusterId);
      } catch (err) {
        skipped.push(`${hsm.hsmId}: ${asNodeCallError(err)?.details ?? errorMessage(err)}`);
      }
    }
    throw new UnavailableError(
      `no HSM of ${clusterId} could be initialised (${skipped.join('; ')})`,
    );
  }

  /**
   * addHsm records a new HSM after asking the node who it is. A node that
   * cannot be reached is still recorded when the caller named its id and AZ;
   * its join retries until it answers.
   */
  async addHsm(input: AddHsmInput): Promise<HsmRecord> {
    const cluster = this.getCluster(input.clusterId);
    checkAddHsmInput(input, cluster);
    checkUnique(this.registry.all(), input.address, input.hsmId);

    let hsmId = input.hsmId ?? '';
    let az = input.az ?? '';
    try {
      const status = await this.pool.get(input.address).getStatus();
      if (hsmId !== '' && status.nodeId !== hsmId) {
        throw new InvalidArgumentError(
          'hsm_id',
          `"${hsmId}" given, but ${input.address} is node ${status.nodeId}`,
        );
      }
      if (az !== '' && status.az !== '' && status.az !== az) {
        throw new InvalidArgumentError(
          'az',
          `"${az}" given, but node ${status.nodeId} is in AZ "${status.az}"`,
        );
      }
      hsmId = status.nodeId;
      az = az || status.az;
    } catch (err) {
      if (err instanceof InvalidArgumentError) throw err;
      if (hsmId === '' || az === '') {
        this.pool.release(input.address);
        throw new UnavailableError(
          `cannot reach ${input.address} to learn its node id and AZ: ${errorMessage(err)}`,
          { cause: err },
        );
      }
    }
    checkUnique(this.registry.all(), input.address, hsmId);

    const record = newHsmRecord({
      hsmId,
      az,
      address: input.address,
      nowMs: this.clock.nowMs(),
      joinPhase:
        cluster.domainId === '' && cluster.pendingRestoreBackupId === ''
          ? 'AWAIT_INIT'
          : 'KEY_TRANSPORT',
    });
    record.stateMessage =
      record.joinPhase === 'AWAIT_INIT' ? 'waiting for the cluster to be initialised' : 'joining';
    await this.registry.mutate(cluster.clusterId, (c) => c.hsms.push(record));
    this.kickJoins(cluster.clusterId);
    return record;
  }

  /**
   * removeHsm marks the HSM DELETE_IN_PROGRESS (clients stop routing to it),
   * then in the background takes an HSM_REMOVED backup and drops the HSM.
   */
  async removeHsm(clusterId: string, hsmId: string): Promise<HsmRecord> {
    const cluster = this.getCluster(clusterId);
    const hsm = findHsm(cluster, hsmId);
    if (!hsm)
      throw new InvalidArgumentError('hsm_id', `cluster ${clusterId} has no HSM "${hsmId}"`);
    const served = hsm.state === 'ACTIVE' || hsm.state === 'DEGRADED';
    if (hsm.state !== 'DELETE_IN_PROGRESS') {
      await this.registry.mutate(clusterId, (c) =>
        transitionHsm(findHsm(c, hsmId)!, 'DELETE_IN_PROGRESS', 'removing'),
      );
    }
    this.tasks.run(`remove:${clusterId}:${hsmId}`, () =>
      finishRemoval(this.removalDeps(), clusterId, hsmId, served),
    );
    return { ...hsm };
  }

  private removalDeps(): RemovalDeps {
    return { registry: this.registry, backups: this.backups, pool: this.pool, logger: this.logger };
  }

  /** kickJoins starts a join attempt for every CREATE_IN_PROGRESS HSM of the cluster not already joining. */
  kickJoins(clusterId: string): void {
    const cluster = this.registry.find(clusterId);
    if (!cluster) return;
    for (const h of cluster.hsms) {
      if (h.state !== 'CREATE_IN_PROGRESS') continue;
      this.tasks.run(`join:${clusterId}:${h.hsmId}`, () => this.joins.advance(clusterId, h.hsmId));
    }
  }

  /** resume restarts the work a previous run left: joins and removals. */
  resume(): void {
    for (const cluster of this.registry.all()) {
      this.kickJoins(cluster.clusterId);
      for (const h of cluster.hsms) {
        if (h.state === 'DELETE_IN_PROGRESS') {
          this.tasks.run(`remove:${cluster.clusterId}:${h.hsmId}`, () =>
            finishRemoval(this.removalDeps(), cluster.clusterId, h.hsmId, true),
          );
        }
      }
    }
  }
}
