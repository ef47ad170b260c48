import { randomBytes } from 'node:crypto';
import type { Clock } from '../model';
import type { Role, KeyBody } from '../model';
import type { LoadedKey } from '../crypto';
import { LimitError, UnauthenticatedError } from '../errors';

/** SessionKey is a key with token=false: it lives in one session, on one node. */
export interface SessionKey {
  handle: string;
  body: KeyBody;
  loaded: LoadedKey;
}

/**
 * Session is one login. Invariant: a session is in the table only while it is
 * logged in and not expired; its session keys die with it.
 */
export interface Session {
  readonly token: string;
  readonly username: string;
  readonly role: Role;
  readonly expiresAtMs: number;
  readonly keys: Map<string, SessionKey>;
}

/** SessionTable holds the node's sessions in memory; a restart ends them all. */
export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxSessions: number,
  ) {}

  open(username: string, role: Role): Session {
    this.sweep();
    if (this.sessions.size >= this.maxSessions) {
      throw new LimitError(`too many open sessions on this node (limit ${this.maxSessions})`);
    }
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      username,
      role,
      expiresAtMs: this.clock.nowMs() + this.ttlMs,
      keys: new Map(),
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** require returns the live session for a token or throws UNAUTHENTICATED. */
  require(token: string | undefined): Session {
    if (token === undefined || token === '') {
      throw new UnauthenticatedError('no session: log in and send the token as x-hsmlab-session');
    }
    const session = this.sessions.get(token);
    if (session === undefined) {
      throw new UnauthenticatedError(
        'unknown session (expired, logged out, or the node restarted)',
      );
    }
    if (session.expiresAtMs <= this.clock.nowMs()) {
      this.sessions.delete(token);
      throw new UnauthenticatedError('session expired: log in again');
    }
    return session;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** closeUser ends every session of a user (deleted, locked or re-keyed). */
  closeUser(username: string): void {
    for (const [token, s] of this.sessions)
      if (s.username === username) this.sessions.delete(token);
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.clock.nowMs();
    for (const [token, s] of this.sessions) if (s.expiresAtMs <= now) this.sessions.delete(token);
  }
}
