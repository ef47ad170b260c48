import { status as Status } from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  BusyError,
  CancelledError,
  ClusterUnavailableError,
  DeadlineExceededError,
  FailedPreconditionError,
  HsmError,
  InvalidArgumentError,
  KeyNotFoundError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
} from './errors';
import type { RpcFailure } from './rpc-failure';

/** StatusContext says what the failed call was about, for the error's message and fields. */
export interface StatusContext {
  /** Operation name, for messages ("sign", "generateKeyPair"). */
  operation: string;
  /** The key the call used, when it names one: NOT_FOUND then means that key. */
  handle?: string;
  /** Overall deadline of the call, for DeadlineExceededError. */
  deadlineMs?: number;
  /** Nodes attempted, for ClusterUnavailableError. */
  triedNodes?: readonly string[];
}

/**
 * errorFromFailure is the SDK's one map from gRPC status codes to error
 * classes. Every error a caller sees from a node's answer comes through here.
 */
export function errorFromFailure(failure: RpcFailure, context: StatusContext): HsmError {
  const options = { code: failure.code, nodeId: failure.nodeId, cause: failure };
  const message = `${context.operation} failed on ${failure.nodeId}: ${failure.details}`;

  switch (failure.code) {
    case Status.NOT_FOUND:
      return context.handle === undefined
        ? new NotFoundError(message, options)
        : new KeyNotFoundError(
            `${context.operation}: key ${context.handle} not found (${failure.details})`,
            context.handle,
            options,
          );
    case Status.PERMISSION_DENIED:
      return new PermissionDeniedError(message, options);
    case Status.UNAUTHENTICATED:
      return new UnauthenticatedError(message, options);
    case Status.INVALID_ARGUMENT:
    case Status.OUT_OF_RANGE:
      return new InvalidArgumentError(message, options);
    case Status.ALREADY_EXISTS:
      return new AlreadyExistsError(message, options);
    case Status.FAILED_PRECONDITION:
      return new FailedPreconditionError(message, options);
    case Status.RESOURCE_EXHAUSTED:
      return new BusyError(message, options);
    case Status.CANCELLED:
      return new CancelledError(`${context.operation} was cancelled`, options);
    case Status.DEADLINE_EXCEEDED:
      return new DeadlineExceededError(
        `${context.operation} did not finish within its deadline (last node: ${failure.nodeId})`,
        context.deadlineMs,
        options,
      );
    case Status.UNAVAILABLE:
      return new ClusterUnavailableError(
        `${context.operation}: no node could run it (last error from ${failure.nodeId}: ${failure.details})`,
        context.triedNodes ?? [failure.nodeId],
        options,
      );
    default:
      return new HsmError(message, options);
  }
}

/**
 * codeName renders a status code as its name ("UNAVAILABLE"), for messages
 * and metric labels.
 */
export function codeName(code: number): string {
  return Status[code] ?? String(code);
}
