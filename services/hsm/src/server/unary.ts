import {
  Metadata,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerReadableStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { METADATA } from '@hsmlab/proto';
import type { NodeContext } from '../service/node-context';
import type { Session } from '../service/sessions';
import { toStatusCode, toStatusObject } from './status-mapping';
import { rejectMalformed } from './malformed-request';

type AnyCall =
  | ServerUnaryCall<unknown, unknown>
  | ServerReadableStream<unknown, unknown>
  | ServerWritableStream<unknown, unknown>;

/** loadTrailer is the trailing metadata every reply carries. */
export function loadTrailer(ctx: NodeContext): Metadata {
  const md = new Metadata();
  md.set(METADATA.inFlight, String(ctx.load.current));
  md.set(METADATA.capacity, String(ctx.load.capacity));
  md.set(METADATA.nodeId, ctx.nodeId);
  return md;
}

/** requestIdOf reads the caller's request id, for logs and the audit trail. */
export function requestIdOf(call: AnyCall): string | undefined {
  const v = call.metadata.get(METADATA.requestId)[0];
  return typeof v === 'string' && v.length <= 128 ? v : undefined;
}

/** sessionOf resolves the session named in the call's metadata. */
export function sessionOf(ctx: NodeContext, call: AnyCall): Session {
  const v = call.metadata.get(METADATA.session)[0];
  return ctx.sessions.require(typeof v === 'string' ? v : undefined);
}

/**
 * unary wraps a handler: it counts the call in the node's load, resolves the
 * session when one is needed, maps any error to its status, and attaches the
 * load trailer to every reply, success or failure.
 */
export function unary<Req, Res>(
  ctx: NodeContext,
  method: string,
  needsSession: boolean,
  fn: (
    request: Req,
    session: Session | undefined,
    call: ServerUnaryCall<Req, Res>,
  ) => Promise<Res> | Res,
) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    ctx.load.begin();
    ctx.metrics.inFlight.set(ctx.load.current);
    const stop = ctx.metrics.callSeconds.startTimer({ method });
    const finish = (code: string) => {
      ctx.load.end();
      ctx.metrics.inFlight.set(ctx.load.current);
      stop();
      ctx.metrics.calls.inc({ method, code });
    };
    Promise.resolve()
      .then(() => {
        rejectMalformed(call.request);
        const session = needsSession ? sessionOf(ctx, call as AnyCall) : undefined;
        return fn(call.request, session, call);
      })
      .then(
        (response) => {
          finish('OK');
          callback(null, response, loadTrailer(ctx));
        },
        (err: unknown) => {
          const { code, message } = toStatusCode(err);
          finish(String(code));
          const requestId = requestIdOf(call as AnyCall);
          if (code === 13) ctx.logger.error({ err, method, requestId }, 'call failed');
          else ctx.logger.debug({ method, requestId, code, reason: message }, 'call refused');
          callback(toStatusObject(err, loadTrailer(ctx)) as never);
        },
      );
  };
}
