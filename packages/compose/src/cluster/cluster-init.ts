import { status } from '@grpc/grpc-js';
import type { ClientTransport } from '../client-transport';
import type { ConsoleLine } from '../console-line';
import { isServiceError, type Cluster, type ControlClient } from './control-client';
import { waitForActiveHsms, waitForOrchestrator } from './cluster-wait';
import type { CredentialsFile } from './credentials-file';
import type { HsmSpec } from './hsm-spec';
import { ensureOfficerAndUser } from './officer-setup';

/** ClusterInitOptions are what init puts together. */
export interface ClusterInitOptions {
  readonly control: ControlClient;
  /** Orchestrator address, for the SDK. */
  readonly orchestrator: string;
  readonly transport: ClientTransport;
  /** HSMs in order; the first makes the masking key when the cluster is new. */
  readonly hsms: readonly HsmSpec[];
  /** The officer's and user's passwords; needed unless joinOnly. */
  readonly credentials: CredentialsFile | undefined;
  /** Use this cluster (else the orchestrator's only one, or a new one). */
  readonly clusterId: string | undefined;
  /**
   * Only add HSMs to a cluster that is already set up (the join helper for
   * scale-out services); never create or initialise one.
   */
  readonly joinOnly: boolean;
  readonly timeoutMs: number;
  readonly log: ConsoleLine;
}

function holds(cluster: Cluster, hsm: HsmSpec): boolean {
  return cluster.hsms.some((h) => h.hsmId === hsm.hsmId || h.address === hsm.address);
}

async function chooseCluster(options: ClusterInitOptions, clusters: Cluster[]): Promise<Cluster> {
  const { control, log, clusterId } = options;
  if (clusterId !== undefined) {
    const found = clusters.find((c) => c.clusterId === clusterId);
    if (found === undefined) throw new Error(`the orchestrator has no cluster ${clusterId}`);
    return found;
  }
  const ours = clusters.filter((c) => options.hsms.some((hsm) => holds(c, hsm)));
  if (ours.length === 1) return ours[0]!;
  if (clusters.length === 1) return clusters[0]!;
  if (clusters.length > 1) {
    throw new Error(
      `the orchestrator has ${clusters.length} clusters; set HSMLAB_CLUSTER_ID to pick one`,
    );
  }
  if (options.joinOnly) throw new Error('there is no cluster to join yet: run init first');
  const created = await control.createCluster();
  log.info(`created cluster ${created.clusterId}`);
  return created;
}

async function addHsm(options: ClusterInitOptions, clusterId: string, hsm: HsmSpec): Promise<void> {
  try {
    await options.control.addHsm({ clusterId, hsmId: hsm.hsmId, address: hsm.address, az: hsm.az });
    options.log.info(`added ${hsm.hsmId} (${hsm.address}, AZ ${hsm.az}) to ${clusterId}`);
  } catch (err) {
    // A re-run racing an earlier one: the HSM is already there.
    if (isServiceError(err) && err.code === status.ALREADY_EXISTS) return;
    throw err;
  }
}

/** initialise adds the first HSM if needed and makes the masking key on it. */
async function initialise(options: ClusterInitOptions, cluster: Cluster): Promise<void> {
  const first = options.hsms[0]!;
  if (!holds(cluster, first)) await addHsm(options, cluster.clusterId, first);
  try {
    await options.control.initializeCluster(cluster.clusterId);
    options.log.info(`initialising ${cluster.clusterId} on ${first.hsmId}`);
  } catch (err) {
    // Initialised meanwhile by another run: carry on.
    if (!isServiceError(err) || err.code !== status.FAILED_PRECONDITION) throw err;
  }
  await waitForActiveHsms(
    options.control,
    cluster.clusterId,
    options.hsms.map((h) => h.hsmId),
    options.timeoutMs,
    options.log,
    true,
  );
}

/**
 * initCluster brings the compose lab's cluster to its wanted shape, in the
 * order an operator of the real service follows, and is safe to run again at
 * any point: it finds or creates the cluster, initialises it on the first
 * HSM, activates the crypto officer and creates the crypto user through the
 * SDK, adds every HSM not yet in the cluster with its AZ (they join through
 * attested key transport), and waits until all of them are ACTIVE.
 */
export async function initCluster(options: ClusterInitOptions): Promise<Cluster> {
  const { control, log } = options;
  if (options.hsms.length === 0) throw new Error('no HSMs to put in the cluster');
  const clusters = await waitForOrchestrator(control, options.timeoutMs, log);
  let cluster = await chooseCluster(options, clusters);
  const clusterId = cluster.clusterId;

  if (cluster.state === 'UNINITIALIZED') {
    if (options.joinOnly)
      throw new Error(`cluster ${clusterId} is not initialised: run init first`);
    await initialise(options, cluster);
    cluster = await control.describeCluster(clusterId);
  }

  if (!options.joinOnly) {
    if (options.credentials === undefined) throw new Error('init needs the lab credentials');
    await ensureOfficerAndUser(
      { orchestrator: options.orchestrator, clusterId, transport: options.transport },
      cluster.activatedAtMs > 0,
      options.credentials,
      log,
    );
  }

  for (const hsm of options.hsms) {
    if (!holds(cluster, hsm)) await addHsm(options, clusterId, hsm);
  }
  const ready = await waitForActiveHsms(
    control,
    clusterId,
    options.hsms.map((h) => h.hsmId),
    options.timeoutMs,
    log,
  );
  log.info(
    `cluster ${clusterId} ${ready.state}: ` +
      ready.hsms.map((h) => `${h.hsmId} (AZ ${h.az}) ${h.state}`).join(', '),
  );
  return ready;
}
