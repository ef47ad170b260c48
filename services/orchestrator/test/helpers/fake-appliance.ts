import { randomBytes } from 'node:crypto';
import { FakeObjectStore, type FakeObject, type PutOptions } from './fake-object-store';
import {
  Server,
  ServerCredentials,
  status,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type sendUnaryData,
} from '@grpc/grpc-js';
import {
  loadApplianceProto,
  loadHsmProto,
  METADATA,
  type applianceV1,
  type hsmV1,
} from '@hsmlab/proto';

export type { FakeObject } from './fake-object-store';

type Call<Req> = ServerUnaryCall<Req, unknown>;
type Fail = { code: status; details: string };

/**
 * FakeAppliance is a TEST DOUBLE of one HSM node's sync plane: a real
 * grpc-js server on a loopback port that serves hsm.v1 Login/GetNodeInfo and
 * appliance.v1 from an in-memory map of "masked" objects (random bytes; the
 * double has no masking key and no crypto). It keeps version ordering,
 * paging, batch import and all-or-nothing restore like a node, and lets a
 * test inject failures. It is not an HSM: never use it outside tests.
 */
export class FakeAppliance {
  readonly store = new FakeObjectStore();
  domainId = '';
  clusterId = '';
  officerActivated = false;
  /** A test sets these to make the next calls of a method fail. */
  readonly failures = new Map<string, Fail>();
  /** Every sync-plane method called, in order (the double's "audit log"). */
  readonly calls: string[] = [];
  /** Genuine doubles grant joins; a forged one's requests are refused by genuine granters. */
  genuine = true;
  address = '';
  private server: Server | undefined;

  constructor(
    readonly nodeId: string,
    readonly az: string,
    private readonly password = 'appliance-pass-1',
  ) {}

