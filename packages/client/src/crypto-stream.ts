import { status as Status, type ClientDuplexStream } from '@grpc/grpc-js';
import { MESSAGE_LIMITS, type hsmV1 } from '@hsmlab/proto';
import { takeBatch } from './crypto-batch';
import type { SessionTicket } from './node-session';
import { asRpcFailure, RpcFailure } from './rpc-failure';

type Duplex = ClientDuplexStream<hsmV1.CryptoStreamRequest, hsmV1.CryptoStreamResponse__Output>;

/** CryptoOp is one crypto operation: exactly one of the CryptoCall oneof fields. */
export type CryptoOp = Pick<
  hsmV1.CryptoCall,
  'sign' | 'verify' | 'encrypt' | 'decrypt' | 'digest' | 'random'
>;

/** CryptoStreamDeps are what a CryptoStream needs from its node connection. */
export interface CryptoStreamDeps {
  nodeId(): string;
  /** ticket returns the node session to open the stream with. */
  ticket(deadline: Date): Promise<SessionTicket>;
  /** open starts the CryptoStream RPC with the session's metadata. */
  open(ticket: SessionTicket): Duplex;
  /** onLoad receives the load every response message carries. */
  onLoad(load: hsmV1.NodeLoad__Output): void;
  maxBatchCalls: number;
}

/** LOGIN_BUDGET_MS bounds the login made to open a stream. */
const LOGIN_BUDGET_MS = 5000;
/**
 * TIMEOUT_SWEEP_MS is how often a stream looks for calls past their time:
 * one timer per stream rather than one per call, which was a visible share
 * of the SDK's time per call. A call times out up to this much late.
 */
const TIMEOUT_SWEEP_MS = 5;
/** MAX_SENT_CALLS is the most calls written and not yet answered on one stream (the node's limit). */
const MAX_SENT_CALLS = MESSAGE_LIMITS.maxCallsInFlightPerStream;

interface PendingCall {
  readonly id: number;
  readonly message: hsmV1.CryptoCall;
  readonly resolve: (result: hsmV1.CryptoResult__Output) => void;
  readonly reject: (failure: RpcFailure) => void;
  /** performance.now() past which the call fails with DEADLINE_EXCEEDED. */
  readonly deadlineMs: number;
  readonly signal: AbortSignal | undefined;
  /** The abort listener, set only when the caller gave a signal. */
  onAbort: (() => void) | undefined;
  /** The stream the call was written to; undefined while it waits in the outbox. */
  sentOn: Duplex | undefined;
}

/**
 * CryptoStream multiplexes crypto calls to one node over one long-lived
 * bidirectional stream. Calls made in the same tick are coalesced into one
 * request message (flushed on setImmediate), each with its own id and
 * timeout; a timed-out or aborted call is cancelled in the next message. If
 * the stream breaks, only the calls written to it fail (with UNAVAILABLE,
 * which the call runner retries on another node); queued calls go out on a
 * fresh stream.
 *
 * Backpressure: at most MAX_SENT_CALLS calls are written and unanswered at a
 * time (more would be refused by the node), and nothing more is written
 * while grpc-js reports its buffer full, until it drains. Calls past either
 * limit wait in the outbox, where their deadlines still run.
 */
export class CryptoStream {
  private nextId = 1;
  /** Invariant: every call in `outbox` is also in `pending`, with sentOn undefined. */
  private readonly pending = new Map<number, PendingCall>();
  private outbox: PendingCall[] = [];
  private cancels: number[] = [];
  private flushScheduled = false;
  /** Invariant: set while `pending` is not empty (it may outlive it by one sweep). */
  private sweeper: NodeJS.Timeout | undefined;
  private live: { stream: Duplex; ticket: SessionTicket } | undefined;
  /** Calls written to the live stream and not settled. */
  private sentOnLive = 0;
  /** True while the live stream's buffer is full: nothing more is written until 'drain'. */
  private waitingForDrain = false;
  private opening = false;
  private closed = false;

  constructor(private readonly deps: CryptoStreamDeps) {}

