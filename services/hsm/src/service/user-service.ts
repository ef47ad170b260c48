import { timingSafeEqual } from 'node:crypto';
import { userHandle, type Role, type StoredObject, type UserBody } from '../model';
import {
  AlreadyExistsError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
  UnauthenticatedError,
} from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { checkPassword, checkPasswordRules, makeVerifier } from './password';

/** OFFICER_NAME is the built-in crypto officer every fresh node has. */
export const OFFICER_NAME = 'admin';
/** APPLIANCE_NAME is the built-in sync-plane user; it is not an object. */
export const APPLIANCE_NAME = 'appliance';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * INITIAL_NODE_ID stands for "no node": the writer of the objects every node
 * starts with. It sorts before any real node id and is never a node's id.
 */
export const INITIAL_NODE_ID = '!initial';

/**
 * The unactivated officer has the lowest possible version and the same
 * content on every node, so every node starts with an identical object and
 * any activation, anywhere, wins over it.
 */
export function initialOfficer(): StoredObject {
  const body: UserBody = {
    username: OFFICER_NAME,
    role: 'crypto-officer',
    activated: false,
    locked: false,
    failedLogins: 0,
  };
  return {
    handle: userHandle(OFFICER_NAME),
    kind: 'user',
    version: { wallMs: 0, logical: 0, nodeId: INITIAL_NODE_ID },
    tombstone: false,
    body,
  };
}

/** UserService: activation, login and user management (crypto officer). */
export class UserService {
  constructor(private readonly ctx: NodeContext) {}

  /** ensureOfficer creates the unactivated officer on a brand-new node. */
  async ensureOfficer(): Promise<void> {
    if (this.ctx.store.get(userHandle(OFFICER_NAME)) === undefined) {
      await this.ctx.commit([initialOfficer()]);
    }
  }

  find(username: string): UserBody | undefined {
    const obj = this.ctx.store.get(userHandle(username));
    return obj && !obj.tombstone ? (obj.body as UserBody) : undefined;
  }

  userObject(username: string): StoredObject | undefined {
    return this.ctx.store.get(userHandle(username));
  }

  list(): StoredObject[] {
    const out: StoredObject[] = [];
    for (const obj of this.ctx.store.values()) {
      if (obj.kind === 'user' && !obj.tombstone) out.push(obj);
    }
    return out;
  }

  async activateOfficer(password: string): Promise<StoredObject> {
    checkPasswordRules(password);
    return this.ctx.locks.run(userHandle(OFFICER_NAME), async () => {
      const current = this.find(OFFICER_NAME);
      if (current?.activated) {
        throw new PreconditionError('the crypto officer is already activated');
      }
      const verifier = await makeVerifier(password);
      return this.write({
        ...(current ?? (initialOfficer().body as UserBody)),
        verifier,
        activated: true,
      });
    });
  }

