import { status as Status } from '@grpc/grpc-js';
import { channelCredentials, channelOptions } from './channel-credentials';
import { ClusterCore, type CallOptions } from './cluster-core';
import { compileOptions, type CompiledOptions } from './compile-options';
import { CryptoApi } from './crypto-api';
import { Deadline, sleep } from './deadline';
import { ClusterUnavailableError, UnauthenticatedError } from './errors';
import { EventHub, type ClusterEvent, type ClusterEventType, type EventOfType } from './events';
import { KeyApi } from './key-api';
import { MembershipWatch } from './membership-watch';
import { ClientMetrics } from './metrics';
import { NodePool, type Member } from './node-pool';
import { describeNode, type NodeDescription, type NodeStatus } from './node-status';
import type { HsmClientOptions } from './options';
import { asRpcFailure } from './rpc-failure';
import { UserApi } from './user-api';

/**
 * HsmCluster is a connection to a whole HSM cluster. Calls go to the
 * least-loaded reachable node and move to another one when a node fails;
 * writes return once enough nodes hold them. Make one with `connect`, share
 * it across your service, and `close` it at shutdown.
 */
export class HsmCluster {
  /** Key management: generate, import, wrap, unwrap, derive, find, change, share, delete. */
  readonly keys: KeyApi;
  /** User management (crypto officer), and your own password. */
  readonly users: UserApi;
  /** Sign, verify, encrypt, decrypt, digest, random: the hot path. */
  readonly crypto: CryptoApi;

  private watch: MembershipWatch | undefined;

  private constructor(private readonly core: ClusterCore) {
    this.keys = new KeyApi(core);
    this.users = new UserApi(core);
    this.crypto = new CryptoApi(core);
  }

  /**
   * connect checks the options, finds the members, and resolves once every
   * member has answered or failed its first probe and at least one can take
   * calls (and, with credentials, has accepted them).
   */
  static async connect(options: HsmClientOptions = {}): Promise<HsmCluster> {
    const compiled = compileOptions(options);
    const events = new EventHub();
    const metrics = new ClientMetrics(compiled.registry);
    const store = { credentials: compiled.credentials };
    const pool = new NodePool({
      options: compiled,
      credentials: channelCredentials(compiled),
      channelOptions: channelOptions(compiled),
      store,
      events,
      metrics,
      logger: compiled.logger.child({ component: 'client' }),
    });
    const cluster = new HsmCluster(new ClusterCore(pool, compiled, metrics, events, store));
    try {
      await cluster.start(compiled);
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  /** events iterates over cluster events from now on; break out of the loop to stop. */
  events(): AsyncIterableIterator<ClusterEvent> {
    return this.core.events.iterate();
  }

  /** on calls `listener` for every event (or every event of one type); it returns the unsubscribe function. */
  on(listener: (event: ClusterEvent) => void): () => void;
  on<T extends ClusterEventType>(type: T, listener: (event: EventOfType<T>) => void): () => void;
  on(
    a: ClusterEventType | ((event: ClusterEvent) => void),
    b?: (event: ClusterEvent) => void,
  ): () => void {
    return typeof a === 'function' ? this.core.events.on(a) : this.core.events.on(a, b!);
  }

  /** nodes describes every member as the SDK sees it now. */
  nodes(): NodeStatus[] {
    return this.core.pool.all().map((node) => ({
      ...node.ref(),
      health: node.healthState,
      active: node.active,
      routable: node.routable(),
      ownInFlight: node.ownInFlight,
      reportedInFlight: node.reportedInFlight,
      capacity: node.capacity,
    }));
  }

  /** requiredReplicas is how many nodes must hold a write now. */
  requiredReplicas(): number {
    return this.core.required();
  }

  /** describeNodes asks every member about itself (GetNodeInfo); unreachable members are left out. */
  async describeNodes(call: CallOptions = {}): Promise<NodeDescription[]> {
    const spec = this.core.spec({ operation: 'getNodeInfo' }, 'read', call);
    const nodes = this.core.pool.all();
    const replies = await Promise.allSettled(
      nodes.map((node) =>
        this.core.runner.runOn(node, spec, (n, c) => n.unary('GetNodeInfo', {}, c)),
      ),
    );
    return replies.flatMap((reply, i) =>
      reply.status === 'fulfilled' ? [describeNode(reply.value, nodes[i]!.address)] : [],
    );
  }

  /** close logs out where logged in (best effort), stops probes and watches, and closes every channel. */
  async close(): Promise<void> {
    const deadline = new Date(Date.now() + this.core.options.probeTimeoutMs);
    await Promise.allSettled(
      this.core.pool
        .all()
        .filter((node) => node.routable() && node.session.loggedIn())
        .map((node) => node.unary('Logout', {}, { deadline })),
    );
    this.watch?.close();
    this.core.pool.close();
    this.core.events.close();
  }

  private async start(options: CompiledOptions): Promise<void> {
    const deadline = Deadline.after(options.connectTimeoutMs);
    if (options.nodes !== undefined) {
      this.applyMembers(options.nodes.map((address) => ({ address, active: true })));
    } else {
      this.watch = new MembershipWatch({
        address: options.orchestrator!,
        clusterId: options.clusterId,
        credentials: channelCredentials(options),
        channelOptions: channelOptions(options),
        backoff: options.backoff,
        logger: options.logger,
        apply: (members) => this.applyMembers(members),
        emit: (event) => this.core.events.emit(event),
      });
      await this.watch.start(deadline.attemptDate());
    }
    await this.firstProbes(deadline);
    if (this.core.store.credentials !== undefined) await this.loginEverywhere(deadline);
  }

  /** firstProbes waits until no member is unprobed and one is routable, or the deadline. */
  private async firstProbes(deadline: Deadline): Promise<void> {
    const pool = this.core.pool;
    for (;;) {
      const settled = pool.all().every((node) => node.healthState !== 'unknown');
      if (pool.routable().length > 0 && settled) return;
      if (deadline.expired()) break;
      await sleep(deadline.remainingMs(), undefined, pool.changed());
    }
    if (pool.routable().length > 0) return;
    const states = pool.all().map((node) => `${node.address} (${node.healthState})`);
    throw new ClusterUnavailableError(
      `connect: no node answered within ${deadline.budgetMs} ms; members: ${states.join(', ') || 'none'}`,
      pool.all().map((node) => node.nodeId),
    );
  }

  /** loginEverywhere logs in on every routable node now, so bad credentials fail connect. */
  private async loginEverywhere(deadline: Deadline): Promise<void> {
    const nodes = this.core.pool.routable();
    const results = await Promise.allSettled(
      nodes.map((node) => node.session.ticket(deadline.attemptDate())),
    );
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      const failure = asRpcFailure(result.reason, nodes[i]!.nodeId);
      if (failure.code === Status.UNAUTHENTICATED) {
        throw new UnauthenticatedError(
          `connect: ${failure.nodeId} refused the credentials: ${failure.details}`,
          {
            code: failure.code,
            nodeId: failure.nodeId,
            cause: failure,
          },
        );
      }
    }
  }

  private applyMembers(members: Member[]): void {
    const change = this.core.pool.reconcile(members);
    if (!change.changed) return;
    this.core.events.emit({
      type: 'membership-changed',
      added: change.added,
      removed: change.removed,
      members: this.core.pool.all().map((node) => ({ ...node.ref(), active: node.active })),
      atMs: Date.now(),
    });
  }
}