  /**
   * call runs one operation and settles with the node's result (code 0) or
   * rejects with an RpcFailure: the node's status for the call, a broken
   * stream, DEADLINE_EXCEEDED after `timeoutMs`, or CANCELLED on abort.
   */
  call(op: CryptoOp, timeoutMs: number, signal?: AbortSignal): Promise<hsmV1.CryptoResult__Output> {
    if (this.closed) {
      return Promise.reject(
        new RpcFailure(Status.UNAVAILABLE, 'connection closed', this.deps.nodeId()),
      );
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timeout = Math.max(1, Math.ceil(timeoutMs));
      const entry: PendingCall = {
        id,
        message: { ...op, id, timeoutMs: timeout },
        resolve,
        reject,
        deadlineMs: performance.now() + timeout,
        signal,
        onAbort: undefined,
        sentOn: undefined,
      };
      this.pending.set(id, entry);
      this.outbox.push(entry);
      this.sweeper ??= setInterval(() => this.sweep(), TIMEOUT_SWEEP_MS);
      if (signal !== undefined) {
        const onAbort = (): void =>
          this.abandon(
            id,
            new RpcFailure(Status.CANCELLED, 'aborted by the caller', this.deps.nodeId()),
          );
        if (signal.aborted) {
          onAbort();
          return;
        }
        entry.onAbort = onAbort;
        signal.addEventListener('abort', onAbort, { once: true });
      }
      this.scheduleFlush();
    });
  }

  /** inFlight is the number of calls waiting for a result. */
  inFlight(): number {
    return this.pending.size;
  }

  /**
   * reset drops the live stream when it was opened with session `generation`
   * (the node forgot that session). Calls on it fail and are retried.
   */
  reset(generation: number): void {
    if (this.live?.ticket.generation === generation) {
      this.broken(
        this.live.stream,
        new RpcFailure(Status.UNAVAILABLE, 'session replaced', this.deps.nodeId()),
      );
    }
  }

  /** close fails every call and ends the stream; the object is not reused. */
  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    const failure = new RpcFailure(Status.UNAVAILABLE, 'connection closed', this.deps.nodeId());
    for (const id of [...this.pending.keys()]) this.settle(id, failure);
    const live = this.live;
    this.live = undefined;
    live?.stream.cancel();
  }

  private settle(
    id: number,
    outcome: RpcFailure | hsmV1.CryptoResult__Output,
  ): PendingCall | undefined {
    const entry = this.pending.get(id);
    if (entry === undefined) return undefined;
    this.pending.delete(id);
    if (entry.sentOn !== undefined && entry.sentOn === this.live?.stream) {
      this.sentOnLive -= 1;
      if (this.outbox.length > 0) this.scheduleFlush();
    }
    if (entry.onAbort !== undefined) entry.signal?.removeEventListener('abort', entry.onAbort);
    if (outcome instanceof RpcFailure) entry.reject(outcome);
    else entry.resolve(outcome);
    return entry;
  }

  private abandon(id: number, failure: RpcFailure): void {
    const entry = this.settle(id, failure);
    if (entry === undefined) return;
    if (entry.sentOn === undefined) {
      this.outbox = this.outbox.filter((queued) => queued !== entry);
    } else if (entry.sentOn === this.live?.stream) {
      // The node may still be working on it: tell it to stop.
      this.cancels.push(id);
      this.scheduleFlush();
    }
  }

  /** sweep fails the calls past their time, and stops the sweeper when none is left. */
  private sweep(): void {
    if (this.pending.size === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
      return;
    }
    const now = performance.now();
    for (const entry of this.pending.values()) {
      if (entry.deadlineMs > now) continue;
      this.abandon(
        entry.id,
        new RpcFailure(
          Status.DEADLINE_EXCEEDED,
          `no result within ${entry.message.timeoutMs} ms`,
          this.deps.nodeId(),
        ),
      );
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.closed) return;
    if (this.live === undefined) {
      this.cancels = [];
      if (this.outbox.length > 0) void this.open();
      return;
    }
    const stream = this.live.stream;
    let cancel = this.cancels;
    this.cancels = [];
    for (;;) {
      const room = this.waitingForDrain ? 0 : MAX_SENT_CALLS - this.sentOnLive;
      const batch =
        room > 0 && this.outbox.length > 0
          ? takeBatch(this.outbox, Math.min(this.deps.maxBatchCalls, room))
          : [];
      if (batch.length === 0 && cancel.length === 0) break;
      for (const entry of batch) entry.sentOn = stream;
      this.sentOnLive += batch.length;
      // Not yet: proto-loader encodes this through fromObject, and call ids are
      // uint64 (a Long each); a hand-written encoder would save a few µs a call.
      const accepted = stream.write({ calls: batch.map((entry) => entry.message), cancel });
      cancel = [];
      if (!accepted && !this.waitingForDrain) {
        this.waitingForDrain = true;
        stream.once('drain', () => {
          if (this.live?.stream !== stream) return;
          this.waitingForDrain = false;
          this.scheduleFlush();
        });
      }
    }
  }

  private async open(): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    let ticket: SessionTicket;
    try {
      ticket = await this.deps.ticket(new Date(Date.now() + LOGIN_BUDGET_MS));
    } catch (err) {
      this.opening = false;
      // No stream without a session: fail what waits; the runner decides.
      const failure = asRpcFailure(err, this.deps.nodeId());
      const waiting = this.outbox;
      this.outbox = [];
      for (const entry of waiting) this.settle(entry.id, failure);
      return;
    }
    this.opening = false;
    if (this.closed) return;
    const stream = this.deps.open(ticket);
    this.live = { stream, ticket };
    this.sentOnLive = 0;
    this.waitingForDrain = false;
    stream.on('data', (message: hsmV1.CryptoStreamResponse__Output) =>
      this.receive(message, ticket),
    );
    stream.on('error', (err) => this.broken(stream, asRpcFailure(err, this.deps.nodeId()), ticket));
    stream.on('end', () =>
      this.broken(
        stream,
        new RpcFailure(Status.UNAVAILABLE, 'stream ended by the node', this.deps.nodeId()),
      ),
    );
    this.flush();
  }

  private receive(message: hsmV1.CryptoStreamResponse__Output, ticket: SessionTicket): void {
    if (message.load) this.deps.onLoad(message.load);
    for (const result of message.results) {
      const id = Number(result.id);
      if (result.code === Status.OK) {
        this.settle(id, result);
        continue;
      }
      const failure = new RpcFailure(result.code, result.message, this.deps.nodeId());
      failure.sessionGeneration = ticket.generation;
      this.settle(id, failure);
    }
  }

  private broken(stream: Duplex, failure: RpcFailure, ticket?: SessionTicket): void {
    if (this.live?.stream === stream) {
      this.live = undefined;
      this.sentOnLive = 0;
      this.waitingForDrain = false;
    }
    if (ticket !== undefined) failure.sessionGeneration = ticket.generation;
    stream.removeAllListeners('data');
    for (const entry of [...this.pending.values()]) {
      if (entry.sentOn === stream) this.settle(entry.id, failure);
    }
    stream.cancel();
    if (this.outbox.length > 0) this.scheduleFlush();
  }
}
