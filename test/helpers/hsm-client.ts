import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  loadApplianceProto,
  loadHsmProto,
  METADATA,
  type ApplianceClient,
  type HsmClient,
} from '@hsmlab/proto';

/** RawHsm is a thin promise wrapper over the generated clients, for tests of the node itself. */
export class RawHsm {
  readonly hsm: HsmClient;
  readonly appliance: ApplianceClient;
  token = '';

  constructor(readonly address: string) {
    const opts = { 'grpc.max_receive_message_length': 64 * 1024 * 1024 };
    this.hsm = new (loadHsmProto().hsmlab.hsm.v1.Hsm)(address, credentials.createInsecure(), opts);
    this.appliance = new (loadApplianceProto().hsmlab.appliance.v1.Appliance)(
      address,
      credentials.createInsecure(),
      opts,
    );
  }

  metadata(): Metadata {
    const md = new Metadata();
    if (this.token) md.set(METADATA.session, this.token);
    return md;
  }

  /** call invokes a unary method of hsm.v1.Hsm by name. */
  call<T = any>(method: string, request: object, deadlineMs = 15_000): Promise<T> {
    return invoke(this.hsm, method, request, this.metadata(), deadlineMs);
  }

  /** sync invokes a unary method of appliance.v1.Appliance by name. */
  sync<T = any>(method: string, request: object, deadlineMs = 30_000): Promise<T> {
    return invoke(this.appliance, method, request, this.metadata(), deadlineMs);
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.call<{ sessionToken: string }>('Login', { username, password });
    this.token = res.sessionToken;
  }

  close(): void {
    this.hsm.close();
    this.appliance.close();
  }
}

function invoke<T>(
  client: any,
  method: string,
  request: object,
  md: Metadata,
  deadlineMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client[method](
      request,
      md,
      { deadline: Date.now() + deadlineMs },
      (err: ServiceError | null, res: T) => (err ? reject(err) : resolve(res)),
    );
  });
}

/** expectCode resolves to the gRPC status code a promise fails with. */
export async function codeOf(p: Promise<unknown>): Promise<{ code: status; details: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as ServiceError;
    return { code: e.code, details: e.details };
  }
  throw new Error('the call succeeded; a failure was expected');
}

export { status };
