import {
  Metadata,
  type ChannelCredentials,
  type ChannelOptions,
  type ServiceError,
  type StatusObject,
} from '@grpc/grpc-js';
import type { Logger } from '@hsmlab/common';
import { loadHsmProto, METADATA, type HsmClient, type hsmV1 } from '@hsmlab/proto';
import type { CompiledOptions } from './compile-options';
import { CryptoStream, type CryptoOp } from './crypto-stream';
import type { ClusterEvent, EventHub, NodeRef } from './events';
import type { ClientMetrics } from './metrics';
import { NodeHealth, type HealthState, type HealthTransition } from './node-health';
import { NodeSession, type CredentialStore } from './node-session';
import type { RoutingCandidate } from './routing-policy';
import { asRpcFailure } from './rpc-failure';
import { SESSIONLESS_METHODS, type UnaryMethod, type UnaryMethods } from './unary-methods';

/** NodeEnv is what every node connection of one SDK instance shares. */
export interface NodeEnv {
  readonly options: CompiledOptions;
  readonly credentials: ChannelCredentials;
  readonly channelOptions: ChannelOptions;
  readonly store: CredentialStore;
  readonly events: EventHub;
  readonly metrics: ClientMetrics;
  readonly logger: Logger;
  /** healthChanged wakes calls waiting for a routable node. */
  healthChanged(): void;
}

/** UnaryCallOptions bound one unary attempt. */
export interface UnaryCallOptions {
  readonly deadline: Date;
  readonly signal?: AbortSignal;
}

type UnaryCallback = (err: ServiceError | null, value?: unknown) => void;
type UnaryInvoker = (
  request: unknown,
  metadata: Metadata,
  options: object,
  cb: UnaryCallback,
) => {
  on(event: 'status', listener: (status: StatusObject) => void): unknown;
  cancel(): void;
};

/**
 * NodeConnection is the SDK's link to one HSM node: its channel, its session,
 * its crypto stream, its health and the load it reports. The address is its
 * identity inside the SDK; `nodeId` is what the node calls itself once it
 * has answered a probe.
 */
export class NodeConnection {
  readonly address: string;
  /** Calls this SDK has in flight to the node (unary and stream). */
  ownInFlight = 0;
  /** Operations in flight the node last reported. */
  reportedInFlight = 0;
  /** Relative capacity the node last reported (0 until it has). */
  capacity = 0;
  /** False when the membership (the orchestrator) says the node must not get traffic. */
  active = true;
  readonly session: NodeSession;

  private id: string | undefined;
  private zone: string | undefined;
  private readonly client: HsmClient;
  private readonly stream: CryptoStream;
  private readonly health: NodeHealth;
  private probeTimer: NodeJS.Timeout | undefined;
  /** startedAtMs from the last probe; a change means the node restarted. */
  private startedAtMs: number | undefined;
  private closed = false;

  constructor(
    address: string,
    private readonly env: NodeEnv,
    az?: string,
  ) {
    this.address = address;
    this.zone = az;
    const Hsm = loadHsmProto().hsmlab.hsm.v1.Hsm;
    this.client = new Hsm(address, env.credentials, env.channelOptions) as unknown as HsmClient;
    this.health = new NodeHealth(env.options.backoff);
    this.session = new NodeSession(
      () => this.nodeId,
      env.store,
      (request, deadline) => this.unary('Login', request, { deadline }),
    );
    this.stream = new CryptoStream({
      nodeId: () => this.nodeId,
      ticket: (deadline) => this.session.ticket(deadline),
      open: (ticket) => {
        const metadata = new Metadata();
        metadata.set(METADATA.session, ticket.token);
        return this.client.CryptoStream(metadata);
      },
      onLoad: (load) => this.recordLoad(load.inFlight, load.capacity),
      maxBatchCalls: env.options.maxBatchCalls,
    });
  }

  /** nodeId is the node's own id, or its address until it has answered. */
  get nodeId(): string {
    return this.id ?? this.address;
  }

  get az(): string | undefined {
    return this.zone;
  }

  get healthState(): HealthState {
    return this.health.state;
  }

  ref(): NodeRef {
    return { nodeId: this.nodeId, address: this.address, az: this.zone };
  }

  /** routable tells whether calls may go to the node now. */
  routable(): boolean {
    return !this.closed && this.active && this.health.routable();
  }

  candidate(): RoutingCandidate {
    return {
      id: this.address,
      routable: this.routable(),
      ownInFlight: this.ownInFlight,
      reportedInFlight: this.reportedInFlight,
      capacity: this.capacity,
    };
  }

