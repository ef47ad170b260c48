import { status as Status, type StatusObject, type Metadata } from '@grpc/grpc-js';
import * as crypto from '../crypto';
import { MaskError } from '../masking';
import { AttestationError } from '../identity';
import {
  AlreadyExistsError,
  BadRequestError,
  CancelledError,
  LimitError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
  TimeoutError,
  UnauthenticatedError,
} from '../errors';

/**
 * toStatusCode maps every error the node raises to a gRPC status code. It is
 * the only place on the server where that mapping lives. Anything unknown is
 * INTERNAL and its message is not sent (it may describe internals).
 */
export function toStatusCode(err: unknown): { code: Status; message: string } {
  if (err instanceof NotFoundError) return { code: Status.NOT_FOUND, message: err.message };
  if (err instanceof UnauthenticatedError) {
    return { code: Status.UNAUTHENTICATED, message: err.message };
  }
  if (err instanceof PermissionDeniedError || err instanceof crypto.PermissionError) {
    return { code: Status.PERMISSION_DENIED, message: err.message };
  }
  if (err instanceof BadRequestError || err instanceof crypto.InvalidArgumentError) {
    return { code: Status.INVALID_ARGUMENT, message: err.message };
  }
  if (err instanceof PreconditionError || err instanceof crypto.FailedPreconditionError) {
    return { code: Status.FAILED_PRECONDITION, message: err.message };
  }
  if (err instanceof AlreadyExistsError) {
    return { code: Status.ALREADY_EXISTS, message: err.message };
  }
  if (err instanceof LimitError) return { code: Status.RESOURCE_EXHAUSTED, message: err.message };
  if (err instanceof TimeoutError) return { code: Status.DEADLINE_EXCEEDED, message: err.message };
  if (err instanceof CancelledError) return { code: Status.CANCELLED, message: err.message };
  if (err instanceof MaskError) {
    return { code: Status.INVALID_ARGUMENT, message: `masked object refused: ${err.message}` };
  }
  if (err instanceof AttestationError) {
    return { code: Status.PERMISSION_DENIED, message: `attestation failed: ${err.message}` };
  }
  return { code: Status.INTERNAL, message: 'internal error (see the node log)' };
}

/**
 * MAX_DETAILS_CHARS bounds a status message. Messages may quote the caller's
 * input (a handle, an id); unbounded, a hostile 100 KB handle made a
 * grpc-message trailer larger than the client's HTTP/2 header limit, so the
 * client never saw the status: the call hung until its deadline and the
 * connection stayed wedged (found by test/appliance-bad-input.test.ts).
 */
export const MAX_DETAILS_CHARS = 1024;

/** boundDetails cuts a status message to MAX_DETAILS_CHARS, saying how much was cut. */
export function boundDetails(message: string): string {
  if (message.length <= MAX_DETAILS_CHARS) return message;
  return `${message.slice(0, MAX_DETAILS_CHARS)}... (${message.length - MAX_DETAILS_CHARS} more characters)`;
}

/** toStatusObject is toStatusCode with the reply's trailing metadata. */
export function toStatusObject(err: unknown, trailer: Metadata): Partial<StatusObject> {
  const { code, message } = toStatusCode(err);
  return { code, details: boundDetails(message), metadata: trailer };
}
