import { readFileSync } from 'node:fs';
import { Server, ServerCredentials, credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { createLogger, startMetricsServer, type Logger, type MetricsServer } from '@hsmlab/common';
import { loadOrchestratorProto, MESSAGE_LIMITS } from '@hsmlab/proto';
import { BackupManager } from './backup/backup-manager';
import { BackupStore } from './backup/backup-store';
import { BackupService } from './backup-service';
import { ClusterRounds } from './cluster-rounds';
import { ClusterService } from './cluster-service';
import { createControlHandlers } from './control/control-service';
import { tolerantService } from './control/malformed-request';
import { WatchHub } from './control/watch-hub';
import { JoinFlow } from './join/join-flow';
import { OrchestratorMetrics } from './metrics';
import { ClusterRegistry } from './model/cluster-registry';
import { NodePool } from './node/node-pool';
import { compileOptions, type CompiledOptions, type OrchestratorOptions } from './options';
import { PeriodicTask } from './periodic-task';
import { StateStore } from './store/state-store';
import { TaskSet } from './task-set';

/** HEALTH_SERVICES are the names the orchestrator's grpc.health.v1 service answers for. */
export const HEALTH_SERVICES = ['', 'hsmlab.orchestrator.v1.Orchestrator'] as const;

/** RunningOrchestrator is a started orchestrator: its address, its services, and stop(). */
export interface RunningOrchestrator {
  /** host:port the control plane listens on (with the real port when 0 was asked). */
  readonly address: string;
  readonly metricsPort: number | undefined;
  readonly options: CompiledOptions;
  readonly clusters: ClusterService;
  readonly backups: BackupService;
  /** The periodic rounds; tests with runLoops false call them by hand. */
  readonly rounds: ClusterRounds;
  readonly metrics: OrchestratorMetrics;
  readonly logger: Logger;
  /** idle resolves when no join or removal runs in the background. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

function clientCredentials(o: CompiledOptions): ChannelCredentials {
  if (!o.tls) return credentials.createInsecure();
  return credentials.createSsl(
    readFileSync(o.tls.caFile),
    readFileSync(o.tls.keyFile),
    readFileSync(o.tls.certFile),
  );
}

function serverCredentials(o: CompiledOptions): ServerCredentials {
  if (!o.tls) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(
    readFileSync(o.tls.caFile),
    [{ private_key: readFileSync(o.tls.keyFile), cert_chain: readFileSync(o.tls.certFile) }],
    o.tls.requireClientCert,
  );
}

function splitHostPort(hostPort: string): { host: string; port: number } {
  const i = hostPort.lastIndexOf(':');
  return {
    host: hostPort.slice(0, i).replace(/^\[|\]$/g, ''),
    port: Number(hostPort.slice(i + 1)),
  };
}

/**
 * startOrchestrator validates options, loads state.json and the backups,
 * serves the control plane, resumes unfinished joins and removals, and
 * starts the health, resync and maintenance loops.
 */
export async function startOrchestrator(input: OrchestratorOptions): Promise<RunningOrchestrator> {
  const options = compileOptions(input);
  const logger = options.logger ?? createLogger({ component: 'orchestrator' });
  const metrics = new OrchestratorMetrics();
  const hub = new WatchHub();
  const stateStore = new StateStore(options.dataDir);
  const registry = new ClusterRegistry(stateStore, hub, logger);
  registry.load((await stateStore.load()).clusters);
  const backupStore = new BackupStore(options.dataDir);
  for (const problem of await backupStore.open())
    logger.warn({ problem }, 'unreadable backup directory ignored');

  const pool = new NodePool({
    credentials: clientCredentials(options),
    applianceUser: options.applianceUser,
    appliancePassword: options.appliancePassword,
    rpcTimeoutMs: options.rpcTimeoutMs,
    backupTimeoutMs: options.backupTimeoutMs,
  });
  const tasks = new TaskSet(logger);
  const backupManager = new BackupManager(backupStore, pool, options.clock, logger, metrics);
  const joins = new JoinFlow(
    registry,
    pool,
    backupManager,
    {
      digestPageSize: options.digestPageSize,
      batchSize: options.resyncBatchSize,
      importBatchBytes: options.importBatchBytes,
      joinConvergenceRounds: options.joinConvergenceRounds,
    },
    options.clock,
    logger,
    metrics,
  );
  const clusters = new ClusterService(
    registry,
    pool,
    joins,
    backupManager,
    tasks,
    options.clock,
    logger,
  );
  const rounds = new ClusterRounds(
    registry,
    pool,
    clusters,
    backupManager,
    options,
    logger,
    metrics,
  );
  const backups = new BackupService(
    backupManager,
    clusters,
    rounds,
    pool,
    options.pendingDeletionPeriodMs,
    logger,
  );

  const server = new Server({
    'grpc.max_receive_message_length': MESSAGE_LIMITS.maxReceiveBytes,
    'grpc.max_send_message_length': MESSAGE_LIMITS.maxSendBytes,
  });
  server.addService(
    tolerantService(loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator.service),
    createControlHandlers({ clusters, backups, hub, metrics, logger }),
  );
  const health = new HealthImplementation(
    Object.fromEntries(HEALTH_SERVICES.map((name) => [name, 'NOT_SERVING'])),
  );
  health.addToServer(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(options.listen, serverCredentials(options), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  const address = `${splitHostPort(options.listen).host}:${port}`;

  let metricsServer: MetricsServer | undefined;
  if (options.metricsListen) {
    const { host, port: metricsPort } = splitHostPort(options.metricsListen);
    metricsServer = await startMetricsServer(metrics.registry, host, metricsPort);
  }

  clusters.resume();
  for (const name of HEALTH_SERVICES) health.setStatus(name, 'SERVING');
  const loops = options.runLoops
    ? [
        new PeriodicTask('health', options.healthIntervalMs, () => rounds.healthRound(), logger),
        new PeriodicTask('resync', options.resyncIntervalMs, () => rounds.resyncRound(), logger),
        new PeriodicTask(
          'maintenance',
          options.maintenanceIntervalMs,
          () => rounds.maintenanceRound(),
          logger,
        ),
      ]
    : [];
  for (const loop of loops) loop.start();
  logger.info(
    {
      address,
      metricsPort: metricsServer?.port,
      dataDir: options.dataDir,
      clusters: registry.all().length,
      tls: options.tls !== undefined,
    },
    'orchestrator listening',
  );

  return {
    address,
    metricsPort: metricsServer?.port,
    options,
    clusters,
    backups,
    rounds,
    metrics,
    logger,
    idle: () => tasks.idle(),
    async stop() {
      for (const name of HEALTH_SERVICES) health.setStatus(name, 'NOT_SERVING');
      await Promise.all(loops.map((l) => l.stop()));
      await tasks.close();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 2000);
        force.unref();
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      pool.closeAll();
      await metricsServer?.close();
      logger.info({ address }, 'orchestrator stopped');
    },
  };
}
