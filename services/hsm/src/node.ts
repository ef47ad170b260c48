import { mkdir } from 'node:fs/promises';
import type { Logger, MetricsServer } from '@hsmlab/common';
import { startMetricsServer } from '@hsmlab/common';
import type { NodeConfig } from './config';
import { OffsetClock } from './model';
import { AuditLog, NodeStateFile, ObjectStore, loadOrCreateStorageKey } from './store';
import { issueNodeIdentity, verifyIdentityChain } from './identity';
import { NodeContext } from './service/node-context';
import { NodeServices } from './service/node-services';
import { NodeMetrics } from './service/node-metrics';
import { DEFAULT_CAPACITY, loadProfile } from './service/capacity-profile';
import { lockDataDir } from './data-dir-lock';
import { installChaosHooks } from './chaos-hooks';
import { startGrpcServer, HEALTH_SERVICES, type NodeServer } from './server/grpc-server';

/**
 * HsmNode is one running HSM: storage opened, services wired, gRPC serving.
 * start() returns once the node answers; stop() drains and closes it.
 */
export class HsmNode {
  private metricsServer: MetricsServer | undefined;

  private constructor(
    readonly services: NodeServices,
    private readonly grpc: NodeServer,
    private readonly unlock: () => void,
  ) {}

  get address(): string {
    return this.grpc.address;
  }

  get metricsPort(): number | undefined {
    return this.metricsServer?.port;
  }

  static async start(config: NodeConfig, logger: Logger): Promise<HsmNode> {
    const profile = config.profile ? loadProfile(config.profile) : undefined;
    const clock = new OffsetClock(config.clockOffsetMs);
    await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    const unlock = lockDataDir(config.dataDir);
    const storageKey = await loadOrCreateStorageKey(config.dataDir);
    const state = await NodeStateFile.open(config.dataDir, storageKey);
    const store = await ObjectStore.open({
      dataDir: config.dataDir,
      logger,
      storageKey,
      snapshotEveryRecords: config.snapshotEveryRecords,
    });
    if (store.recovery.truncatedBytes > 0) {
      logger.warn(
        { recovery: store.recovery },
        'journal damage was cut at start; the cluster resync will refill it',
      );
    }
    const audit = await AuditLog.open({
      dataDir: config.dataDir,
      nodeId: config.nodeId,
      restart: state.get().restartCount,
      logger,
      clock,
    });
    await ensureIdentity(config, state, logger);

    const metrics = new NodeMetrics({ nodeId: config.nodeId, az: config.az });
    const capacity = profile ? profile.opsPerSecond['ec-sign'] : DEFAULT_CAPACITY;
    const ctx = new NodeContext(
      config,
      logger,
      clock,
      store,
      state,
      audit,
      metrics,
      profile,
      capacity,
    );
    const services = new NodeServices(ctx);
    await services.users.ensureOfficer();
    if (config.clusterId && state.get().clusterId && state.get().clusterId !== config.clusterId) {
      throw new Error(
        `--cluster-id ${config.clusterId} does not match the data dir, which belongs to ${state.get().clusterId}`,
      );
    }

    installChaosHooks(config.dataDir, clock, logger);
    const grpc = await startGrpcServer(config, services);
    const node = new HsmNode(services, grpc, unlock);
    if (config.metricsListen) {
      const i = config.metricsListen.lastIndexOf(':');
      node.metricsServer = await startMetricsServer(
        metrics.registry,
        config.metricsListen.slice(0, i),
        Number(config.metricsListen.slice(i + 1)),
      );
    }
    metrics.objects.set({ kind: 'all' }, store.size);
    ctx.record({
      action: 'node-start',
      actor: 'node',
      outcome: 'ok',
      detail: `restart ${state.get().restartCount}`,
    });
    return node;
  }

  /** stop refuses new calls, lets running ones finish (up to graceMs), then closes storage. */
  async stop(graceMs = 5000): Promise<void> {
    for (const s of HEALTH_SERVICES) this.grpc.health.setStatus(s, 'NOT_SERVING');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.grpc.server.forceShutdown();
        resolve();
      }, graceMs);
      this.grpc.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    await this.metricsServer?.close();
    const { ctx } = this.services;
    await ctx.signPool.close();
    await ctx.store.close();
    await ctx.audit.close();
    this.unlock();
  }
}

/**
 * ensureIdentity gives the node its identity certificate on first start,
 * issued by the emulated manufacturer CA (as a real HSM gets one at the
 * factory). Without the manufacturer key the node runs, but cannot join a
 * cluster or make backups.
 */
async function ensureIdentity(
  config: NodeConfig,
  state: NodeStateFile,
  logger: Logger,
): Promise<void> {
  const caCert = config.manufacturerCaCertPem;
  const caKey = config.manufacturerCaKeyPem;
  const current = state.get().identity;
  if (current && caCert) {
    try {
      verifyIdentityChain(current.certPem + caCert, caCert, config.nodeId);
      return;
    } catch (err) {
      logger.warn(
        { reason: (err as Error).message },
        'stored identity does not chain to the manufacturer CA; issuing a new one',
      );
    }
  }
  if (!caCert || !caKey) {
    logger.warn('no manufacturer CA key: this node has no identity and cannot join a cluster');
    return;
  }
  const identity = await issueNodeIdentity({
    nodeId: config.nodeId,
    manufacturerCa: { certPem: caCert, keyPem: caKey },
  });
  await state.update((draft) => {
    draft.identity = { certPem: identity.certPem, keyPkcs8Der: identity.keyPkcs8Der };
  });
  logger.info('identity certificate issued by the manufacturer CA');
}
