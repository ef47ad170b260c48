import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { boundDetails } from '@hsmlab/common';
import {
  AlreadyExistsError,
  InvalidArgumentError,
  NotFoundError,
  PreconditionError,
  UnavailableError,
} from '../errors';

/**
 * toServiceError is the one place where orchestrator errors become gRPC
 * statuses. Anything unexpected is INTERNAL with its message, so a caller
 * always sees what went wrong.
 */
export function toServiceError(err: unknown): Partial<ServiceError> {
  // Bounded: messages quote the caller's input (found by test/orchestrator-bad-input.test.ts).
  const details = boundDetails(err instanceof Error ? err.message : String(err));
  const code =
    err instanceof NotFoundError
      ? status.NOT_FOUND
      : err instanceof InvalidArgumentError
        ? status.INVALID_ARGUMENT
        : err instanceof AlreadyExistsError
          ? status.ALREADY_EXISTS
          : err instanceof PreconditionError
            ? status.FAILED_PRECONDITION
            : err instanceof UnavailableError
              ? status.UNAVAILABLE
              : status.INTERNAL;
  return { code, details, metadata: new Metadata() };
}
