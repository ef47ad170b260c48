import type { ServiceDefinition } from '@grpc/grpc-js';

/** MALFORMED marks a request whose bytes did not decode. */
const MALFORMED = Symbol('hsmlab.malformed');

interface Malformed {
  [MALFORMED]: string;
}

/**
 * tolerantService wraps every request decoder of a service so that bytes
 * that are not a valid message become a marked object instead of a decoder
 * exception. grpc-js would answer such a request INTERNAL ("Error
 * deserializing request"); with this, the handler sees the mark
 * (malformedReason) and answers INVALID_ARGUMENT, naming the problem, like
 * any other bad input. The HSM node and the orchestrator both use it.
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

/**
 * malformedReason is why a request did not decode (the decoder's message,
 * cut to 120 characters), or undefined for a request that decoded.
 */
export function malformedReason(request: unknown): string | undefined {
  if (request !== null && typeof request === 'object' && MALFORMED in request) {
    return (request as Malformed)[MALFORMED].slice(0, 120);
  }
  return undefined;
}
