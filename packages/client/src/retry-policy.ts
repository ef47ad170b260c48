import { status as Status } from '@grpc/grpc-js';

/**
 * OperationKind says how safe it is to run an operation again.
 * - `crypto`: no state changes; always safe to retry anywhere.
 * - `read`: no state changes (GetKey, FindKeys, ListUsers).
 * - `write`: changes state. Creates carry a client request id, and the
 *   other writes (attributes, share, delete, user changes) set a state, so
 *   a repeat is harmless; but an attempt is never abandoned for being slow.
 */
export type OperationKind = 'crypto' | 'read' | 'write';

/**
 * RetryAction is what the call runner does after a failed attempt.
 * - `elsewhere`: take the node out (it failed) and try another node.
 * - `busy`: leave the node alone for a longer backoff and try another.
 * - `lag`: the object is missing on this node; try a node not yet tried.
 * - `relogin`: the node forgot the session (restart); log in again, retry there.
 * - `fail`: give the caller the error.
 */
export type RetryAction = 'elsewhere' | 'busy' | 'lag' | 'relogin' | 'fail';

/** FailureFacts are what the runner knows when an attempt fails. */
export interface FailureFacts {
  /** gRPC status code of the attempt. */
  readonly code: number;
  readonly kind: OperationKind;
  /** True when the operation names an existing object (a key handle, a user). */
  readonly namesObject: boolean;
  /** True when the SDK already logged in again on this node during this call. */
  readonly reloggedOnNode: boolean;
  /** True when the failed attempt was the login itself (then never log in again). */
  readonly duringLogin: boolean;
  /** True when another routable node has not been tried by this call yet. */
  readonly untriedNodeLeft: boolean;
}

/**
 * RETRY_ELSEWHERE_CODES are the codes that say "this node, now" rather than
 * "this request": another node may well succeed. CANCELLED is among them
 * because a caller's own abort never reaches the policy (the runner stops
 * first): a CANCELLED seen here came from a node shutting down mid-call.
 */
export const RETRY_ELSEWHERE_CODES: ReadonlySet<number> = new Set([
  Status.UNAVAILABLE,
  Status.DEADLINE_EXCEEDED,
  Status.CANCELLED,
]);

/**
 * decideRetry maps one failed attempt to the runner's next step. It is pure;
 * the runner still stops at the call's deadline whatever it returns.
 */
export function decideRetry(facts: FailureFacts): RetryAction {
  if (RETRY_ELSEWHERE_CODES.has(facts.code)) return 'elsewhere';
  if (facts.code === Status.RESOURCE_EXHAUSTED) return 'busy';
  if (facts.code === Status.UNAUTHENTICATED) {
    // A refused login means bad credentials: trying again would only count
    // towards locking the user out.
    return facts.duringLogin || facts.reloggedOnNode ? 'fail' : 'relogin';
  }
  if (facts.code === Status.NOT_FOUND && facts.namesObject && facts.untriedNodeLeft) {
    // A write's target missing here may have been written on another node
    // moments ago: that is replication lag, not absence.
    return 'lag';
  }
  return 'fail';
}

/**
 * takesNodeOut tells whether an action means the node failed (and must be
 * probed before it gets traffic again), as opposed to refusing one request.
 */
export function takesNodeOut(action: RetryAction): boolean {
  return action === 'elsewhere';
}
