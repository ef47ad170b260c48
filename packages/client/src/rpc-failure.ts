import { status as Status } from '@grpc/grpc-js';

/**
 * RpcFailure is how one failed attempt travels inside the SDK: the gRPC
 * status code and text a node (or the channel) gave, and the node. It is
 * never thrown to callers; the call runner classifies it and, when it gives
 * up, status-mapping turns it into a public error class.
 * @internal
 */
export class RpcFailure extends Error {
  readonly code: Status;
  readonly details: string;
  readonly nodeId: string;
  /** True when the attempt failed while logging in (never log in again on UNAUTHENTICATED). */
  duringLogin = false;
  /**
   * The session generation the attempt used, so that a re-login replaces
   * that session only (a concurrent caller may have replaced it already).
   */
  sessionGeneration: number | undefined;

  constructor(code: Status, details: string, nodeId: string, cause?: unknown) {
    super(
      `${Status[code] ?? code} from ${nodeId}: ${details}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'RpcFailure';
    this.code = code;
    this.details = details;
    this.nodeId = nodeId;
  }
}

/** asRpcFailure reads a grpc-js ServiceError (or anything thrown) as an RpcFailure. */
export function asRpcFailure(err: unknown, nodeId: string): RpcFailure {
  if (err instanceof RpcFailure) return err;
  const candidate = err as { code?: unknown; details?: unknown; message?: unknown };
  if (typeof candidate?.code === 'number') {
    const details =
      typeof candidate.details === 'string' ? candidate.details : String(candidate.message ?? '');
    return new RpcFailure(candidate.code as Status, details, nodeId, err);
  }
  return new RpcFailure(
    Status.INTERNAL,
    err instanceof Error ? err.message : String(err),
    nodeId,
    err,
  );
}
