import { Metadata } from '@grpc/grpc-js';
import { loadHsmProto, METADATA, type HsmClient, type hsmV1 } from '@hsmlab/proto';
import { CryptoStream, type CryptoOp } from './crypto-stream';
import type { NodeRef } from './events';
import type { NodeEnv } from './node-env';
import type { HealthState } from './node-health';
import { NodeMonitor } from './node-monitor';
import { NodeSession } from './node-session';
import type { RoutingCandidate } from './routing-policy';
import { asRpcFailure } from './rpc-failure';
import { invokeUnary, type UnaryCallOptions } from './unary-invoke';
import { SESSIONLESS_METHODS, type UnaryMethod, type UnaryMethods } from './unary-methods';

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
  private readonly monitor: NodeMonitor;
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
    this.monitor = new NodeMonitor(
      env,
      () => this.ref(),
      () => this.describe(),
    );
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
    return this.monitor.state;
  }

  ref(): NodeRef {
    return { nodeId: this.nodeId, address: this.address, az: this.zone };
  }

  /** routable tells whether calls may go to the node now. */
  routable(): boolean {
    return !this.closed && this.active && this.monitor.routable();
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
    try {
      return await invokeUnary(this.client, method, request, metadata, options, (load) =>
        this.recordLoad(load.inFlight, load.capacity),
      );
    } catch (err) {
      const failure = asRpcFailure(err, this.nodeId);
      failure.sessionGeneration = generation;
      throw failure;
    }
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
    this.monitor.answered();
  }

  /** failed takes the node out of routing until a probe answers. */
  failed(reason: string): void {
    this.monitor.failed(reason);
  }

  /** shed takes a busy node out of routing for the busy backoff. */
  shed(detail: string): void {
    this.monitor.shed(detail);
  }

  /** start probes the node now and then keeps probing it. */
  start(): void {
    this.monitor.start();
  }

  /** probe runs one health probe now (tests and callers that want fresh load). */
  probe(): Promise<void> {
    return this.monitor.probe();
  }

  /** close ends the stream and the channel; pending calls fail with UNAVAILABLE. */
  close(): void {
    this.closed = true;
    this.monitor.stop();
    this.stream.close();
    this.client.close();
  }

  /**
   * describe asks the node for its info (no session needed) and refreshes
   * its id, zone and load; it rejects with an RpcFailure.
   */
  private async describe(): Promise<void> {
    const deadline = new Date(Date.now() + this.env.options.probeTimeoutMs);
    const info = await this.unary('GetNodeInfo', {}, { deadline });
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

  private recordLoad(inFlight: number, capacity: number): void {
    if (Number.isFinite(inFlight) && inFlight >= 0) this.reportedInFlight = inFlight;
    if (Number.isFinite(capacity) && capacity > 0) this.capacity = capacity;
  }
}
