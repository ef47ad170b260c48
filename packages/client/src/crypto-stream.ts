import { status as Status, type ClientDuplexStream } from '@grpc/grpc-js';
import type { hsmV1 } from '@hsmlab/proto';
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

interface PendingCall {
  readonly id: number;
  readonly message: hsmV1.CryptoCall;
  readonly resolve: (result: hsmV1.CryptoResult__Output) => void;
  readonly reject: (failure: RpcFailure) => void;
  readonly timer: NodeJS.Timeout;
  readonly detach: () => void;
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
 */
export class CryptoStream {
  private nextId = 1;
  /** Invariant: every call in `outbox` is also in `pending`, with sentOn undefined. */
  private readonly pending = new Map<number, PendingCall>();
  private outbox: PendingCall[] = [];
  private cancels: number[] = [];
  private flushScheduled = false;
  private live: { stream: Duplex; ticket: SessionTicket } | undefined;
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
      const onAbort = (): void =>
        this.abandon(
          id,
          new RpcFailure(Status.CANCELLED, 'aborted by the caller', this.deps.nodeId()),
        );
      const timer = setTimeout(
        () =>
          this.abandon(
            id,
            new RpcFailure(
              Status.DEADLINE_EXCEEDED,
              `no result within ${timeout} ms`,
              this.deps.nodeId(),
            ),
          ),
        timeout,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      const entry: PendingCall = {
        id,
        message: { ...op, id, timeoutMs: timeout },
        resolve,
        reject,
        timer,
        detach: () => signal?.removeEventListener('abort', onAbort),
        sentOn: undefined,
      };
      this.pending.set(id, entry);
      this.outbox.push(entry);
      if (signal?.aborted) onAbort();
      else this.scheduleFlush();
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
    clearTimeout(entry.timer);
    entry.detach();
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
    while (this.outbox.length > 0 || cancel.length > 0) {
      const batch = takeBatch(this.outbox, this.deps.maxBatchCalls);
      for (const entry of batch) entry.sentOn = stream;
      // NB: write() may report a full buffer; grpc-js then queues in memory.
      // Not yet: no backpressure to callers, so a producer far faster than
      // the node grows this process's memory until calls time out.
      stream.write({ calls: batch.map((entry) => entry.message), cancel });
      cancel = [];
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
    if (this.live?.stream === stream) this.live = undefined;
    if (ticket !== undefined) failure.sessionGeneration = ticket.generation;
    stream.removeAllListeners('data');
    for (const entry of [...this.pending.values()]) {
      if (entry.sentOn === stream) this.settle(entry.id, failure);
    }
    stream.cancel();
    if (this.outbox.length > 0) this.scheduleFlush();
  }
}