  async start(port = 0): Promise<string> {
    this.server = new Server();
    this.server.addService(loadHsmProto().hsmlab.hsm.v1.Hsm.service, {
      Login: (call: Call<hsmV1.LoginRequest__Output>, cb: sendUnaryData<hsmV1.LoginResponse>) => {
        if (call.request.username !== 'appliance' || call.request.password !== this.password) {
          cb({ code: status.UNAUTHENTICATED, details: 'bad credentials' });
          return;
        }
        cb(null, {
          sessionToken: `session-${this.nodeId}`,
          role: 'ROLE_APPLIANCE',
          nodeId: this.nodeId,
        });
      },
      GetNodeInfo: (_call: Call<object>, cb: sendUnaryData<hsmV1.NodeInfo>) =>
        this.answer('GetNodeInfo', cb, () => ({
          nodeId: this.nodeId,
          az: this.az,
          officerActivated: this.officerActivated,
        })),
    });
    this.server.addService(
      loadApplianceProto().hsmlab.appliance.v1.Appliance.service,
      this.handlers(),
    );
    const bound = await new Promise<number>((resolve, reject) =>
      this.server!.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    this.address = `127.0.0.1:${bound}`;
    return this.address;
  }

  /** stop takes the server down (the node is unreachable) until start() again on the same port. */
  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.tryShutdown(() => r()) : r()));
    this.server?.forceShutdown();
    this.server = undefined;
  }

  get objects(): Map<string, FakeObject> {
    return this.store.objects;
  }

  /** put writes an object as if a client had written it on this node. */
  put(handle: string, wallMs: number, options: PutOptions = {}): FakeObject {
    return this.store.put(handle, wallMs, { nodeId: this.nodeId, ...options });
  }

  rootDigest(): Buffer {
    return this.store.rootDigest();
  }

  async restart(): Promise<void> {
    await this.start(Number(this.address.split(':')[1]));
  }

  private status(): applianceV1.ApplianceStatus {
    return {
      nodeId: this.nodeId,
      az: this.az,
      clusterId: this.clusterId,
      domainId: this.domainId,
      state: this.domainId ? 'INITIALIZED' : 'UNINITIALIZED',
      objectCount: this.objects.size,
      rootDigest: this.rootDigest(),
      load: { inFlight: 0, capacity: 100 },
      identityChainPem: this.genuine ? 'GENUINE' : 'FORGED',
    };
  }

  private answer<T>(method: string, cb: sendUnaryData<T>, fn: () => T): void {
    const fail = this.failures.get(method);
    if (fail) {
      cb(fail);
      return;
    }
    try {
      cb(null, fn());
    } catch (err) {
      const code = (err as { code?: status }).code ?? status.FAILED_PRECONDITION;
      cb({ code, details: (err as Error).message });
    }
  }

  private authed<Req, Res>(method: string, fn: (req: Req) => Res) {
    return (call: ServerUnaryCall<Req, Res>, cb: sendUnaryData<Res>) => {
      if (call.metadata.get(METADATA.session)[0] !== `session-${this.nodeId}`) {
        cb({ code: status.UNAUTHENTICATED, details: 'no session' });
        return;
      }
      this.calls.push(method);
      this.answer(method, cb, () => fn(call.request));
    };
  }

  private handlers() {
    return {
      GetStatus: this.authed('GetStatus', () => this.status()),
      InitializeCluster: this.authed(
        'InitializeCluster',
        (r: applianceV1.InitializeClusterRequest__Output) => {
          if (this.domainId) throw new Error('already initialised');
          this.domainId = this.clusterId = r.clusterId;
          return this.status();
        },
      ),
      ListDigests: this.authed('ListDigests', (r: applianceV1.ListDigestsRequest__Output) =>
        this.store.digestPage(r.afterHandle, r.pageSize || 1000),
      ),
      ExportMasked: this.authed('ExportMasked', (r: applianceV1.ExportMaskedRequest__Output) => ({
        objects: r.handles
          .filter((h) => this.objects.has(h))
          .map((h) => this.store.toMasked(this.domainId, this.objects.get(h)!)),
      })),
      ImportMasked: this.authed('ImportMasked', (r: applianceV1.ImportMaskedRequest__Output) => {
        if (r.objects.some((o) => o.domainId !== this.domainId)) throw new Error('wrong domain');
        return { results: this.store.importAll(r.objects) };
      }),
      GetJoinRequest: this.authed(
        'GetJoinRequest',
        (r: applianceV1.GetJoinRequestRequest__Output) => ({
          nodeId: this.nodeId,
          clusterId: r.clusterId,
          identityChainPem: this.genuine ? 'GENUINE' : 'FORGED',
          ecdhPublicKey: randomBytes(32),
          issuedAtMs: Date.now(),
          signature: randomBytes(8),
        }),
      ),
      GrantJoin: this.authed('GrantJoin', (r: applianceV1.JoinRequest__Output) => {
        if (r.identityChainPem !== 'GENUINE') {
          const details = 'identity chain does not verify against the manufacturer CA';
          throw Object.assign(new Error(details), { code: status.PERMISSION_DENIED });
        }
        return {
          grantingNodeId: this.nodeId,
          joiningNodeId: r.nodeId,
          clusterId: this.clusterId,
          domainId: this.domainId,
          wrappedMaskingKey: randomBytes(60),
        };
      }),
      CompleteJoin: this.authed('CompleteJoin', (g: applianceV1.JoinGrant__Output) => {
        this.domainId = g.domainId;
        this.clusterId = g.clusterId;
        return this.status();
      }),
      CreateBackup: (
        call: ServerWritableStream<applianceV1.CreateBackupRequest__Output, applianceV1.BackupPart>,
      ) => {
        this.calls.push('CreateBackup');
        const parts = this.store.backupParts({
          backupId: call.request.backupId,
          clusterId: this.clusterId,
          domainId: this.domainId,
          sourceNodeId: this.nodeId,
        });
        for (const part of parts) call.write(part);
        call.end();
      },
      RestoreBackup: (
        call: ServerReadableStream<
          applianceV1.BackupPart__Output,
          applianceV1.RestoreBackupResponse
        >,
        cb: sendUnaryData<applianceV1.RestoreBackupResponse>,
      ) => {
        this.calls.push('RestoreBackup');
        const objects: hsmV1.MaskedObject__Output[] = [];
        let manifest: applianceV1.BackupManifest__Output | undefined;
        let target = '';
        call.on('data', (p: applianceV1.BackupPart__Output) => {
          if (p.object) objects.push(p.object);
          else if (p.manifest) manifest = p.manifest;
          else if (p.targetClusterId) target = p.targetClusterId;
        });
        call.on('end', () => {
          if (!manifest || manifest.objectCount !== objects.length)
            return cb({ code: status.INVALID_ARGUMENT, details: 'truncated backup' });
          if (this.domainId && manifest.domainId !== this.domainId)
            return cb({ code: status.FAILED_PRECONDITION, details: 'backup of another domain' });
          if (!this.domainId) {
            this.domainId = manifest.domainId;
            this.clusterId = target || manifest.clusterId;
          }
          cb(null, {
            objectsApplied: objects.filter(
              (o) => this.store.importOne(o) === 'IMPORT_OUTCOME_APPLIED',
            ).length,
            status: this.status(),
          });
        });
      },
    };
  }
}
