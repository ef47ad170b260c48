import { status as Status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { hsmV1 } from '@hsmlab/proto';
import type { NodeServices } from '../service/node-services';
import type { Session } from '../service/sessions';
import { runCrypto, type CryptoOp } from './crypto-dispatch';
import { toStatusCode, toStatusObject } from './status-mapping';
import { loadTrailer, sessionOf } from './unary';

/** MAX_CALLS_IN_FLIGHT_PER_STREAM bounds one stream's outstanding calls. */
export const MAX_CALLS_IN_FLIGHT_PER_STREAM = 4096;
/** DEADLINE_SWEEP_MS is how often calls past their time are answered. */
const DEADLINE_SWEEP_MS = 20;

const OPS: readonly CryptoOp[] = ['sign', 'verify', 'encrypt', 'decrypt', 'digest', 'random'];

interface PendingCall {
  deadlineMs: number;
}

type Duplex = ServerDuplexStream<hsmV1.CryptoStreamRequest__Output, hsmV1.CryptoStreamResponse>;

/**
 * cryptoStreamHandler serves the hot path. Each incoming message holds a
 * batch of calls; results are gathered and written back in batches, once
 * per turn of the event loop, each with the node's load. A call that fails
 * gets a status in its own result; the stream itself ends only when the
 * client ends it, the session is invalid at open, or the call is cancelled.
 *
 * Invariant: every call read from the stream gets exactly one result, unless
 * the stream is gone before it finishes.
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
    let outbox: hsmV1.CryptoResult[] = [];
    let flushScheduled = false;
    let clientDone = false;
    let closed = false;

    const flush = () => {
      flushScheduled = false;
      if (closed || outbox.length === 0) return;
      const results = outbox;
      outbox = [];
      ctx.metrics.streamMessages.inc({ direction: 'out' });
      call.write({ results, load: { inFlight: ctx.load.current, capacity: ctx.load.capacity } });
      if (clientDone && pending.size === 0) finish();
    };
    const push = (result: hsmV1.CryptoResult) => {
      outbox.push(result);
      if (!flushScheduled) {
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

    const start = (c: hsmV1.CryptoCall__Output) => {
      const id = c.id;
      if (pending.has(id)) {
        push({
          id,
          code: Status.INVALID_ARGUMENT,
          message: `call id ${id} is already in flight on this stream`,
        });
        return;
      }
      if (pending.size >= MAX_CALLS_IN_FLIGHT_PER_STREAM) {
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
      const timeoutMs =
        c.timeoutMs > 0 ? Math.min(c.timeoutMs, 600_000) : ctx.config.defaultCallTimeoutMs;
      // Re-checked per call: a logout or an expiry ends what a stream may do.
      // NB: runCrypto answers synchronously unless the call waits for
      // capacity, so most calls finish here without a promise or a pending
      // entry; their results still leave in the next batched write.
      let outcome: ReturnType<typeof runCrypto>;
      try {
        outcome = runCrypto(s, ctx.sessions.require(session.token), op, c[op] as never);
      } catch (err) {
        push(failed(id, op, err));
        return;
      }
      if (!(outcome instanceof Promise)) {
        push(succeeded(id, op, outcome));
        return;
      }
      pending.set(id, { deadlineMs: performance.now() + timeoutMs });
      ctx.load.begin();
      outcome.then(
        (reply) => settle(id, succeeded(id, op, reply)),
        (err: unknown) => settle(id, failed(id, op, err)),
      );
    };
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

    call.on('data', (msg: hsmV1.CryptoStreamRequest__Output) => {
      ctx.metrics.streamMessages.inc({ direction: 'in' });
      for (const id of msg.cancel) {
        settle(id, { id, code: Status.CANCELLED, message: 'cancelled by the client' });
      }
      for (const c of msg.calls) start(c);
    });
    call.on('end', () => {
      clientDone = true;
      if (pending.size === 0 && !flushScheduled) finish();
    });
    const abandon = () => {
      closed = true;
      clearInterval(sweeper);
      for (const _ of pending) ctx.load.end();
      pending.clear();
    };
    call.on('cancelled', abandon);
    call.on('error', abandon);
  };
}
