import { status as Status, type ServerDuplexStream } from '@grpc/grpc-js';
import { MESSAGE_LIMITS, type hsmV1 } from '@hsmlab/proto';
import type { NodeServices } from '../service/node-services';
import type { Session } from '../service/sessions';
import { runCrypto, type CryptoOp } from './crypto-dispatch';
import { toStatusCode, toStatusObject } from './status-mapping';
import { loadTrailer, sessionOf } from './unary';
import { rejectMalformed } from './malformed-request';

/** MAX_CALLS_IN_FLIGHT_PER_STREAM bounds one stream's outstanding calls. */
export const MAX_CALLS_IN_FLIGHT_PER_STREAM = MESSAGE_LIMITS.maxCallsInFlightPerStream;
/** DEADLINE_SWEEP_MS is how often calls past their time are answered. */
const DEADLINE_SWEEP_MS = 20;
/**
 * SLICE_MS bounds the crypto work one turn of the event loop does before it
 * writes the results so far and yields. A typical batch (64 ECDSA signs, about
 * 2 ms) is answered whole, in one message: on this 2-core machine answering in
 * smaller slices, so that client and node overlap, measured no faster and cost
 * more CPU per call (more messages). The bound keeps one stream's long batch
 * (RSA: about 1 ms a call) from holding up other streams and health checks.
 */
const SLICE_MS = 5;

const OPS: readonly CryptoOp[] = ['sign', 'verify', 'encrypt', 'decrypt', 'digest', 'random'];

interface PendingCall {
  deadlineMs: number;
}

type Duplex = ServerDuplexStream<hsmV1.CryptoStreamRequest__Output, hsmV1.CryptoStreamResponse>;

/**
 * cryptoStreamHandler serves the hot path. Each incoming message holds a
 * batch of calls. Calls queue in arrival order and run in slices of at most
 * about SLICE_MS; after each slice the results so far go out in one message,
 * with the node's load, and the loop yields so the write leaves and new
 * messages are read. A call that fails gets a status in its own result; the stream
 * itself ends only when the client ends it, the session is invalid at open,
 * or the call is cancelled.
 *
 * Most calls finish synchronously inside a slice; one that must wait for
 * capacity (a profile) is pending until its promise settles, and is
 * answered in the next write after that.
 *
 * Invariant: every call read from the stream gets exactly one result, unless
 * the stream is gone before it finishes.
 * Invariant: ctx.load counts every call of this stream that is queued or
 * pending, so the load each message reports includes the backlog.
 */
