/**
 * Service errors: one class per condition a caller acts on. The gRPC layer
 * maps them to status codes in one place (server/status-mapping.ts).
 */
export class ServiceError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** NotFoundError: no such object, or one the caller may not see (same answer). */
export class NotFoundError extends ServiceError {}
/** UnauthenticatedError: no session, an unknown or expired one, or a bad login. */
export class UnauthenticatedError extends ServiceError {}
/** PermissionDeniedError: the caller's role or an attribute forbids the call. */
export class PermissionDeniedError extends ServiceError {}
/** BadRequestError: the request itself is malformed or out of range. */
export class BadRequestError extends ServiceError {}
/** PreconditionError: the node or object is not in a state that allows the call. */
export class PreconditionError extends ServiceError {}
/** AlreadyExistsError: the object to create exists. */
export class AlreadyExistsError extends ServiceError {}
/** LimitError: a count or rate limit was reached; RESOURCE_EXHAUSTED. */
export class LimitError extends ServiceError {}
/** TimeoutError: the call's time ran out on the node. */
export class TimeoutError extends ServiceError {}
/** CancelledError: the caller gave up on the call. */
export class CancelledError extends ServiceError {}
