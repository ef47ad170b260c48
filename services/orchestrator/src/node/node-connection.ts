import {
  Metadata,
  status,
  type ChannelCredentials,
  type ClientOptions,
  type ClientUnaryCall,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  loadApplianceProto,
  loadHsmProto,
  METADATA,
  MESSAGE_LIMITS,
  type ApplianceClient,
  type HsmClient,
  type applianceV1,
  type hsmV1,
} from '@hsmlab/proto';
import { newRequestId } from '../ids';
import {
  RestoreSink,
  collectBackupStream,
  readBackupStream,
  sendBackupStream,
} from './backup-streams';
import { ApplianceSession } from './appliance-session';
import { NodeCallError } from './node-call-error';

type Callback<T> = (err: ServiceError | null, value?: T) => void;

/** NodeConnectionOptions say how to reach and authenticate to one node. */
export interface NodeConnectionOptions {
  address: string;
  credentials: ChannelCredentials;
  applianceUser: string;
  appliancePassword: string;
  rpcTimeoutMs: number;
  backupTimeoutMs: number;
}

/**
 * CHANNEL_OPTIONS: reconnect quickly (a lab node that comes back should be
 * seen within seconds, not after grpc-js's default two-minute backoff cap),
 * accept the large messages digest pages and exports make, and keep our
 * connections apart from any other client in the process.
 */
const CHANNEL_OPTIONS: ClientOptions = {
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 2000,
  'grpc.max_receive_message_length': MESSAGE_LIMITS.clientMaxReceiveBytes,
  'grpc.max_send_message_length': MESSAGE_LIMITS.maxReceiveBytes,
  'grpc.use_local_subchannel_pool': 1,
};

/**
 * NodeConnection is the orchestrator's sync-plane client for one node. It
 * logs in as the appliance user on first use, sends the session token and a
 * request id with every call, logs in again once when the node answers
 * UNAUTHENTICATED (it restarted, or the session expired), and gives every
 * call a deadline. Failures are NodeCallErrors.
 *
 * It moves masked objects and wrapped blobs only; nothing it handles can be
 * opened without the cluster's masking key, which it never sees.
 */
export class NodeConnection {
  readonly address: string;
  private readonly appliance: ApplianceClient;
  private readonly hsm: HsmClient;
  private readonly session: ApplianceSession;

  constructor(private readonly options: NodeConnectionOptions) {
    this.address = options.address;
    const applianceCtor = loadApplianceProto().hsmlab.appliance.v1.Appliance;
    const hsmCtor = loadHsmProto().hsmlab.hsm.v1.Hsm;
    this.appliance = new applianceCtor(options.address, options.credentials, CHANNEL_OPTIONS);
    this.hsm = new hsmCtor(options.address, options.credentials, CHANNEL_OPTIONS);
    this.session = new ApplianceSession(this.hsm, options);
  }

  close(): void {
    this.appliance.close();
    this.hsm.close();
  }

  /** getNodeInfo needs no session: it is how the orchestrator sees officer activation. */
  getNodeInfo(): Promise<hsmV1.NodeInfo__Output> {
    return this.plainUnary('GetNodeInfo', (md, opts, cb) => this.hsm.getNodeInfo({}, md, opts, cb));
  }

  getStatus(): Promise<applianceV1.ApplianceStatus__Output> {
    return this.unary('GetStatus', (md, opts, cb) => this.appliance.getStatus({}, md, opts, cb));
  }

  initializeCluster(clusterId: string): Promise<applianceV1.ApplianceStatus__Output> {
    return this.unary('InitializeCluster', (md, opts, cb) =>
      this.appliance.initializeCluster({ clusterId }, md, opts, cb),
    );
  }

  listDigests(
    afterHandle: string,
    pageSize: number,
  ): Promise<applianceV1.ListDigestsResponse__Output> {
    return this.unary('ListDigests', (md, opts, cb) =>
      this.appliance.listDigests({ afterHandle, pageSize }, md, opts, cb),
    );
  }

  exportMasked(handles: string[]): Promise<applianceV1.ExportMaskedResponse__Output> {
    return this.unary('ExportMasked', (md, opts, cb) =>
      this.appliance.exportMasked({ handles }, md, opts, cb),
    );
  }

  importMasked(objects: hsmV1.MaskedObject[]): Promise<applianceV1.ImportMaskedResponse__Output> {
    return this.unary('ImportMasked', (md, opts, cb) =>
      this.appliance.importMasked({ objects }, md, opts, cb),
    );
  }

