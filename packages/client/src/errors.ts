/**
 * HsmErrorOptions are the details every SDK error can carry.
 */
export interface HsmErrorOptions {
  /** gRPC status code of the failure, when a node or the channel gave one. */
  code?: number;
  /** Id (or address, before its id is known) of the node that failed. */
  nodeId?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * HsmError is the base of every error the SDK throws. `code` is the gRPC
 * status code when there is one, `nodeId` the node that answered, `cause`
 * the underlying error. Use the `is…` helpers, which also look through causes.
 */
export class HsmError extends Error {
  readonly code: number | undefined;
  readonly nodeId: string | undefined;

  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HsmError';
    this.code = options.code;
    this.nodeId = options.nodeId;
  }
}

/** NotFoundError says an object (user, key) does not exist on any node tried. */
export class NotFoundError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'NotFoundError';
  }
}

/**
 * KeyNotFoundError says a key handle names no key the caller may use on any
 * node the SDK tried (a key missing on one node only is retried elsewhere).
 */
export class KeyNotFoundError extends NotFoundError {
  readonly handle: string | undefined;

  constructor(message: string, handle: string | undefined, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'KeyNotFoundError';
    this.handle = handle;
  }
}

/** PermissionDeniedError says the user may not do this (role, ownership, key attributes). */
export class PermissionDeniedError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'PermissionDeniedError';
  }
}

/**
 * UnauthenticatedError says the node refused the credentials (wrong
 * password, locked or unknown user), or the SDK has no credentials.
 */
export class UnauthenticatedError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'UnauthenticatedError';
  }
}

/** InvalidArgumentError says the request itself is wrong; retrying cannot help. */
export class InvalidArgumentError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'InvalidArgumentError';
  }
}

/** AlreadyExistsError says the object (a user name) is taken. */
export class AlreadyExistsError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'AlreadyExistsError';
  }
}

/**
 * FailedPreconditionError says the node's state does not allow the call (an
 * officer already activated, a user that still owns keys).
 */
export class FailedPreconditionError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'FailedPreconditionError';
  }
}

/**
 * ClusterUnavailableError says no routable node could run the call before its
 * deadline. `triedNodes` lists the nodes attempted, in order.
 */
export class ClusterUnavailableError extends HsmError {
  readonly triedNodes: readonly string[];

  constructor(message: string, triedNodes: readonly string[], options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'ClusterUnavailableError';
    this.triedNodes = triedNodes;
  }
}

/**
 * KeyAvailabilityError says a create or change could not reach `required`
 * nodes: `replicas` nodes hold it (0 when the SDK refused to start because
 * too few nodes were reachable). `handle` names the object when it exists.
 */
export class KeyAvailabilityError extends HsmError {
  readonly replicas: number;
  readonly required: number;
  readonly handle: string | undefined;

  constructor(
    message: string,
    replicas: number,
    required: number,
    handle: string | undefined,
    options: HsmErrorOptions = {},
  ) {
    super(message, options);
    this.name = 'KeyAvailabilityError';
    this.replicas = replicas;
    this.required = required;
    this.handle = handle;
  }
}

/** DeadlineExceededError says the call's overall deadline passed. */
export class DeadlineExceededError extends HsmError {
  readonly deadlineMs: number | undefined;

  constructor(message: string, deadlineMs: number | undefined, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'DeadlineExceededError';
    this.deadlineMs = deadlineMs;
  }
}

/**
 * BusyError says every node tried shed the call (RESOURCE_EXHAUSTED: rate
 * limit or capacity) until the deadline.
 */
export class BusyError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'BusyError';
  }
}

/** CancelledError says the caller aborted the call (its AbortSignal fired). */
export class CancelledError extends HsmError {
  constructor(message: string, options: HsmErrorOptions = {}) {
    super(message, options);
    this.name = 'CancelledError';
  }
}

/** InvalidOptionError says an option given to `connect` is wrong; `option` is its path. */
export class InvalidOptionError extends HsmError {
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`invalid option ${option}: ${problem}`);
    this.name = 'InvalidOptionError';
    this.option = option;
  }
}