  async login(username: string, password: string): Promise<Session> {
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      throw new UnauthenticatedError('login failed: unknown user or wrong password');
    }
    if (username === APPLIANCE_NAME) return this.loginAppliance(password);
    return this.ctx.locks.run(userHandle(username), async () => {
      const user = this.find(username);
      if (user === undefined || user.verifier === undefined) {
        if (user && !user.activated) {
          throw new PreconditionError(`user ${username} is not activated (run cluster activate)`);
        }
        throw new UnauthenticatedError('login failed: unknown user or wrong password');
      }
      if (user.locked) {
        throw new UnauthenticatedError(
          `user ${username} is locked after too many failed logins; a crypto officer must unlock it`,
        );
      }
      const ok = await checkPassword(password, user.verifier);
      if (!ok) {
        const failedLogins = user.failedLogins + 1;
        const locked = failedLogins >= this.ctx.config.maxFailedLogins;
        await this.write({ ...user, failedLogins, locked });
        this.ctx.record({
          action: 'login',
          actor: username,
          outcome: 'refused',
          detail: locked ? 'locked' : 'bad password',
        });
        throw new UnauthenticatedError(
          locked
            ? `login failed; user ${username} is now locked after ${failedLogins} failed logins`
            : 'login failed: unknown user or wrong password',
        );
      }
      if (user.failedLogins > 0) await this.write({ ...user, failedLogins: 0 });
      this.ctx.record({ action: 'login', actor: username, outcome: 'ok' });
      return this.ctx.sessions.open(username, user.role);
    });
  }

  private loginAppliance(password: string): Session {
    const expected = this.ctx.config.appliancePassword;
    const given = Buffer.from(typeof password === 'string' ? password : '');
    const ok =
      expected !== undefined &&
      given.length === Buffer.byteLength(expected) &&
      timingSafeEqual(given, Buffer.from(expected));
    this.ctx.record({ action: 'login', actor: APPLIANCE_NAME, outcome: ok ? 'ok' : 'refused' });
    if (!ok) throw new UnauthenticatedError('login failed: unknown user or wrong password');
    return this.ctx.sessions.open(APPLIANCE_NAME, 'appliance');
  }

  async create(
    session: Session,
    username: string,
    role: Role,
    password: string,
  ): Promise<StoredObject> {
    requireOfficer(session);
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      throw new BadRequestError(
        'username must be 1-64 letters, digits, _, . or -, starting with a letter or digit',
      );
    }
    if (username === APPLIANCE_NAME) throw new BadRequestError(`"${APPLIANCE_NAME}" is reserved`);
    if (role !== 'crypto-officer' && role !== 'crypto-user') {
      throw new BadRequestError('role must be crypto officer or crypto user');
    }
    checkPasswordRules(password);
    return this.ctx.locks.run(userHandle(username), async () => {
      if (this.find(username)) throw new AlreadyExistsError(`user ${username} exists`);
      const verifier = await makeVerifier(password);
      const obj = await this.write({
        username,
        role,
        verifier,
        activated: true,
        locked: false,
        failedLogins: 0,
      });
      this.ctx.record({
        action: 'create-user',
        actor: session.username,
        outcome: 'ok',
        handle: obj.handle,
      });
      return obj;
    });
  }

  async delete(
    session: Session,
    username: string,
    ownsKeys: (u: string) => boolean,
  ): Promise<StoredObject> {
    requireOfficer(session);
    if (username === session.username) throw new PreconditionError('a user cannot delete itself');
    return this.ctx.locks.run(userHandle(username), async () => {
      if (!this.find(username)) throw new NotFoundError(`user ${username} not found`);
      if (ownsKeys(username)) {
        throw new PreconditionError(`user ${username} still owns keys; delete them first`);
      }
      const obj: StoredObject = {
        handle: userHandle(username),
        kind: 'user',
        version: this.ctx.stamp(),
        tombstone: true,
        body: null,
      };
      await this.ctx.commit([obj]);
      this.ctx.sessions.closeUser(username);
      this.ctx.record({
        action: 'delete-user',
        actor: session.username,
        outcome: 'ok',
        handle: obj.handle,
      });
      return obj;
    });
  }

  async changePassword(
    session: Session,
    username: string,
    newPassword: string,
  ): Promise<StoredObject> {
    const target = username === '' ? session.username : username;
    if (session.role === 'appliance')
      throw new PermissionDeniedError('the appliance user has no password to change here');
    if (target !== session.username && session.role !== 'crypto-officer') {
      throw new PermissionDeniedError("only a crypto officer may change another user's password");
    }
    checkPasswordRules(newPassword);
    return this.ctx.locks.run(userHandle(target), async () => {
      const user = this.find(target);
      if (!user) throw new NotFoundError(`user ${target} not found`);
      const verifier = await makeVerifier(newPassword);
      const obj = await this.write({ ...user, verifier, activated: true, failedLogins: 0 });
      this.ctx.record({
        action: 'change-password',
        actor: session.username,
        outcome: 'ok',
        handle: obj.handle,
      });
      return obj;
    });
  }

  async unlock(session: Session, username: string): Promise<StoredObject> {
    requireOfficer(session);
    return this.ctx.locks.run(userHandle(username), async () => {
      const user = this.find(username);
      if (!user) throw new NotFoundError(`user ${username} not found`);
      const obj = await this.write({ ...user, locked: false, failedLogins: 0 });
      this.ctx.record({
        action: 'unlock-user',
        actor: session.username,
        outcome: 'ok',
        handle: obj.handle,
      });
      return obj;
    });
  }

  private async write(body: UserBody): Promise<StoredObject> {
    const obj: StoredObject = {
      handle: userHandle(body.username),
      kind: 'user',
      version: this.ctx.stamp(),
      tombstone: false,
      body,
    };
    await this.ctx.commit([obj]);
    return obj;
  }
}

export function requireOfficer(session: Session): void {
  if (session.role !== 'crypto-officer') {
    throw new PermissionDeniedError('this call needs a crypto officer session');
  }
}

export function requireCryptoUser(session: Session): void {
  if (session.role !== 'crypto-user') {
    throw new PermissionDeniedError('this call needs a crypto user session');
  }
}
