import type { Client, Metadata, ServiceError, StatusObject } from '@grpc/grpc-js';
import { METADATA } from '@hsmlab/proto';
import type { UnaryMethod, UnaryMethods } from './unary-methods';

/** UnaryCallOptions bound one unary attempt. */
export interface UnaryCallOptions {
  readonly deadline: Date;
  readonly signal?: AbortSignal;
}

/** ReportedLoad is the load a node put in a reply's trailers (NaN when absent). */
export interface ReportedLoad {
  readonly inFlight: number;
  readonly capacity: number;
}

type UnaryCallback = (err: ServiceError | null, value?: unknown) => void;
type UnaryInvoker = (
  request: unknown,
  metadata: Metadata,
  options: object,
  cb: UnaryCallback,
) => {
  on(event: 'status', listener: (status: StatusObject) => void): unknown;
  cancel(): void;
};

/**
 * invokeUnary calls one unary method by name on a generated client, cancels
 * it when `signal` aborts, and hands the load in the reply's trailing
 * metadata (sent on failures too) to `onLoad`. It rejects with the grpc-js
 * ServiceError.
 */
export function invokeUnary<M extends UnaryMethod>(
  client: Client,
  method: M,
  request: UnaryMethods[M][0],
  metadata: Metadata,
  options: UnaryCallOptions,
  onLoad: (load: ReportedLoad) => void,
): Promise<UnaryMethods[M][1]> {
  const invoke = (client as unknown as Record<string, UnaryInvoker>)[method]!;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => call.cancel();
    const call = invoke.call(
      client,
      request,
      metadata,
      { deadline: options.deadline },
      (err, value) => {
        options.signal?.removeEventListener('abort', onAbort);
        if (err === null) resolve(value as UnaryMethods[M][1]);
        else reject(err);
      },
    );
    call.on('status', (status) => {
      const load = loadFromTrailers(status.metadata);
      if (load !== undefined) onLoad(load);
    });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
  });
}

/** loadFromTrailers reads x-hsmlab-inflight and x-hsmlab-capacity, if present. */
function loadFromTrailers(metadata: Metadata | undefined): ReportedLoad | undefined {
  if (metadata === undefined) return undefined;
  const inFlight = Number(metadata.get(METADATA.inFlight)[0]);
  const capacity = Number(metadata.get(METADATA.capacity)[0]);
  return Number.isFinite(inFlight) || Number.isFinite(capacity)
    ? { inFlight, capacity }
    : undefined;
}
