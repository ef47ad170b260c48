import type { ServiceDefinition } from '@grpc/grpc-js';
import { BadRequestError } from '../errors';

/** MALFORMED marks a request whose bytes did not decode. */
const MALFORMED = Symbol('hsmlab.malformed');

interface Malformed {
  [MALFORMED]: string;
}

/**
 * tolerantService wraps every request decoder of a service so that bytes
 * that are not a valid message become a marked object instead of a decoder
 * exception. grpc-js would answer such a request INTERNAL; the handlers
 * answer it INVALID_ARGUMENT, naming the problem, like any other bad input.
 */
export function tolerantService<T extends ServiceDefinition>(service: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(service)) {
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer): unknown => {
        try {
          return method.requestDeserialize(bytes);
        } catch (err) {
          const marked: Malformed = { [MALFORMED]: (err as Error).message };
          return marked;
        }
      },
    };
  }
  return out as T;
}

/** rejectMalformed throws INVALID_ARGUMENT for a request that did not decode. */
export function rejectMalformed(request: unknown): void {
  if (request !== null && typeof request === 'object' && MALFORMED in request) {
    const reason = (request as Malformed)[MALFORMED];
    throw new BadRequestError(
      `malformed request: the message does not decode (${reason.slice(0, 120)})`,
    );
  }
}
