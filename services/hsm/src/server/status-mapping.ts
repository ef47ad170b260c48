import { status as Status, type StatusObject, type Metadata } from '@grpc/grpc-js';
import { boundDetails } from '@hsmlab/common';
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

/** toStatusObject is toStatusCode with the reply's trailing metadata. */
export function toStatusObject(err: unknown, trailer: Metadata): Partial<StatusObject> {
  const { code, message } = toStatusCode(err);
  return { code, details: boundDetails(message), metadata: trailer };
}
