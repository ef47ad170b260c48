import { malformedReason } from '@hsmlab/common';
import { InvalidArgumentError } from '../errors';

// Without tolerantService, bytes that do not decode got INTERNAL from grpc-js
// (found by test/orchestrator-bad-input.test.ts).
export { tolerantService } from '@hsmlab/common';

/** rejectMalformed throws INVALID_ARGUMENT for a request that did not decode. */
export function rejectMalformed(request: unknown): void {
  const reason = malformedReason(request);
  if (reason !== undefined) {
    throw new InvalidArgumentError(
      'request',
      `malformed request: the message does not decode (${reason})`,
    );
  }
}
