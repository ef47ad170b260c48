/**
 * Errors the orchestrator's callers act on, one class per condition. Each
 * sets `name`, keeps `cause`, and carries the ids it is about. The gRPC side
 * maps them to status codes in control/grpc-status.ts, and nowhere else.
 */

/** OrchestratorError is the base of every error the control plane reports. */
export class OrchestratorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OrchestratorError';
  }
}

/** NotFoundError: a cluster, HSM or backup id names nothing. */
export class NotFoundError extends OrchestratorError {
  constructor(
    readonly kind: 'cluster' | 'hsm' | 'backup',
    readonly id: string,
  ) {
    super(`${kind} "${id}" not found`);
    this.name = 'NotFoundError';
  }
}

/** InvalidArgumentError: a request field is malformed; `field` names it. */
export class InvalidArgumentError extends OrchestratorError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidArgumentError';
  }
}

/** AlreadyExistsError: an HSM id or address is already a cluster member. */
export class AlreadyExistsError extends OrchestratorError {
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyExistsError';
  }
}

/** PreconditionError: the cluster, HSM or backup is in the wrong state for the call. */
export class PreconditionError extends OrchestratorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreconditionError';
  }
}

/**
 * BackupIntegrityError: a backup's parts do not match its manifest (count,
 * digest, order, domain) or are truncated. Nothing was restored.
 */
export class BackupIntegrityError extends PreconditionError {
  constructor(
    readonly backupId: string,
    message: string,
  ) {
    super(`backup ${backupId} failed its integrity check: ${message}`);
    this.name = 'BackupIntegrityError';
  }
}

/** UnavailableError: no node could be reached for the operation; `cause` is the last failure. */
export class UnavailableError extends OrchestratorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnavailableError';
  }
}

function walk<T>(err: unknown, test: (e: unknown) => e is T): T | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 10; depth += 1) {
    if (test(e)) return e;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}

/** isNotFound tells whether err, or an error in its cause chain, is a NotFoundError. */
export function isNotFound(err: unknown): boolean {
  return walk(err, (e): e is NotFoundError => e instanceof NotFoundError) !== undefined;
}

/** isBackupIntegrityError tells whether err's cause chain holds a BackupIntegrityError. */
export function isBackupIntegrityError(err: unknown): boolean {
  return (
    walk(err, (e): e is BackupIntegrityError => e instanceof BackupIntegrityError) !== undefined
  );
}

/** errorMessage renders any thrown value for a log field or a state message. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
