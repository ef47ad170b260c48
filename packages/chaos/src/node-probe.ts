import { credentials, Metadata, status } from '@grpc/grpc-js';
import {
  loadApplianceProto,
  loadHsmProto,
  METADATA,
  type applianceV1,
  type ApplianceClient,
  type HsmClient,
  type hsmV1,
} from '@hsmlab/proto';
import { callUnary, grpcCode } from './grpc-unary';

/** ProbeCredentials are the user a NodeProbe logs in as. */
export interface ProbeCredentials {
  username: string;
  password: string;
}

/** Presence is what one node says about one handle: it has it, it has not, or it did not answer. */
export type Presence = 'present' | 'absent' | 'unknown';

/** DEFAULT_PROBE_DEADLINE_MS bounds one probe call; a paused node costs no more than this. */
export const DEFAULT_PROBE_DEADLINE_MS = 1500;
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** DIGEST_PAGE_SIZE is the largest page ListDigests serves. */
const DIGEST_PAGE_SIZE = 10_000;

/**
 * NodeProbe is an observer's raw connection to one HSM node, used by the
 * checkers: it goes to the node's own address (never through its fault
 * proxy), logs in as one user, and logs in again once when the node answers
 * UNAUTHENTICATED (it restarted). It is deliberately not the SDK: a checker
 * must see each node alone, with no failover hiding what it holds.
 */
export class NodeProbe {
  private readonly hsm: HsmClient;
  private readonly appliance: ApplianceClient;
  private token = '';

  constructor(
    readonly address: string,
    private readonly user: ProbeCredentials,
  ) {
    const options = {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 1000,
    };
    const insecure = credentials.createInsecure();
    this.hsm = new (loadHsmProto().hsmlab.hsm.v1.Hsm)(address, insecure, options);
    this.appliance = new (loadApplianceProto().hsmlab.appliance.v1.Appliance)(
      address,
      insecure,
      options,
    );
  }

  /** call runs a data-plane method as the probe's user. */
  call<Res>(method: string, request: object, deadlineMs = DEFAULT_PROBE_DEADLINE_MS): Promise<Res> {
    return this.withSession((md) => callUnary<Res>(this.hsm, method, request, md, deadlineMs));
  }

  /** sync runs a sync-plane method; the probe's user must be the appliance user. */
  sync<Res>(method: string, request: object, deadlineMs = DEFAULT_PROBE_DEADLINE_MS): Promise<Res> {
    return this.withSession((md) =>
      callUnary<Res>(this.appliance, method, request, md, deadlineMs),
    );
  }

  /** presence asks the node whether it holds handle (a live key, not a tombstone). */
  async presence(handle: string, deadlineMs = DEFAULT_PROBE_DEADLINE_MS): Promise<Presence> {
    try {
      await this.call<hsmV1.KeyResponse__Output>('GetKey', { handle }, deadlineMs);
      return 'present';
    } catch (err) {
      return grpcCode(err) === status.NOT_FOUND ? 'absent' : 'unknown';
    }
  }

  /** findKeys lists every key the probe's user owns or is shared. */
  async findKeys(deadlineMs = DEFAULT_PROBE_DEADLINE_MS * 4): Promise<hsmV1.KeyInfo__Output[]> {
    const reply = await this.call<hsmV1.FindKeysResponse__Output>('FindKeys', {}, deadlineMs);
    return reply.keys;
  }

  /** status is the node's appliance status (root digest, object count, audit sequence). */
  status(deadlineMs = DEFAULT_PROBE_DEADLINE_MS): Promise<applianceV1.ApplianceStatus__Output> {
    return this.sync<applianceV1.ApplianceStatus__Output>('GetStatus', {}, deadlineMs);
  }

  /** digests lists the node's whole digest list, tombstones included. */
  async digests(
    deadlineMs = DEFAULT_PROBE_DEADLINE_MS * 4,
  ): Promise<applianceV1.ObjectDigest__Output[]> {
    const out: applianceV1.ObjectDigest__Output[] = [];
    let afterHandle = '';
    for (;;) {
      const page = await this.sync<applianceV1.ListDigestsResponse__Output>(
        'ListDigests',
        { afterHandle, pageSize: DIGEST_PAGE_SIZE },
        deadlineMs,
      );
      out.push(...page.digests);
      if (!page.nextAfterHandle) return out;
      afterHandle = page.nextAfterHandle;
    }
  }

  close(): void {
    this.hsm.close();
    this.appliance.close();
  }

  private async withSession<T>(run: (md: Metadata) => Promise<T>): Promise<T> {
    if (!this.token) await this.login();
    try {
      return await run(this.metadata());
    } catch (err) {
      if (grpcCode(err) !== status.UNAUTHENTICATED) throw err;
      await this.login();
      return run(this.metadata());
    }
  }

  private async login(): Promise<void> {
    const reply = await callUnary<hsmV1.LoginResponse__Output>(
      this.hsm,
      'Login',
      { username: this.user.username, password: this.user.password },
      new Metadata(),
      DEFAULT_PROBE_DEADLINE_MS,
    );
    this.token = reply.sessionToken;
  }

  private metadata(): Metadata {
    const md = new Metadata();
    if (this.token) md.set(METADATA.session, this.token);
    return md;
  }
}
