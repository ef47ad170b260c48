// TEST DOUBLE, not an HSM. A real grpc-js server on a loopback port that
// speaks hsm.proto with in-memory behaviour (see fake-hsm-store.ts) and
// knobs the SDK's tests turn: service delay, reported capacity and load,
// injected failures, lost replies, a "paused" mode, broken streams, stop and
// restart on the same port. It stands in until services/hsm exists.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  Metadata,
  Server,
  ServerCredentials,
  status as Status,
  type ServerDuplexStream,
  type ServiceError,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { loadHsmProto, METADATA, type HsmHandlers, type hsmV1 } from '@hsmlab/proto';
import { FakeStore, idempotentHandle } from './fake-hsm-store';

type Stream = ServerDuplexStream<hsmV1.CryptoStreamRequest__Output, hsmV1.CryptoStreamResponse>;

export interface FakeNodeOptions {
  nodeId: string;
  /** Relative capacity reported in every reply. @default 1 */
  capacity?: number;
  /** Time every crypto batch and key operation takes. @default 0 */
  delayMs?: number;
  /** Users and passwords. @default { alice: 'alice-pw' } (a crypto user) */
  users?: Record<string, string>;
  port?: number;
  /** Serve TLS with this certificate; with `clientCaPem`, require client certificates. */
  tls?: { certPem: string; keyPem: string; clientCaPem?: string };
}

function fail(code: Status, details: string): Partial<ServiceError> {
  return { code, details, message: details };
}

export class FakeHsmNode {
  readonly nodeId: string;
  readonly store: FakeStore;
  capacity: number;
  delayMs: number;
  /** When set, replies report this in-flight count instead of the real one. */
  reportedInFlight: number | undefined;
  /** Paused: requests wait until resume() (like SIGSTOP/SIGCONT). */
  private paused: Promise<void> | undefined;
  private resumeFn: (() => void) | undefined;
  private readonly failures = new Map<string, { code: Status; count: number }>();
  private readonly lostReplies = new Map<string, number>();
  private sessions = new Map<string, string>();
  private readonly streams = new Set<Stream>();
  private server: Server | undefined;
  private inFlight = 0;
  port = 0;
  private readonly tls: FakeNodeOptions['tls'];
  startedAtMs = Date.now();

  // Observations.
  readonly calls = new Map<string, number>();
  cryptoResults = 0;
  streamMessages = 0;
  /** The most crypto calls this node held at once (received, not answered). */
  peakInFlight = 0;
  readonly cancelled: number[] = [];
  readonly requestIds: string[] = [];

  private constructor(options: FakeNodeOptions) {
    this.nodeId = options.nodeId;
    this.capacity = options.capacity ?? 1;
    this.delayMs = options.delayMs ?? 0;
    this.store = new FakeStore(options.nodeId);
    for (const [username, password] of Object.entries(options.users ?? { alice: 'alice-pw' })) {
      const role = username === 'admin' ? 'ROLE_CRYPTO_OFFICER' : 'ROLE_CRYPTO_USER';
      this.store.putUser({ username, role, password });
    }
    this.port = options.port ?? 0;
    this.tls = options.tls;
  }

