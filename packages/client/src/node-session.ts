import { status as Status } from '@grpc/grpc-js';
import type { hsmV1 } from '@hsmlab/proto';
import type { Credentials } from './options';
import { RpcFailure } from './rpc-failure';
import { ROLES, type Role } from './wire-enums';

/**
 * CredentialStore holds the user every node session logs in as. It is shared
 * by all nodes of one SDK instance, so a password the caller changes through
 * the SDK is the one the next re-login uses.
 */
export interface CredentialStore {
  credentials: Credentials | undefined;
}

/** SessionTicket is a session token and the generation it belongs to. */
export interface SessionTicket {
  readonly token: string;
  readonly generation: number;
}

/** LoginFn performs one Login call on the node, within `deadline`. */
export type LoginFn = (
  request: hsmV1.LoginRequest,
  deadline: Date,
) => Promise<hsmV1.LoginResponse__Output>;

/**
 * NodeSession keeps one logged-in session on one node. Concurrent callers
 * share a single Login; a session the node forgot (it restarted) is replaced
 * by invalidating its generation, after which the next caller logs in again.
 * Invariant: `pending` is set only while a Login is in flight or its token is
 * the current one.
 */
export class NodeSession {
  private pending: Promise<SessionTicket> | undefined;
  private generation = 0;
  /** The role the node gave the user at the last login. */
  role: Role | undefined;

  constructor(
    private readonly nodeId: () => string,
    private readonly store: CredentialStore,
    private readonly login: LoginFn,
  ) {}

  /**
   * ticket returns the current session, logging in first if there is none.
   * A failed login is not cached: the next caller tries again.
   */
  ticket(deadline: Date): Promise<SessionTicket> {
    if (this.pending !== undefined) return this.pending;
    const credentials = this.store.credentials;
    if (credentials === undefined) {
      const failure = new RpcFailure(
        Status.UNAUTHENTICATED,
        'no credentials: give options.credentials or set HSMLAB_USER and HSMLAB_PASSWORD',
        this.nodeId(),
      );
      failure.duringLogin = true;
      return Promise.reject(failure);
    }
    const generation = ++this.generation;
    const attempt = this.login(
      { username: credentials.username, password: credentials.password },
      deadline,
    ).then(
      (response) => {
        this.role = ROLES.fromWire(response.role);
        return { token: response.sessionToken, generation };
      },
      (err: unknown) => {
        if (this.pending === attempt) this.pending = undefined;
        if (err instanceof RpcFailure) err.duringLogin = true;
        throw err;
      },
    );
    this.pending = attempt;
    return attempt;
  }

  /**
   * invalidate drops the session of `generation` (or any session, when
   * omitted) so that the next ticket() logs in again. A newer session made
   * meanwhile by another caller is kept.
   */
  invalidate(generation?: number): void {
    if (generation === undefined || generation === this.generation) this.pending = undefined;
  }

  /** loggedIn tells whether a session exists or is being made. */
  loggedIn(): boolean {
    return this.pending !== undefined;
  }
}
