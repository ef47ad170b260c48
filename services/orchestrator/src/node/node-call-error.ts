import { status, type ServiceError } from '@grpc/grpc-js';

/** TRANSIENT_CODES are failures worth retrying later: the node may answer next time. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.RESOURCE_EXHAUSTED,
  status.ABORTED,
  status.CANCELLED,
  status.INTERNAL,
  status.UNKNOWN,
]);

/**
 * NodeCallError is a failed sync-plane call: which node (address), which
 * method, the gRPC code and the node's message. `transient` says whether a
 * retry may succeed; a non-transient failure is the node's refusal.
 */
export class NodeCallError extends Error {
  readonly code: number;
  readonly details: string;

  constructor(
    readonly address: string,
    readonly method: string,
    cause: Partial<ServiceError> & { message: string },
  ) {
    const code = cause.code ?? status.UNKNOWN;
    const details = cause.details ?? cause.message;
    super(`${method} on ${address} failed: ${status[code] ?? code}: ${details}`, { cause });
    this.name = 'NodeCallError';
    this.code = code;
    this.details = details;
  }

  get transient(): boolean {
    return TRANSIENT_CODES.has(this.code);
  }
}

/** isTransientNodeError tells whether err (or its cause) is a NodeCallError worth retrying. */
export function isTransientNodeError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; depth += 1) {
    if (e instanceof NodeCallError) return e.transient;
    e = e.cause;
  }
  return true;
}

/** asNodeCallError returns the NodeCallError in err's cause chain, if any. */
export function asNodeCallError(err: unknown): NodeCallError | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; depth += 1) {
    if (e instanceof NodeCallError) return e;
    e = e.cause;
  }
  return undefined;
}