  static async start(options: FakeNodeOptions): Promise<FakeHsmNode> {
    const node = new FakeHsmNode(options);
    await node.listen();
    return node;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  count(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  /** failNext makes the next `count` calls of `method` ('Crypto' for stream calls) fail with `code`. */
  failNext(method: string, code: Status, count = 1): void {
    this.failures.set(method, { code, count });
  }

  /** loseReplyNext runs the next call of `method`, then answers UNAVAILABLE as if the reply was lost. */
  loseReplyNext(method: string): void {
    this.lostReplies.set(method, (this.lostReplies.get(method) ?? 0) + 1);
  }

  pause(): void {
    this.paused ??= new Promise((resolve) => (this.resumeFn = resolve));
  }

  resume(): void {
    this.resumeFn?.();
    this.paused = undefined;
  }

  /** breakStreams ends every open crypto stream with `code`, leaving the server up. */
  breakStreams(code: Status = Status.UNAVAILABLE): void {
    for (const stream of this.streams) stream.emit('error', fail(code, 'fake: stream broken'));
    this.streams.clear();
  }

  /** forgetSessions drops every session, as a restart would. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  async stop(): Promise<void> {
    this.resume();
    this.server?.forceShutdown();
    this.server = undefined;
    this.streams.clear();
  }

  /** restart comes back on the same port with the same objects and no sessions. */
  async restart(): Promise<void> {
    await this.stop();
    this.forgetSessions();
    this.startedAtMs = Date.now() + 1;
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = new Server();
    server.addService(
      loadHsmProto().hsmlab.hsm.v1.Hsm.service,
      this.handlers() as UntypedServiceImplementation,
    );
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.port}`, this.serverCredentials(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
    this.server = server;
  }

  private serverCredentials(): ServerCredentials {
    if (this.tls === undefined) return ServerCredentials.createInsecure();
    const { certPem, keyPem, clientCaPem } = this.tls;
    return ServerCredentials.createSsl(
      clientCaPem === undefined ? null : Buffer.from(clientCaPem),
      [{ private_key: Buffer.from(keyPem), cert_chain: Buffer.from(certPem) }],
      clientCaPem !== undefined,
    );
  }

  private trailers(): Metadata {
    const metadata = new Metadata();
    metadata.set(METADATA.inFlight, String(this.reportedInFlight ?? this.inFlight));
    metadata.set(METADATA.capacity, String(this.capacity));
    return metadata;
  }

  private load(): hsmV1.NodeLoad {
    return { inFlight: this.reportedInFlight ?? this.inFlight, capacity: this.capacity };
  }

  private injected(method: string): Status | undefined {
    const failure = this.failures.get(method);
    if (failure === undefined || failure.count <= 0) return undefined;
    failure.count -= 1;
    return failure.code;
  }

  private async gate(): Promise<void> {
    while (this.paused) await this.paused;
  }

  /**
   * unary wraps a handler: pause gate, session check, delay, injected
   * failures and lost replies, and the load trailers every reply carries.
   */
  private unary<Req, Res>(
    method: string,
    sessionless: boolean,
    body: (request: Req, user: string) => Res | Partial<ServiceError>,
  ) {
    return (
      call: { request: Req; metadata: Metadata },
      callback: (err: Partial<ServiceError> | null, value?: Res | null, trailer?: Metadata) => void,
    ): void => {
      this.calls.set(method, this.count(method) + 1);
      const id = call.metadata.get(METADATA.requestId)[0];
      if (typeof id === 'string') this.requestIds.push(id);
      void (async () => {
        await this.gate();
        const token = call.metadata.get(METADATA.session)[0];
        const user = typeof token === 'string' ? this.sessions.get(token) : undefined;
        if (!sessionless && user === undefined) {
          return callback({
            ...fail(Status.UNAUTHENTICATED, 'fake: no such session'),
            metadata: this.trailers(),
          });
        }
        const code = this.injected(method);
        if (code !== undefined)
          return callback({
            ...fail(code, `fake: injected ${Status[code]}`),
            metadata: this.trailers(),
          });
        this.inFlight += 1;
        if (this.delayMs > 0 && method !== 'GetNodeInfo')
          await new Promise((r) => setTimeout(r, this.delayMs));
        this.inFlight -= 1;
        const result = body(call.request, user ?? '');
        const lost = this.lostReplies.get(method) ?? 0;
        if (lost > 0) {
          this.lostReplies.set(method, lost - 1);
          return callback({
            ...fail(Status.UNAVAILABLE, 'fake: reply lost'),
            metadata: this.trailers(),
          });
        }
        if (
          result !== null &&
          typeof result === 'object' &&
          'code' in result &&
          typeof result.code === 'number'
        ) {
          return callback({ ...(result as Partial<ServiceError>), metadata: this.trailers() });
        }
        callback(null, result as Res, this.trailers());
      })();
    };
  }

  private handlers(): Partial<HsmHandlers> {
    const store = this.store;
    return {
      GetNodeInfo: this.unary('GetNodeInfo', true, (): hsmV1.NodeInfo => ({
        nodeId: this.nodeId,
        az: 'fake-az',
        clusterId: 'fake-cluster',
        state: 'INITIALIZED',
        load: this.load(),
        objectCount: store.objects.size,
        startedAtMs: this.startedAtMs,
      })),
      Login: this.unary('Login', true, (request: hsmV1.LoginRequest__Output) => {
        const user = store.user(request.username);
        if (user === undefined || user.password !== request.password) {
          return fail(Status.UNAUTHENTICATED, 'fake: wrong user or password');
        }
        const token = randomUUID();
        this.sessions.set(token, user.username);
        return { sessionToken: token, role: user.role, nodeId: this.nodeId };
      }),
      Logout: this.unary('Logout', false, () => ({})),
      ActivateOfficer: this.unary(
        'ActivateOfficer',
        true,
        (request: hsmV1.ActivateOfficerRequest__Output) => {
          if (store.user('admin') !== undefined)
            return fail(Status.FAILED_PRECONDITION, 'fake: already activated');
          store.putUser({
            username: 'admin',
            role: 'ROLE_CRYPTO_OFFICER',
            password: request.password,
          });
          return { user: { username: 'admin', role: 'ROLE_CRYPTO_OFFICER', activated: true } };
        },
      ),
      ChangePassword: this.unary(
        'ChangePassword',
        false,
        (request: hsmV1.ChangePasswordRequest__Output) => {
          const user = store.user(request.username);
          if (user === undefined) return fail(Status.NOT_FOUND, 'fake: no such user');
          store.putUser({ ...user, password: request.newPassword });
          return { user: { username: user.username, role: user.role, activated: true } };
        },
      ),
      GenerateSymmetricKey: this.unary(
        'GenerateSymmetricKey',
        false,
        (request: hsmV1.GenerateSymmetricKeyRequest__Output, user) => {
          const handle = request.clientRequestId
            ? idempotentHandle(user, request.clientRequestId)
            : undefined;
          const object = store.createKey(handle, {
            keyType: request.keyType,
            keyClass: 'KEY_CLASS_SECRET',
            sizeBits: request.sizeBits,
            owner: user,
            sharedWith: [],
            attributes: { label: request.attributes?.label, sign: true, encrypt: true },
            clientRequestId: request.clientRequestId,
          });
          return { key: store.keyInfo(object) };
        },
      ),
      GetKey: this.unary('GetKey', false, (request: hsmV1.GetKeyRequest__Output) => {
        const object = store.liveKey(request.handle);
        return object
          ? { key: store.keyInfo(object) }
          : fail(Status.NOT_FOUND, `fake: no key ${request.handle}`);
      }),
      DeleteKey: this.unary('DeleteKey', false, (request: hsmV1.DeleteKeyRequest__Output) => {
        const object = store.liveKey(request.handle);
        if (object === undefined) return fail(Status.NOT_FOUND, `fake: no key ${request.handle}`);
        const tombstone = store.put({ ...object, version: store.nextVersion(), tombstone: true });
        return { version: tombstone.version };
      }),
      FindKeys: this.unary('FindKeys', false, () => ({
        keys: [...store.objects.values()]
          .filter((o) => o.key && !o.tombstone)
          .map((o) => store.keyInfo(o)),
      })),
      ExportMaskedObject: this.unary(
        'ExportMaskedObject',
        false,
        (request: hsmV1.ExportMaskedObjectRequest__Output) =>
          store.export(request.handle) ??
          fail(Status.NOT_FOUND, `fake: no object ${request.handle}`),
      ),
      ImportMaskedObject: this.unary(
        'ImportMaskedObject',
        false,
        (request: hsmV1.ImportMaskedObjectRequest__Output) => store.import(request.object!),
      ),
      CryptoStream: (call) => this.cryptoStream(call),
    };
  }

  private cryptoStream(call: Stream): void {
    this.calls.set('CryptoStream', this.count('CryptoStream') + 1);
    const token = call.metadata.get(METADATA.session)[0];
    if (typeof token !== 'string' || !this.sessions.has(token)) {
      call.emit('error', fail(Status.UNAUTHENTICATED, 'fake: no such session'));
      return;
    }
    this.streams.add(call);
    call.on('data', (request: hsmV1.CryptoStreamRequest__Output) => {
      this.streamMessages += 1;
      this.cancelled.push(...request.cancel.map(Number));
      if (request.calls.length === 0) return;
      void this.serveBatch(call, request.calls);
    });
    call.on('end', () => {
      this.streams.delete(call);
      call.end();
    });
    call.on('error', () => this.streams.delete(call));
  }

  private async serveBatch(call: Stream, calls: hsmV1.CryptoCall__Output[]): Promise<void> {
    this.inFlight += calls.length;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    await this.gate();
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight -= calls.length;
    if (!this.streams.has(call)) return;
    const results = calls.map((c) => this.crypto(c));
    this.cryptoResults += results.length;
    call.write({ results, load: this.load() });
  }

  private crypto(call: hsmV1.CryptoCall__Output): hsmV1.CryptoResult {
    const id = call.id;
    const code = this.injected('Crypto');
    if (code !== undefined) return { id, code, message: `fake: injected ${Status[code]}` };
    if (call.digest)
      return { id, digest: { digest: createHash('sha256').update(call.digest.data).digest() } };
    if (call.random) return { id, random: { data: randomBytes(call.random.length) } };
    const handle =
      call.sign?.key ?? call.verify?.key ?? call.encrypt?.key ?? call.decrypt?.key ?? '';
    const key = this.store.liveKey(handle);
    if (key === undefined) return { id, code: Status.NOT_FOUND, message: `fake: no key ${handle}` };
    if (call.sign) return { id, sign: { signature: this.store.sign(key, call.sign.data) } };
    if (call.verify) {
      return {
        id,
        verify: { valid: this.store.sign(key, call.verify.data).equals(call.verify.signature) },
      };
    }
    if (call.encrypt) {
      const ciphertext = Buffer.from(call.encrypt.plaintext).reverse();
      return { id, encrypt: { ciphertext, iv: randomBytes(12), tag: Buffer.alloc(16) } };
    }
    return { id, decrypt: { plaintext: Buffer.from(call.decrypt!.ciphertext).reverse() } };
  }
}
