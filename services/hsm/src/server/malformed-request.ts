import { malformedReason } from '@hsmlab/common';
import { BadRequestError } from '../errors';

export { tolerantService } from '@hsmlab/common';

/** rejectMalformed throws INVALID_ARGUMENT for a request that did not decode. */
export function rejectMalformed(request: unknown): void {
  const reason = malformedReason(request);
  if (reason !== undefined) {
    throw new BadRequestError(`malformed request: the message does not decode (${reason})`);
  }
}