  /**
   * unary runs one unary method on the node with the session token (logging
   * in first when needed) and records the load from the reply's trailers.
   * It rejects with an RpcFailure.
   */
  async unary<M extends UnaryMethod>(
    method: M,
    request: UnaryMethods[M][0],
    options: UnaryCallOptions,
  ): Promise<UnaryMethods[M][1]> {
    const metadata = new Metadata();
    let generation: number | undefined;
    if (!SESSIONLESS_METHODS.has(method)) {
      const ticket = await this.session.ticket(options.deadline);
      metadata.set(METADATA.session, ticket.token);
      generation = ticket.generation;
    }
    const invoke = (this.client as unknown as Record<string, UnaryInvoker>)[method]!;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => call.cancel();
      const call = invoke.call(
        this.client,
        request,
        metadata,
        { deadline: options.deadline },
        (err, value) => {
          options.signal?.removeEventListener('abort', onAbort);
          if (err === null) return resolve(value as UnaryMethods[M][1]);
          const failure = asRpcFailure(err, this.nodeId);
          failure.sessionGeneration = generation;
          reject(failure);
        },
      );
      call.on('status', (status) => this.readTrailers(status.metadata));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) onAbort();
    });
  }

  /** crypto runs one operation on the node's crypto stream; it rejects with an RpcFailure. */
  crypto(
    op: CryptoOp,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<hsmV1.CryptoResult__Output> {
    return this.stream.call(op, timeoutMs, signal);
  }

  /** relogin drops the session of `generation` (the node forgot it) and the stream opened with it. */
  relogin(generation: number | undefined): void {
    this.session.invalidate(generation);
    if (generation !== undefined) this.stream.reset(generation);
  }

  /** answered records that the node answered a call. */
  answered(): void {
    this.apply(this.health.answered(Date.now()));
  }

  /** failed takes the node out of routing until a probe answers. */
  failed(reason: string): void {
    this.apply(this.health.failed(reason, Date.now()));
  }

  /** shed takes a busy node out of routing for the busy backoff. */
  shed(detail: string): void {
    this.apply(this.health.shed(detail, Date.now()));
  }

  /** start probes the node now and then keeps probing it. */
  start(): void {
    this.scheduleProbe(0);
  }

  /**
   * probe asks the node for its info (no session needed): an answer puts it
   * (back) in routing and refreshes its id, zone and load.
   */
  async probe(): Promise<hsmV1.NodeInfo__Output> {
    const deadline = new Date(Date.now() + this.env.options.probeTimeoutMs);
    try {
      const info = await this.unary('GetNodeInfo', {}, { deadline });
      this.learn(info);
      this.answered();
      return info;
    } catch (err) {
      const failure = asRpcFailure(err, this.nodeId);
      this.failed(`probe: ${failure.message}`);
      throw failure;
    } finally {
      this.scheduleNextProbe();
    }
  }

  /** close ends the stream and the channel; pending calls fail with UNAVAILABLE. */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
    this.stream.close();
    this.client.close();
  }

  private learn(info: hsmV1.NodeInfo__Output): void {
    if (info.nodeId && info.nodeId !== this.id) {
      if (this.id !== undefined) {
        this.env.logger.warn(
          { address: this.address, old: this.id, new: info.nodeId },
          'node id changed',
        );
      }
      this.id = info.nodeId;
    }
    if (info.az) this.zone = info.az;
    if (info.load) this.recordLoad(info.load.inFlight, info.load.capacity);
    const started = Number(info.startedAtMs);
    if (this.startedAtMs !== undefined && started !== this.startedAtMs) {
      // The node restarted: its sessions are gone. Logging in again now
      // saves the next call a failed attempt.
      this.env.logger.info({ nodeId: this.nodeId }, 'node restarted; session dropped');
      this.relogin(undefined);
    }
    this.startedAtMs = started;
  }

  private readTrailers(metadata: Metadata | undefined): void {
    if (metadata === undefined) return;
    const inFlight = Number(metadata.get(METADATA.inFlight)[0]);
    const capacity = Number(metadata.get(METADATA.capacity)[0]);
    if (Number.isFinite(inFlight) || Number.isFinite(capacity)) this.recordLoad(inFlight, capacity);
  }

  private recordLoad(inFlight: number, capacity: number): void {
    if (Number.isFinite(inFlight) && inFlight >= 0) this.reportedInFlight = inFlight;
    if (Number.isFinite(capacity) && capacity > 0) this.capacity = capacity;
  }

  private scheduleNextProbe(): void {
    if (this.closed) return;
    if (this.health.routable()) {
      const interval = this.env.options.healthCheckIntervalMs;
      if (interval > 0) this.scheduleProbe(interval);
      else clearTimeout(this.probeTimer);
      return;
    }
    this.scheduleProbe(Math.max(0, this.health.retryAtMs - Date.now()));
  }

  private scheduleProbe(delayMs: number): void {
    if (this.closed) return;
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      this.probe().catch(() => {
        // The failure is recorded in the node's health; nothing waits on it.
      });
    }, delayMs);
    this.probeTimer.unref();
  }

  private apply(transition: HealthTransition | undefined): void {
    if (transition === undefined) return;
    const node = this.ref();
    const atMs = Date.now();
    const event = toEvent(transition, node, atMs);
    this.env.metrics.routable(this.nodeId, this.health.routable());
    if (transition.kind === 'down') this.env.metrics.failover(this.nodeId);
    this.env.logger.info(
      { nodeId: this.nodeId, address: this.address, transition },
      `node ${event.type}`,
    );
    if (transition.kind === 'down' || transition.kind === 'degraded') this.scheduleNextProbe();
    this.env.events.emit(event);
    this.env.healthChanged();
  }
}

function toEvent(transition: HealthTransition, node: NodeRef, atMs: number): ClusterEvent {
  switch (transition.kind) {
    case 'first-up':
      return { type: 'node-up', node, atMs };
    case 'back':
      return {
        type: 'node-back',
        node,
        from: transition.from,
        outForMs: transition.outForMs,
        atMs,
      };
    case 'down':
      return {
        type: 'node-down',
        node,
        reason: transition.reason,
        retryInMs: transition.retryInMs,
        atMs,
      };
    case 'degraded':
      return { type: 'node-degraded', node, reason: 'busy', detail: transition.detail, atMs };
  }
}
