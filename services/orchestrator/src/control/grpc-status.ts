import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  InvalidArgumentError,
  NotFoundError,
  PreconditionError,
  UnavailableError,
} from '../errors';

/**
 * MAX_DETAILS_CHARS bounds a status message. Messages quote the caller's
 * input (an id, an address); unbounded, a hostile 300 KB cluster id made a
 * grpc-message trailer larger than the client's HTTP/2 header limit, so the
 * client never saw the status: the call hung until its deadline and the
 * connection stayed wedged (found by test/orchestrator-bad-input.test.ts).
 */
export const MAX_DETAILS_CHARS = 1024;

/**
 * toServiceError is the one place where orchestrator errors become gRPC
 * statuses. Anything unexpected is INTERNAL with its message, so a caller
 * always sees what went wrong.
 */
export function toServiceError(err: unknown): Partial<ServiceError> {
  const message = err instanceof Error ? err.message : String(err);
  const details =
    message.length <= MAX_DETAILS_CHARS
      ? message
      : `${message.slice(0, MAX_DETAILS_CHARS)}... (${message.length - MAX_DETAILS_CHARS} more characters)`;
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
