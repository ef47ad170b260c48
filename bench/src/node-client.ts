import { credentials, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadApplianceProto, loadHsmProto, METADATA } from '@hsmlab/proto';

type Callback = (err: ServiceError | null, reply: unknown) => void;
type UnaryFn = (request: object, md: Metadata, options: object, cb: Callback) => void;

/** CALL_DEADLINE_MS bounds one set-up call. */
const CALL_DEADLINE_MS = 60_000;

/**
 * NodeClient is raw access to one node's data and sync planes: the bench
 * uses it to form a cluster the way the orchestrator does (initialise,
 * attested join) and to set up users and keys without the SDK.
 */
export class NodeClient {
  private readonly hsm: Client;
  private readonly appliance: Client;
  private token = '';

  constructor(address: string) {
    const insecure = credentials.createInsecure();
    this.hsm = new (loadHsmProto().hsmlab.hsm.v1.Hsm)(address, insecure);
    this.appliance = new (loadApplianceProto().hsmlab.appliance.v1.Appliance)(address, insecure);
  }

  async login(username: string, password: string): Promise<void> {
    const reply = (await this.invoke(this.hsm, 'Login', { username, password })) as {
      sessionToken: string;
    };
    this.token = reply.sessionToken;
  }

  /** call invokes a unary Appliance (sync-plane) method by name. */
  call<T = unknown>(method: string, request: object): Promise<T> {
    return this.invoke(this.appliance, method, request) as Promise<T>;
  }

  /** data invokes a unary Hsm (data-plane) method by name. */
  data<T = unknown>(method: string, request: object): Promise<T> {
    return this.invoke(this.hsm, method, request) as Promise<T>;
  }

  close(): void {
    this.hsm.close();
    this.appliance.close();
  }

  private invoke(client: Client, method: string, request: object): Promise<unknown> {
    const md = new Metadata();
    if (this.token !== '') md.set(METADATA.session, this.token);
    return invokeUnary(client, method, request, md, CALL_DEADLINE_MS);
  }
}

/** invokeUnary calls a unary method of a proto-loader client by name. */
export function invokeUnary(
  client: Client,
  method: string,
  request: object,
  md: Metadata,
  deadlineMs: number,
): Promise<unknown> {
  const fn = (client as unknown as Record<string, UnaryFn>)[method]!.bind(client);
  return new Promise((resolve, reject) =>
    fn(request, md, { deadline: Date.now() + deadlineMs }, (err, reply) =>
      err ? reject(err) : resolve(reply),
    ),
  );
}
