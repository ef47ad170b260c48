import type { ChannelCredentials, ChannelOptions, ClientReadableStream } from '@grpc/grpc-js';
import type { Logger } from '@hsmlab/common';
import { loadOrchestratorProto, type OrchestratorClient, type orchestratorV1 } from '@hsmlab/proto';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import { ClusterUnavailableError, InvalidOptionError } from './errors';
import type { ClusterEvent } from './events';
import type { Member } from './node-pool';
import { asRpcFailure } from './rpc-failure';

/** MembershipWatchDeps are what the watcher needs from the SDK. */
export interface MembershipWatchDeps {
  readonly address: string;
  readonly clusterId: string | undefined;
  readonly credentials: ChannelCredentials;
  readonly channelOptions: ChannelOptions;
  readonly backoff: BackoffPolicy;
  readonly logger: Logger;
  /** apply receives the whole membership after every change. */
  apply(members: Member[]): void;
  emit(event: ClusterEvent): void;
}

/** ROUTABLE_STATE is the only orchestrator state clients may route to. */
const ROUTABLE_STATE = 'ACTIVE';

/**
 * MembershipWatch follows the orchestrator's WatchCluster stream and hands
 * the SDK the cluster's members after every event (each event carries the
 * whole cluster). A broken stream is reopened with backoff; meanwhile the
 * last membership stays in force, so an orchestrator outage never stops
 * traffic to nodes that work.
 */
export class MembershipWatch {
  private readonly client: OrchestratorClient;
  private stream: ClientReadableStream<orchestratorV1.ClusterEvent__Output> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private clusterId: string | undefined;
  /** Last state the orchestrator gave each HSM, to report DEGRADED changes once. */
  private readonly states = new Map<string, string>();
  private firstSnapshot: { resolve: () => void; reject: (err: Error) => void } | undefined;

  constructor(private readonly deps: MembershipWatchDeps) {
    const Orchestrator = loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator;
    this.client = new Orchestrator(
      deps.address,
      deps.credentials,
      deps.channelOptions,
    ) as unknown as OrchestratorClient;
    this.clusterId = deps.clusterId;
  }

  /** start opens the watch and resolves on the first snapshot, or rejects at `deadline`. */
  start(deadline: Date): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new ClusterUnavailableError(
              `no cluster snapshot from the orchestrator at ${this.deps.address} before the connect timeout`,
              [this.deps.address],
            ),
          ),
        Math.max(0, deadline.getTime() - Date.now()),
      );
      this.firstSnapshot = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      void this.open(deadline);
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.stream?.cancel();
    this.client.close();
  }

  private async open(deadline: Date): Promise<void> {
    if (this.closed) return;
    try {
      this.clusterId ??= await this.onlyCluster(deadline);
    } catch (err) {
      if (err instanceof InvalidOptionError) return this.firstSnapshot?.reject(err);
      return this.retry(`ListClusters: ${asRpcFailure(err, this.deps.address).details}`);
    }
    const stream = this.client.WatchCluster({ clusterId: this.clusterId });
    this.stream = stream;
    stream.on('data', (event: orchestratorV1.ClusterEvent__Output) => {
      this.failures = 0;
      if (event.cluster) this.receive(event.cluster);
    });
    stream.on('error', (err) => {
      if (this.stream === stream) this.retry(asRpcFailure(err, this.deps.address).details);
    });
    stream.on('end', () => {
      if (this.stream === stream) this.retry('watch stream ended');
    });
  }

  private async onlyCluster(deadline: Date): Promise<string> {
    const reply = await new Promise<orchestratorV1.ListClustersResponse__Output>(
      (resolve, reject) =>
        this.client.ListClusters({}, { deadline }, (err, value) =>
          err ? reject(err) : resolve(value!),
        ),
    );
    const ids = reply.clusters.map((cluster) => cluster.clusterId);
    if (ids.length === 1) return ids[0]!;
    throw new InvalidOptionError(
      'clusterId',
      ids.length === 0
        ? `the orchestrator at ${this.deps.address} has no cluster`
        : `the orchestrator has ${ids.length} clusters (${ids.join(', ')}); name one`,
    );
  }

  private receive(cluster: orchestratorV1.Cluster__Output): void {
    const members: Member[] = cluster.hsms.map((hsm) => ({
      address: hsm.address,
      hsmId: hsm.hsmId,
      az: hsm.az || undefined,
      active: hsm.state === ROUTABLE_STATE,
    }));
    for (const hsm of cluster.hsms) {
      const before = this.states.get(hsm.hsmId);
      this.states.set(hsm.hsmId, hsm.state);
      if (hsm.state === 'DEGRADED' && before !== 'DEGRADED') {
        this.deps.emit({
          type: 'node-degraded',
          node: { nodeId: hsm.hsmId, address: hsm.address, az: hsm.az || undefined },
          reason: 'orchestrator',
          detail: hsm.stateMessage || 'the orchestrator reports the HSM DEGRADED',
          atMs: Date.now(),
        });
      }
    }
    this.deps.apply(members);
    this.firstSnapshot?.resolve();
    this.firstSnapshot = undefined;
  }

  private retry(reason: string): void {
    this.stream = undefined;
    if (this.closed) return;
    this.failures += 1;
    const delayMs = backoffDelayMs(this.deps.backoff, this.failures);
    this.deps.logger.warn(
      { orchestrator: this.deps.address, reason, retryInMs: delayMs },
      'cluster watch lost',
    );
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.open(new Date(Date.now() + 10_000)), delayMs);
    this.retryTimer.unref();
  }
}