  getJoinRequest(clusterId: string): Promise<applianceV1.JoinRequest__Output> {
    return this.unary('GetJoinRequest', (md, opts, cb) =>
      this.appliance.getJoinRequest({ clusterId }, md, opts, cb),
    );
  }

  grantJoin(request: applianceV1.JoinRequest): Promise<applianceV1.JoinGrant__Output> {
    return this.unary('GrantJoin', (md, opts, cb) =>
      this.appliance.grantJoin(request, md, opts, cb),
    );
  }

  completeJoin(grant: applianceV1.JoinGrant): Promise<applianceV1.ApplianceStatus__Output> {
    return this.unary('CompleteJoin', (md, opts, cb) =>
      this.appliance.completeJoin(grant, md, opts, cb),
    );
  }

  /** createBackup collects the whole CreateBackup stream: masked objects, then the manifest. */
  createBackup(backupId: string): Promise<applianceV1.BackupPart__Output[]> {
    return this.withSession('CreateBackup', (md) =>
      collectBackupStream(this.appliance, backupId, md, this.backupDeadline()),
    );
  }

  /** streamBackup reads CreateBackup part by part; see readBackupStream for flow control. */
  streamBackup(
    backupId: string,
    onPart: (part: applianceV1.BackupPart__Output) => void | Promise<void>,
  ): Promise<void> {
    return this.withSession('CreateBackup', (md) =>
      readBackupStream(this.appliance, backupId, md, this.backupDeadline(), onPart),
    );
  }

  /**
   * openRestore logs in if needed and opens a RestoreBackup call to write to.
   * NB: a session that expires between open and finish fails the restore
   * (UNAUTHENTICATED) instead of being renewed; the caller retries.
   */
  async openRestore(): Promise<RestoreSink> {
    let md: Metadata;
    try {
      md = await this.session.metadata();
    } catch (err) {
      throw new NodeCallError(this.address, 'RestoreBackup (Login)', err as ServiceError);
    }
    return new RestoreSink(this.appliance, md, this.backupDeadline());
  }

  private backupDeadline(): number {
    return Date.now() + this.options.backupTimeoutMs;
  }

  /** restoreBackup streams parts to RestoreBackup, honouring flow control. */
  restoreBackup(
    parts: readonly applianceV1.BackupPart[],
  ): Promise<applianceV1.RestoreBackupResponse__Output> {
    return this.withSession('RestoreBackup', (md) =>
      sendBackupStream(this.appliance, parts, md, this.backupDeadline()),
    );
  }

  private unary<T>(
    method: string,
    invoke: (md: Metadata, opts: { deadline: number }, cb: Callback<T>) => ClientUnaryCall,
  ): Promise<T> {
    return this.withSession(method, (md) => this.call(invoke, md));
  }

  private async plainUnary<T>(
    method: string,
    invoke: (md: Metadata, opts: { deadline: number }, cb: Callback<T>) => ClientUnaryCall,
  ): Promise<T> {
    const md = new Metadata();
    md.set(METADATA.requestId, newRequestId());
    try {
      return await this.call(invoke, md);
    } catch (err) {
      throw new NodeCallError(this.address, method, err as ServiceError);
    }
  }

  private call<T>(
    invoke: (md: Metadata, opts: { deadline: number }, cb: Callback<T>) => ClientUnaryCall,
    md: Metadata,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      invoke(md, { deadline: Date.now() + this.options.rpcTimeoutMs }, (err, value) => {
        if (err) reject(err);
        else if (value === undefined) reject(new Error('empty response'));
        else resolve(value);
      });
    });
  }

  /**
   * withSession runs one call with session metadata. A call answered
   * UNAUTHENTICATED is retried once after a fresh login; every failure leaves
   * as a NodeCallError naming the method.
   */
  private async withSession<T>(method: string, run: (md: Metadata) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let md: Metadata;
      try {
        md = await this.session.metadata();
      } catch (err) {
        throw new NodeCallError(this.address, `${method} (Login)`, err as ServiceError);
      }
      try {
        return await run(md);
      } catch (err) {
        const code = (err as ServiceError).code;
        if (code === status.UNAUTHENTICATED && attempt === 0) {
          this.session.invalidate();
          continue;
        }
        throw new NodeCallError(this.address, method, err as ServiceError);
      }
    }
  }
}
