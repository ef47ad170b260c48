import type { HsmCluster, HsmClientOptions } from '@hsmlab/client';
import type { ProbeCredentials } from './node-probe';
import { ProcessCluster } from './process-cluster';
import type { ProcessClusterOptions } from './process-cluster-options';

/**
 * ChaosCluster is a started ProcessCluster with what a chaos test needs
 * around it: the crypto user's credentials, a factory of SDK clients, and
 * one stop() that closes every client it made and then the cluster.
 */
export interface ChaosCluster {
  /** The cluster: faults, nodes, digests (see ProcessCluster). */
  readonly cluster: ProcessCluster;
  /** The crypto user made at start. */
  readonly credentials: ProbeCredentials;
  /** connect opens an SDK client as that user (cluster.sdkOptions(overrides)); stop() closes it. */
  connect(overrides?: HsmClientOptions): Promise<HsmCluster>;
  /** stop closes every client connect() opened, then stops the cluster. Calling it again does nothing. */
  stop(): Promise<void>;
}

/** startChaosCluster starts a ProcessCluster (see ProcessCluster.start) and wraps it in a ChaosCluster. */
export async function startChaosCluster(
  options: ProcessClusterOptions = {},
): Promise<ChaosCluster> {
  const cluster = await ProcessCluster.start(options);
  const clients: HsmCluster[] = [];
  return {
    cluster,
    credentials: cluster.user,
    async connect(overrides) {
      const client = await cluster.connect(overrides);
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.allSettled(clients.splice(0).map((client) => client.close()));
      await cluster.stop();
    },
  };
}

/**
 * SuiteHooks are a test framework's once-per-suite hooks: vitest's or jest's
 * `{ beforeAll, afterAll }`; for mocha, `{ beforeAll: before, afterAll: after }`.
 */
export interface SuiteHooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

/**
 * useChaosCluster starts a chaos cluster before the suite's first test and
 * stops it (clients first) after its last, through hooks; call it inside
 * the suite (`describe`). The returned ChaosCluster may be used from the
 * suite's tests and later hooks; before the cluster started it throws.
 *
 * ```ts
 * describe('my service under chaos', () => {
 *   const chaos = useChaosCluster({ beforeAll, afterAll });
 *   it('...', async () => {
 *     const hsm = await chaos.connect();
 *     await runScenario({ name: 'crash', cluster: chaos.cluster, faults: ['kill'] });
 *   });
 * });
 * ```
 */
export function useChaosCluster(
  hooks: SuiteHooks,
  options: ProcessClusterOptions = {},
): ChaosCluster {
  let started: ChaosCluster | undefined;
  const current = (): ChaosCluster => {
    if (started === undefined) {
      throw new Error(
        'the chaos cluster is not running: use it in tests and hooks, after beforeAll',
      );
    }
    return started;
  };
  hooks.beforeAll(async () => {
    started = await startChaosCluster(options);
  });
  hooks.afterAll(async () => {
    await started?.stop();
  });
  return {
    get cluster() {
      return current().cluster;
    },
    get credentials() {
      return current().credentials;
    },
    connect: async (overrides) => current().connect(overrides),
    stop: async () => {
      await started?.stop();
    },
  };
}
