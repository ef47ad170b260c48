import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import type { CompiledClusterOptions } from './process-cluster-options';

/** OrchestratorPaths are where a ProcessCluster keeps the orchestrator's files. */
export interface OrchestratorPaths {
  dataDir: string;
  logFile: string;
  /** File holding the appliance user's password, shared with the nodes. */
  passwordFile: string;
}

/**
 * orchestratorProcess makes (but does not start) the orchestrator of a
 * ProcessCluster: plaintext gRPC on a fixed loopback address, so that a
 * restart keeps the address clients and nodes know, and the cluster's resync
 * and health intervals.
 */
export function orchestratorProcess(
  options: CompiledClusterOptions,
  address: string,
  paths: OrchestratorPaths,
): ManagedProcess {
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  return new ManagedProcess({
    name: 'orchestrator',
    main: options.orchestratorMain,
    args: [
      '--data-dir',
      paths.dataDir,
      '--appliance-password-file',
      paths.passwordFile,
      '--listen',
      address,
      '--insecure',
      '--resync-interval',
      `${options.resyncIntervalMs}ms`,
      '--health-interval',
      `${options.healthIntervalMs}ms`,
      '--unhealthy-after',
      String(options.unhealthyAfter),
      ...options.orchestratorArgs,
    ],
    env: { HSMLAB_LOG_LEVEL: options.logLevel },
    readyMessage: 'orchestrator listening',
    logFile: paths.logFile,
  });
}

/** orchestratorPaths lays the orchestrator's files out under a cluster directory. */
export function orchestratorPaths(dir: string): OrchestratorPaths {
  return {
    dataDir: join(dir, 'orchestrator'),
    logFile: join(dir, 'logs', 'orchestrator.log'),
    passwordFile: join(dir, 'appliance.pw'),
  };
}
