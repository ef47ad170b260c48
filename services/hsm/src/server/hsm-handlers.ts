import type { HsmHandlers, hsmV1 } from '@hsmlab/proto';
import { userHandle, type UserBody } from '../model';
import { BadRequestError } from '../errors';
import type { NodeServices } from '../service/node-services';
import { cryptoHandlers } from './crypto-handlers';
import { keyHandlers } from './key-handlers';
import { unary } from './unary';
import { keyInfo, roleFrom, roleName, userInfo, versionTo } from './convert';
import { cryptoStreamHandler } from './crypto-stream';
import { maskedTo } from './masked';

/** SOFTWARE_VERSION is reported by GetNodeInfo and the appliance status. */
export const SOFTWARE_VERSION = '0.1.0';

/** hsmHandlers implements hsm.v1.Hsm on top of the node's services. */
export function hsmHandlers(s: NodeServices): HsmHandlers {
  const { ctx } = s;
  return {
    GetNodeInfo: unary(ctx, 'GetNodeInfo', false, () => s.nodeInfo()),

    ActivateOfficer: unary<hsmV1.ActivateOfficerRequest__Output, hsmV1.ActivateOfficerResponse>(
      ctx,
      'ActivateOfficer',
      false,
      async (req) => {
        const obj = await s.users.activateOfficer(req.password);
        return { user: userInfo(obj.body as UserBody, obj.version) };
      },
    ),

    Login: unary<hsmV1.LoginRequest__Output, hsmV1.LoginResponse>(
      ctx,
      'Login',
      false,
      async (req) => {
        const session = await s.users.login(req.username, req.password);
        return {
          sessionToken: session.token,
          role: roleName(session.role),
          expiresAtMs: session.expiresAtMs,
          nodeId: ctx.nodeId,
        };
      },
    ),

    Logout: unary(ctx, 'Logout', true, (_req, session) => {
      ctx.sessions.close(session!.token);
      return {};
    }),

    CreateUser: unary<hsmV1.CreateUserRequest__Output, hsmV1.UserResponse>(
      ctx,
      'CreateUser',
      true,
      async (req, session) => {
        const obj = await s.users.create(session!, req.username, roleFrom(req.role), req.password);
        return { user: userInfo(obj.body as UserBody, obj.version) };
      },
    ),

    ListUsers: unary<hsmV1.ListUsersRequest__Output, hsmV1.ListUsersResponse>(
      ctx,
      'ListUsers',
      true,
      () => ({
        users: s.users.list().map((o) => userInfo(o.body as UserBody, o.version)),
      }),
    ),

    DeleteUser: unary<hsmV1.DeleteUserRequest__Output, hsmV1.DeleteUserResponse>(
      ctx,
      'DeleteUser',
      true,
      async (req, session) => {
        const obj = await s.users.delete(session!, req.username, (u) => s.keys.ownsKeys(u));
        return { version: versionTo(obj.version) };
      },
    ),

    ChangePassword: unary<hsmV1.ChangePasswordRequest__Output, hsmV1.UserResponse>(
      ctx,
      'ChangePassword',
      true,
      async (req, session) => {
        const obj = await s.users.changePassword(session!, req.username, req.newPassword);
        return { user: userInfo(obj.body as UserBody, obj.version) };
      },
    ),

    UnlockUser: unary<hsmV1.UnlockUserRequest__Output, hsmV1.UserResponse>(
      ctx,
      'UnlockUser',
      true,
      async (req, session) => {
        const obj = await s.users.unlock(session!, req.username);
        return { user: userInfo(obj.body as UserBody, obj.version) };
      },
    ),

    ...keyHandlers(s),
    ...cryptoHandlers(s),
    CryptoStream: cryptoStreamHandler(s),

    ExportMaskedObject: unary<hsmV1.ExportMaskedObjectRequest__Output, hsmV1.MaskedObject>(
      ctx,
      'ExportMaskedObject',
      true,
      (req, session) => {
        const handle =
          req.type === 'OBJECT_TYPE_USER' && !req.handle.startsWith('user:')
            ? userHandle(req.handle)
            : req.handle;
        return maskedTo(s.replicas.exportForCaller(session!, handle));
      },
    ),

    ImportMaskedObject: unary<
      hsmV1.ImportMaskedObjectRequest__Output,
      hsmV1.ImportMaskedObjectResponse
    >(ctx, 'ImportMaskedObject', true, async (req, session) => {
      if (!req.object) throw new BadRequestError('object is required');
      const { outcome, current } = await s.replicas.importForCaller(session!, req.object);
      return {
        outcome:
          `IMPORT_OUTCOME_${outcome === 'current' ? 'ALREADY_CURRENT' : outcome.toUpperCase()}` as hsmV1.ImportOutcome,
        current: versionTo(current.version),
      };
    }),
  };
}

export { keyInfo };
