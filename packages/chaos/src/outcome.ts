/** ErrorClass is how History files a thrown error: the operation failed, or its effect is unknown. */
export type ErrorClass = 'fail' | 'unknown';

/**
 * DEFINITE_FAILURES are SDK error names that mean a request was refused
 * before it changed anything: nothing was written.
 */
const DEFINITE_FAILURES = new Set([
  'InvalidArgumentError',
  'InvalidOptionError',
  'PermissionDeniedError',
  'UnauthenticatedError',
  'AlreadyExistsError',
  'FailedPreconditionError',
]);

/**
 * classifyError files an error from the SDK (matched by name, so any copy of
 * the SDK works). A read or crypto call has no effect, so its errors are
 * `fail`. A write is `unknown` unless the error proves nothing was written:
 * a refusal, or a KeyAvailabilityError with `replicas: 0`. A timeout, an
 * unavailable cluster or a write short of its replicas may have landed.
 */
export function classifyError(err: unknown, mutating: boolean): ErrorClass {
  if (!mutating) return 'fail';
  const name = (err as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && DEFINITE_FAILURES.has(name)) return 'fail';
  if (name === 'KeyAvailabilityError') {
    return (err as { replicas?: unknown }).replicas === 0 ? 'fail' : 'unknown';
  }
  return 'unknown';
}

/** errorName reads an error's name (or 'Error'). */
export function errorName(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}
