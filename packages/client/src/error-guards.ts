import {
  AlreadyExistsError,
  BusyError,
  CancelledError,
  ClusterUnavailableError,
  DeadlineExceededError,
  FailedPreconditionError,
  HsmError,
  InvalidArgumentError,
  KeyAvailabilityError,
  KeyNotFoundError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
} from './errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass<T> = abstract new (...args: any[]) => T;

/** MAX_CAUSE_DEPTH bounds the walk down a cause chain (a cycle must not hang it). */
const MAX_CAUSE_DEPTH = 8;

/**
 * findError returns the first error of class `type` in the chain made of
 * `err` and its causes. Errors from another copy of the SDK (a second
 * node_modules) are matched by name, since instanceof fails across copies.
 */
export function findError<T extends Error>(err: unknown, type: ErrorClass<T>): T | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    if (current instanceof type || isSameNamedClass(current, type)) return current as T;
    current = current.cause;
  }
  return undefined;
}

function isSameNamedClass<T>(err: Error, type: ErrorClass<T>): boolean {
  // A subclass instance of another copy carries its own name; only an exact
  // name match is trusted, so KeyNotFoundError also answers isNotFound below.
  return err.name === type.name && err.name !== 'Error';
}

/** isHsmError tells whether err (or one of its causes) is an SDK error. */
export function isHsmError(err: unknown): boolean {
  return findError(err, HsmError) !== undefined;
}

/** isNotFound tells whether err is a NotFoundError (users or keys). */
export function isNotFound(err: unknown): boolean {
  return findError(err, NotFoundError) !== undefined || isKeyNotFound(err);
}

/** isKeyNotFound tells whether err is a KeyNotFoundError. */
export function isKeyNotFound(err: unknown): boolean {
  return findError(err, KeyNotFoundError) !== undefined;
}

/** isPermissionDenied tells whether err is a PermissionDeniedError. */
export function isPermissionDenied(err: unknown): boolean {
  return findError(err, PermissionDeniedError) !== undefined;
}

/** isUnauthenticated tells whether err is an UnauthenticatedError. */
export function isUnauthenticated(err: unknown): boolean {
  return findError(err, UnauthenticatedError) !== undefined;
}

/** isInvalidArgument tells whether err is an InvalidArgumentError. */
export function isInvalidArgument(err: unknown): boolean {
  return findError(err, InvalidArgumentError) !== undefined;
}

/** isAlreadyExists tells whether err is an AlreadyExistsError. */
export function isAlreadyExists(err: unknown): boolean {
  return findError(err, AlreadyExistsError) !== undefined;
}

/** isFailedPrecondition tells whether err is a FailedPreconditionError. */
export function isFailedPrecondition(err: unknown): boolean {
  return findError(err, FailedPreconditionError) !== undefined;
}

/** isClusterUnavailable tells whether err is a ClusterUnavailableError. */
export function isClusterUnavailable(err: unknown): boolean {
  return findError(err, ClusterUnavailableError) !== undefined;
}

/** isKeyAvailability tells whether err is a KeyAvailabilityError. */
export function isKeyAvailability(err: unknown): boolean {
  return findError(err, KeyAvailabilityError) !== undefined;
}

/** isDeadlineExceeded tells whether err is a DeadlineExceededError. */
export function isDeadlineExceeded(err: unknown): boolean {
  return findError(err, DeadlineExceededError) !== undefined;
}

/** isBusy tells whether err is a BusyError. */
export function isBusy(err: unknown): boolean {
  return findError(err, BusyError) !== undefined;
}

/** isCancelled tells whether err is a CancelledError. */
export function isCancelled(err: unknown): boolean {
  return findError(err, CancelledError) !== undefined;
}
