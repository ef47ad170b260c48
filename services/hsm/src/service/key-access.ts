import type { KeyBody, StoredObject } from '../model';
import type { LoadedKey } from '../crypto';
import { BadRequestError, NotFoundError, PermissionDeniedError } from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { KEY_HANDLE } from './handles';

/** ResolvedKey is a key the caller may use: a token key or one of its session keys. */
export interface ResolvedKey {
  handle: string;
  body: KeyBody;
  /** The stored object; undefined for a session key. */
  object?: StoredObject;
  loaded(): LoadedKey;
  /** True when the caller owns the key (not merely shared with it). */
  owned: boolean;
}

/**
 * resolveKey finds a key the session may use. A key that does not exist and
 * a key that exists but is neither owned by nor shared with the caller get
 * the same NOT_FOUND answer, so handles cannot be probed.
 */
export function resolveKey(ctx: NodeContext, session: Session, handle: string): ResolvedKey {
  if (typeof handle !== 'string' || !KEY_HANDLE.test(handle)) {
    throw new BadRequestError(`"${String(handle).slice(0, 80)}" is not a key handle`);
  }
  const notFound = () => new NotFoundError(`key ${handle} not found`);
  if (session.role !== 'crypto-user') {
    throw new PermissionDeniedError('keys are used by crypto users only');
  }
  const sessionKey = session.keys.get(handle);
  if (sessionKey) {
    return {
      handle,
      body: sessionKey.body,
      loaded: () => sessionKey.loaded,
      owned: true,
    };
  }
  const obj = ctx.store.get(handle);
  if (obj === undefined || obj.tombstone || obj.kind !== 'key') throw notFound();
  const body = obj.body as KeyBody;
  const owned = body.owner === session.username;
  if (!owned && !body.sharedWith.includes(session.username)) throw notFound();
  return { handle, body, object: obj, loaded: () => ctx.loadedKey(obj), owned };
}

/** resolveOwnedKey is resolveKey for calls only the owner may make. */
export function resolveOwnedKey(ctx: NodeContext, session: Session, handle: string): ResolvedKey {
  const key = resolveKey(ctx, session, handle);
  if (!key.owned) {
    throw new PermissionDeniedError(
      `key ${handle} is shared with you; only its owner may change it`,
    );
  }
  return key;
}
