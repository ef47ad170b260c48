import { status as Status } from '@grpc/grpc-js';
import type { hsmV1 } from '@hsmlab/proto';
import type { CallSpec } from './call-runner';
import type { CallOptions, CallTarget, ClusterCore } from './cluster-core';
import { HsmError, KeyAvailabilityError } from './errors';
import { versionFromWire, type ObjectVersion } from './key-handle';
import type { NodeConnection } from './node-connection';
import type { ReplicatedObject } from './replicator';
import { asRpcFailure } from './rpc-failure';
import { ROLES, type Role } from './wire-enums';

/** UserRecord is a user as the cluster describes it (never its password). */
export interface UserRecord {
  readonly username: string;
  readonly role: Role | undefined;
  readonly locked: boolean;
  readonly failedLogins: number;
  readonly activated: boolean;
  readonly version: ObjectVersion | undefined;
}

/** ActivationReport says what activateOfficer did on each reachable node. */
export interface ActivationReport {
  /** Nodes whose officer this call activated. */
  readonly activated: readonly string[];
  /** Nodes whose officer was already active. */
  readonly alreadyActive: readonly string[];
  /** Nodes that failed, with the reason. */
  readonly failed: readonly { readonly nodeId: string; readonly reason: string }[];
}

/**
 * userObjectHandle is the handle of a user object, the node's naming rule
 * (services/hsm: model/objects.ts); the SDK needs it to replicate user changes.
 */
export function userObjectHandle(username: string): string {
  return `user:${username}`;
}

function userObject(username: string): ReplicatedObject[] {
  return [{ handle: userObjectHandle(username), type: 'OBJECT_TYPE_USER' }];
}

function userFromWire(user: hsmV1.UserInfo__Output | null, nodeId: string): UserRecord {
  if (user === null) throw new HsmError(`node ${nodeId} answered without the user`, { nodeId });
  return Object.freeze({
    username: user.username,
    role: ROLES.fromWire(user.role),
    locked: user.locked,
    failedLogins: user.failedLogins,
    activated: user.activated,
    version: versionFromWire(user.version),
  });
}

/**
 * UserApi manages users. User changes are replicated like key writes, with
 * two exceptions that run on every reachable node instead: activating the
 * built-in officer (no session exists yet to export with), and changing your
 * own password (a crypto user may not export its own user object).
 */
export class UserApi {
  constructor(private readonly core: ClusterCore) {}

  /** activateOfficer sets the first password of the built-in officer ("admin") on every reachable node. */
  async activateOfficer(password: string, call?: CallOptions): Promise<ActivationReport> {
    const report = {
      activated: [] as string[],
      alreadyActive: [] as string[],
      failed: [] as { nodeId: string; reason: string }[],
    };
    const spec = this.core.spec({ operation: 'activateOfficer' }, 'write', call);
    await Promise.all(
      this.core.pool.routable().map(async (node) => {
        try {
          await this.core.runner.runOn(node, spec, (n, c) =>
            n.unary('ActivateOfficer', { password }, c),
          );
          report.activated.push(node.nodeId);
        } catch (err) {
          const failure = asRpcFailure(err, node.nodeId);
          if (
            failure.code === Status.FAILED_PRECONDITION ||
            failure.code === Status.ALREADY_EXISTS
          ) {
            report.alreadyActive.push(node.nodeId);
          } else {
            report.failed.push({ nodeId: node.nodeId, reason: failure.message });
          }
        }
      }),
    );
    return report;
  }

  async createUser(
    username: string,
    role: Role,
    password: string,
    call?: CallOptions,
  ): Promise<UserRecord> {
    const request = { username, role: ROLES.toWire(role, 'role'), password };
    const { value, node } = await this.core.write(
      { operation: 'createUser' },
      'CreateUser',
      request,
      () => userObject(username),
      call,
    );
    return userFromWire(value.user, node.nodeId);
  }

  async listUsers(call?: CallOptions): Promise<UserRecord[]> {
    const { value, node } = await this.core.read({ operation: 'listUsers' }, 'ListUsers', {}, call);
    return value.users.map((user) => userFromWire(user, node.nodeId));
  }

  async deleteUser(username: string, call?: CallOptions): Promise<void> {
    const target = { operation: 'deleteUser', user: username };
    await this.core.write(target, 'DeleteUser', { username }, () => userObject(username), call);
  }

  async unlockUser(username: string, call?: CallOptions): Promise<UserRecord> {
    const target = { operation: 'unlockUser', user: username };
    const { value, node } = await this.core.write(
      target,
      'UnlockUser',
      { username },
      () => userObject(username),
      call,
    );
    return userFromWire(value.user, node.nodeId);
  }

  /**
   * changePassword sets a user's password. Your own password changes on
   * every reachable node (and the SDK logs in with it from then on);
   * another user's is replicated from one node.
   */
  async changePassword(
    username: string,
    newPassword: string,
    call?: CallOptions,
  ): Promise<UserRecord> {
    const target = { operation: 'changePassword', user: username };
    const request = { username, newPassword };
    const own = this.core.store.credentials?.username === username;
    if (!own) {
      const { value, node } = await this.core.write(
        target,
        'ChangePassword',
        request,
        () => userObject(username),
        call,
      );
      return userFromWire(value.user, node.nodeId);
    }
    const record = await this.onEveryNode(target, call, (node, spec) =>
      this.core.runner.runOn(node, spec, (n, c) => n.unary('ChangePassword', request, c)),
    );
    this.core.store.credentials = { username, password: newPassword };
    return userFromWire(record.user, record.nodeId);
  }

  /**
   * onEveryNode runs a change on each routable node and needs as many
   * successes as a replicated write needs replicas. Each node writes its own
   * version; the nodes' ordering keeps one, and all of them say the same.
   */
  private async onEveryNode(
    target: CallTarget,
    call: CallOptions | undefined,
    run: (node: NodeConnection, spec: CallSpec) => Promise<hsmV1.UserResponse__Output>,
  ): Promise<{ user: hsmV1.UserInfo__Output | null; nodeId: string }> {
    const spec = this.core.spec(target, 'write', call);
    const required = this.core.required();
    const nodes = this.core.pool.routable();
    const results = await Promise.allSettled(nodes.map((node) => run(node, spec)));
    const done = results.flatMap((r, i) =>
      r.status === 'fulfilled' ? [{ user: r.value.user, nodeId: nodes[i]!.nodeId }] : [],
    );
    const firstFailure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (done.length === 0 && firstFailure !== undefined) {
      throw this.core.runner.failure(spec, asRpcFailure(firstFailure.reason, nodes[0]!.nodeId), []);
    }
    if (done.length < required) {
      throw new KeyAvailabilityError(
        `${target.operation}: applied on ${done.length} node(s) (${done.map((d) => d.nodeId).join(', ') || 'none'}) but ${required} are required`,
        done.length,
        required,
        target.user === undefined ? undefined : userObjectHandle(target.user),
      );
    }
    return done[0]!;
  }
}