export function cryptoStreamHandler(s: NodeServices) {
  const { ctx } = s;
  return (call: Duplex): void => {
    let session: Session;
    try {
      session = sessionOf(ctx, call);
    } catch (err) {
      call.emit('error', toStatusObject(err, loadTrailer(ctx)));
      return;
    }

    const pending = new Map<number, PendingCall>();
    /** Calls read but not started; `queue[head]` is the next to run. */
    let queue: hsmV1.CryptoCall__Output[] = [];
    let head = 0;
    /** Ids of the calls in `queue[head..]`. */
    const queuedIds = new Set<number>();
    /** Ids the client cancelled while their calls were still queued. */
    const cancelledQueued = new Set<number>();
    let outbox: hsmV1.CryptoResult[] = [];
    let flushScheduled = false;
    let sliceScheduled = false;
    /** True while a slice runs: it writes its own results when it ends. */
    let slicing = false;
    let clientDone = false;
    let closed = false;

    const queued = () => queue.length - head;
    const flush = () => {
      flushScheduled = false;
      if (closed || outbox.length === 0) return;
      const results = outbox;
      outbox = [];
      ctx.metrics.streamMessages.inc({ direction: 'out' });
      call.write({ results, load: { inFlight: ctx.load.current, capacity: ctx.load.capacity } });
      maybeFinish();
    };
    const maybeFinish = () => {
      if (clientDone && pending.size === 0 && queued() === 0 && outbox.length === 0) finish();
    };
    const push = (result: hsmV1.CryptoResult) => {
      outbox.push(result);
      if (!flushScheduled && !slicing && !sliceScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    };
    const settle = (id: number, result: hsmV1.CryptoResult) => {
      if (!pending.delete(id)) return;
      ctx.load.end();
      push(result);
    };
    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      call.end(loadTrailer(ctx));
    };
    const sweeper = setInterval(() => {
      const now = performance.now();
      for (const [id, p] of pending) {
        if (p.deadlineMs <= now) {
          settle(id, {
            id,
            code: Status.DEADLINE_EXCEEDED,
            message: 'the call ran out of time on the node',
          });
        }
      }
    }, DEADLINE_SWEEP_MS);
    sweeper.unref();

    const succeeded = (id: number, op: CryptoOp, reply: unknown): hsmV1.CryptoResult => ({
      id,
      code: Status.OK,
      message: '',
      [op]: reply,
    });
    const failed = (id: number, op: CryptoOp, err: unknown): hsmV1.CryptoResult => {
      const { code, message } = toStatusCode(err);
      if (code === Status.INTERNAL) ctx.logger.error({ err, op }, 'stream call failed');
      return { id, code, message };
    };

    /** run starts one queued call; ctx.load already counts it. */
    const run = (c: hsmV1.CryptoCall__Output) => {
      const id = c.id;
      queuedIds.delete(id);
      if (cancelledQueued.delete(id)) {
        ctx.load.end();
        push({ id, code: Status.CANCELLED, message: 'cancelled by the client' });
        return;
      }
      const op = c.op as CryptoOp;
      let outcome: ReturnType<typeof runCrypto>;
      try {
        // Re-checked per call: a logout or an expiry ends what a stream may do.
        outcome = runCrypto(s, ctx.sessions.require(session.token), op, c[op] as never);
      } catch (err) {
        ctx.load.end();
        push(failed(id, op, err));
        return;
      }
      if (!(outcome instanceof Promise)) {
        ctx.load.end();
        push(succeeded(id, op, outcome));
        return;
      }
      const timeoutMs =
        c.timeoutMs > 0 ? Math.min(c.timeoutMs, 600_000) : ctx.config.defaultCallTimeoutMs;
      pending.set(id, { deadlineMs: performance.now() + timeoutMs });
      outcome.then(
        (reply) => settle(id, succeeded(id, op, reply)),
        (err: unknown) => settle(id, failed(id, op, err)),
      );
    };

    /** slice runs queued calls for about SLICE_MS, writes their results, and yields. */
    const slice = () => {
      sliceScheduled = false;
      if (closed) return;
      const endMs = performance.now() + SLICE_MS;
      slicing = true;
      while (head < queue.length) {
        run(queue[head++]!);
        if (performance.now() >= endMs) break;
      }
      slicing = false;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      flush();
      if (queued() > 0) {
        sliceScheduled = true;
        setImmediate(slice);
      }
    };

    const enqueue = (c: hsmV1.CryptoCall__Output) => {
      const id = c.id;
      if (pending.has(id) || queuedIds.has(id)) {
        push({
          id,
          code: Status.INVALID_ARGUMENT,
          message: `call id ${id} is already in flight on this stream`,
        });
        return;
      }
      if (pending.size + queued() >= MAX_CALLS_IN_FLIGHT_PER_STREAM) {
        push({
          id,
          code: Status.RESOURCE_EXHAUSTED,
          message: `more than ${MAX_CALLS_IN_FLIGHT_PER_STREAM} calls in flight on one stream`,
        });
        return;
      }
      const op = c.op as CryptoOp | undefined;
      if (op === undefined || !OPS.includes(op) || !c[op]) {
        push({ id, code: Status.INVALID_ARGUMENT, message: 'call has no operation' });
        return;
      }
      ctx.load.begin();
      queue.push(c);
      queuedIds.add(id);
    };

    call.on('data', (msg: hsmV1.CryptoStreamRequest__Output) => {
      ctx.metrics.streamMessages.inc({ direction: 'in' });
      try {
        rejectMalformed(msg);
      } catch (err) {
        // A message that does not decode has no call ids to answer: end the stream.
        call.emit('error', toStatusObject(err, loadTrailer(ctx)));
        return;
      }
      for (const id of msg.cancel) {
        if (pending.has(id)) {
          settle(id, { id, code: Status.CANCELLED, message: 'cancelled by the client' });
        } else if (queuedIds.has(id)) {
          cancelledQueued.add(id);
        }
      }
      for (const c of msg.calls) enqueue(c);
      // The first slice runs at once: a lone call is answered without a hop.
      if (!sliceScheduled && queued() > 0) slice();
    });
    call.on('end', () => {
      clientDone = true;
      if (!flushScheduled && !sliceScheduled) maybeFinish();
    });
    const abandon = () => {
      closed = true;
      clearInterval(sweeper);
      const outstanding = pending.size + queued();
      for (let i = 0; i < outstanding; i++) ctx.load.end();
      pending.clear();
      queue = [];
      head = 0;
      queuedIds.clear();
      cancelledQueued.clear();
    };
    call.on('cancelled', abandon);
    call.on('error', abandon);
  };
}
