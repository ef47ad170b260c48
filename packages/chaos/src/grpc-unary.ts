import type { Client, Metadata, ServiceError } from '@grpc/grpc-js';

type UnaryCallback = (err: ServiceError | null, value?: unknown) => void;
type UnaryInvoker = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: Date },
  callback: UnaryCallback,
) => unknown;

/**
 * callUnary invokes one unary method of a generated grpc-js client by name,
 * with an absolute deadline, and rejects with the grpc-js ServiceError.
 * The generated clients type every method separately; the probes here need
 * only a handful, each typed at its call site.
 */
export function callUnary<Res>(
  client: Client,
  method: string,
  request: object,
  metadata: Metadata,
  deadlineMs: number,
): Promise<Res> {
  const invoke = (client as unknown as Record<string, UnaryInvoker | undefined>)[method];
  if (typeof invoke !== 'function') {
    return Promise.reject(new Error(`the client has no method ${method}`));
  }
  return new Promise<Res>((resolve, reject) => {
    invoke.call(
      client,
      request,
      metadata,
      { deadline: new Date(Date.now() + deadlineMs) },
      (err, value) => (err ? reject(err) : resolve(value as Res)),
    );
  });
}

/** grpcCode reads the gRPC status code of an error, if it has one. */
export function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
