import type { CurveName, KeyAttributes, KeyBody, KeyType, StoredObject } from '../model';
import {
  checkAttributeChange,
  InvalidArgumentError,
  resolveAttributes,
  generateKeyPair,
  generateSecret,
  importMaterial,
  loadKey,
  validateTemplate,
} from '../crypto';
import {
  AlreadyExistsError,
  BadRequestError,
  LimitError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
} from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { requireCryptoUser } from './user-service';
import { newKeyHandle, newSessionKeyHandle, requestKeyHandle } from './handles';
import { resolveKey, resolveOwnedKey, type ResolvedKey } from './key-access';

/** KeyView is what callers see of a key: everything but its material. */
export interface KeyView {
  handle: string;
  body: KeyBody;
  version?: StoredObject['version'];
}

/** NewKey is a key about to be created, before its handle and version. */
export interface NewKey {
  keyType: KeyType;
  keyClass: KeyBody['keyClass'];
  sizeBits: number;
  curve?: CurveName;
  material: Buffer;
  publicKeyDer?: Buffer;
  template: Partial<KeyAttributes>;
}

/** FindFilter selects keys; unset fields match anything. */
export interface FindFilter {
  attributes: Partial<KeyAttributes>;
  keyType?: KeyType;
  keyClass?: KeyBody['keyClass'];
  ownedOnly: boolean;
}

/**
 * KeyService creates, finds, changes and deletes keys. Token keys are written
 * durably before the call returns; session keys live only in the session.
 */
export class KeyService {
  constructor(private readonly ctx: NodeContext) {}

  async generateSecret(
    session: Session,
    keyType: KeyType,
    sizeBits: number,
    template: Partial<KeyAttributes>,
    requestId: string,
  ): Promise<KeyView> {
    requireCryptoUser(session);
    await this.ctx.limiter.acquire('key-generation');
    return this.create(session, requestId, 'secret', () => ({
      keyType,
      keyClass: 'secret',
      sizeBits,
      material: generateSecret(keyType as 'aes' | 'generic-secret', sizeBits),
      template,
    }));
  }

  async generateKeyPair(
    session: Session,
    spec: Parameters<typeof generateKeyPair>[0],
    publicTemplate: Partial<KeyAttributes>,
    privateTemplate: Partial<KeyAttributes>,
    requestId: string,
  ): Promise<[KeyView, KeyView]> {
    requireCryptoUser(session);
    await this.ctx.limiter.acquire('key-generation');
    validateTemplate('public', spec.keyType, publicTemplate);
    validateTemplate('private', spec.keyType, privateTemplate);
    const token = (privateTemplate.token ?? true) || (publicTemplate.token ?? true);
    if (requestId !== '' && token) {
      const pubHandle = requestKeyHandle(session.username, requestId, 'public');
      const privHandle = requestKeyHandle(session.username, requestId, 'private');
      const existing = this.existingForRequest(session, pubHandle, privHandle);
      if (existing) return existing as [KeyView, KeyView];
    }
    const pair = await generateKeyPair(spec);
    const base = { keyType: spec.keyType, sizeBits: pair.sizeBits, curve: pair.curve };
    const pub: NewKey = {
      ...base,
      keyClass: 'public',
      material: pair.publicSpkiDer,
      publicKeyDer: pair.publicSpkiDer,
      template: publicTemplate,
    };
    const priv: NewKey = {
      ...base,
      keyClass: 'private',
      material: pair.privatePkcs8Der,
      publicKeyDer: pair.publicSpkiDer,
      template: privateTemplate,
    };
    const handles =
      requestId !== ''
        ? [
            requestKeyHandle(session.username, requestId, 'public'),
            requestKeyHandle(session.username, requestId, 'private'),
          ]
        : undefined;
    const [a, b] = await this.store(session, [pub, priv], requestId, handles);
    return [a!, b!];
  }

  async importKey(
    session: Session,
    format: 'raw' | 'pem' | 'der',
    material: Buffer,
    keyType: KeyType | undefined,
    template: Partial<KeyAttributes>,
    requestId: string,
  ): Promise<KeyView> {
    requireCryptoUser(session);
    const imported = importMaterial(format, material, keyType);
    return this.create(session, requestId, 'import', () => ({ ...imported, template }));
  }

  /**
   * create makes one key. With a client request id the handle is derived
   * from it, so a retried create returns the key the first attempt made.
   */
  async create(
    session: Session,
    requestId: string,
    part: string,
    make: () => NewKey,
  ): Promise<KeyView> {
    if (requestId !== '') {
      const handle = requestKeyHandle(session.username, requestId, part);
      const existing = this.existingForRequest(session, handle);
      if (existing) return existing[0]!;
    }
    const key = make();
    validateTemplate(key.keyClass, key.keyType, key.template);
    const handles =
      requestId !== '' ? [requestKeyHandle(session.username, requestId, part)] : undefined;
    const [view] = await this.store(session, [key], requestId, handles);
    return view!;
  }

  private existingForRequest(_session: Session, ...handles: string[]): KeyView[] | undefined {
    const found = handles.map((h) => this.ctx.store.get(h));
    if (found.every((o) => o === undefined)) return undefined;
    if (found.some((o) => o?.tombstone)) {
      throw new AlreadyExistsError('this client request id made a key that has since been deleted');
    }
    if (found.some((o) => o === undefined)) return undefined;
    return found.map((o) => ({ handle: o!.handle, body: o!.body as KeyBody, version: o!.version }));
  }

  /** store writes new keys (all in one durable record) or keeps them in the session. */
  async store(
    session: Session,
    keys: NewKey[],
    requestId: string,
    handles?: string[],
  ): Promise<KeyView[]> {
    const now = this.ctx.clock.nowMs();
    const bodies = keys.map<KeyBody>((k) => ({
      keyType: k.keyType,
      keyClass: k.keyClass,
      sizeBits: k.sizeBits,
      ...(k.curve ? { curve: k.curve } : {}),
      owner: session.username,
      sharedWith: [],
      attributes: resolveAttributes(k.keyClass, k.keyType, k.template, session.role),
      material: k.material,
      ...(k.publicKeyDer ? { publicKeyDer: k.publicKeyDer } : {}),
      ...(requestId !== '' ? { clientRequestId: requestId } : {}),
      createdAtMs: now,
    }));
    if (
      bodies.length === 2 &&
      bodies[0]!.keyClass === 'public' &&
      bodies[1]!.keyClass === 'private'
    ) {
      const [pub, priv] = bodies as [KeyBody, KeyBody];
      if (
        (pub.attributes.wrap && priv.attributes.decrypt) ||
        (pub.attributes.encrypt && priv.attributes.unwrap)
      ) {
        throw new InvalidArgumentError(
          'a key pair cannot wrap with one half and decrypt with the other (or encrypt and unwrap): it would reveal wrapped keys',
        );
      }
    }
    const sessionOnly = bodies.filter((b) => !b.attributes.token);
    if (sessionOnly.length > 0) {
      if (session.keys.size + sessionOnly.length > this.ctx.config.maxSessionKeysPerSession) {
        throw new LimitError(
          `too many session keys in this session (limit ${this.ctx.config.maxSessionKeysPerSession})`,
        );
      }
    }
    const tokenCount = bodies.length - sessionOnly.length;
    if (tokenCount > 0) this.checkLimits(session.username, tokenCount);

    const views: KeyView[] = [];
    const objects: StoredObject[] = [];
    bodies.forEach((body, i) => {
      if (!body.attributes.token) {
        const handle = newSessionKeyHandle();
        session.keys.set(handle, { handle, body, loaded: loadKey(body) });
        views.push({ handle, body });
        return;
      }
      const handle = handles?.[i] ?? newKeyHandle();
      const obj: StoredObject = {
        handle,
        kind: 'key',
        version: this.ctx.stamp(),
        tombstone: false,
        body,
      };
      objects.push(obj);
      views.push({ handle, body, version: obj.version });
    });
    if (objects.length > 0) {
      // Each key is loaded once here, so bad material fails before it is stored.
      for (const obj of objects) this.ctx.loadedKey(obj);
      await this.ctx.commit(objects);
      for (const obj of objects) {
        this.ctx.record({
          action: 'create-key',
          actor: session.username,
          outcome: 'ok',
          handle: obj.handle,
        });
      }
    }
    return views;
  }

  private checkLimits(owner: string, adding: number): void {
    if (this.ctx.store.size + adding > this.ctx.config.maxObjects) {
      throw new LimitError(`the node holds its limit of ${this.ctx.config.maxObjects} objects`);
    }
    if (this.ctx.ownerKeyCount(owner) + adding > this.ctx.config.maxKeysPerUser) {
      throw new LimitError(`user ${owner} has its limit of ${this.ctx.config.maxKeysPerUser} keys`);
    }
  }

  get(session: Session, handle: string): KeyView {
    const key = resolveKey(this.ctx, session, handle);
    return { handle: key.handle, body: key.body, version: key.object?.version };
  }

  find(session: Session, filter: FindFilter): KeyView[] {
    requireCryptoUser(session);
    const out: KeyView[] = [];
    const consider = (handle: string, body: KeyBody, version?: StoredObject['version']) => {
      const owned = body.owner === session.username;
      if (!owned && (filter.ownedOnly || !body.sharedWith.includes(session.username))) return;
      if (filter.keyType && body.keyType !== filter.keyType) return;
      if (filter.keyClass && body.keyClass !== filter.keyClass) return;
      for (const [name, want] of Object.entries(filter.attributes)) {
        if (want !== undefined && body.attributes[name as keyof KeyAttributes] !== want) return;
      }
      out.push({ handle, body, version });
    };
    for (const sk of session.keys.values()) consider(sk.handle, sk.body);
    for (const obj of this.ctx.store.values()) {
      if (obj.kind === 'key' && !obj.tombstone)
        consider(obj.handle, obj.body as KeyBody, obj.version);
    }
    return out;
  }

  async delete(session: Session, handle: string): Promise<StoredObject | undefined> {
    const key = resolveOwnedKey(this.ctx, session, handle);
    if (!key.object) {
      session.keys.delete(handle);
      return undefined;
    }
    return this.ctx.locks.run(handle, async () => {
      this.requireCurrent(key);
      const obj: StoredObject = {
        handle,
        kind: 'key',
        version: this.ctx.stamp(),
        tombstone: true,
        body: null,
      };
      await this.ctx.commit([obj]);
      this.ctx.record({ action: 'delete-key', actor: session.username, outcome: 'ok', handle });
      return obj;
    });
  }

  async setAttributes(
    session: Session,
    handle: string,
    patch: Partial<KeyAttributes>,
  ): Promise<KeyView> {
    if (session.role === 'crypto-officer') return this.setTrusted(session, handle, patch);
    const key = resolveOwnedKey(this.ctx, session, handle);
    const attributes = checkAttributeChange({ ...key.body, handle }, patch, session.role);
    return this.rewrite(session, key, { ...key.body, attributes }, 'set-attributes');
  }

  /**
   * setTrusted is the one attribute change a crypto officer makes on a user's
   * key, as in CloudHSM: marking a wrapping key trusted (or not), so that it
   * may wrap keys that have wrap-with-trusted set.
   */
  private async setTrusted(
    session: Session,
    handle: string,
    patch: Partial<KeyAttributes>,
  ): Promise<KeyView> {
    const fields = Object.keys(patch).filter((k) => patch[k as keyof KeyAttributes] !== undefined);
    if (fields.length !== 1 || fields[0] !== 'trusted') {
      throw new PermissionDeniedError(
        'a crypto officer may only change the trusted attribute of a key',
      );
    }
    const obj = this.ctx.store.get(handle);
    if (!obj || obj.tombstone || obj.kind !== 'key')
      throw new NotFoundError(`key ${handle} not found`);
    const body = obj.body as KeyBody;
    const attributes = checkAttributeChange({ ...body, handle }, patch, session.role);
    const key: ResolvedKey = {
      handle,
      body,
      object: obj,
      loaded: () => this.ctx.loadedKey(obj),
      owned: false,
    };
    return this.rewrite(session, key, { ...body, attributes }, 'set-trusted');
  }

  async share(
    session: Session,
    handle: string,
    username: string,
    share: boolean,
  ): Promise<KeyView> {
    const key = resolveOwnedKey(this.ctx, session, handle);
    if (!key.object) throw new PreconditionError('session keys cannot be shared');
    if (username === session.username)
      throw new BadRequestError('a key cannot be shared with its owner');
    const target = this.ctx.store.get(`user:${username}`);
    if (
      share &&
      (!target || target.tombstone || (target.body as { role: string }).role !== 'crypto-user')
    ) {
      throw new NotFoundError(`crypto user ${username} not found`);
    }
    const sharedWith = share
      ? Array.from(new Set([...key.body.sharedWith, username])).sort()
      : key.body.sharedWith.filter((u) => u !== username);
    return this.rewrite(
      session,
      key,
      { ...key.body, sharedWith },
      share ? 'share-key' : 'unshare-key',
    );
  }

  private async rewrite(
    session: Session,
    key: ResolvedKey,
    body: KeyBody,
    action: string,
  ): Promise<KeyView> {
    if (!key.object) {
      const sk = session.keys.get(key.handle)!;
      sk.body = body;
      return { handle: key.handle, body };
    }
    return this.ctx.locks.run(key.handle, async () => {
      this.requireCurrent(key);
      const obj: StoredObject = {
        handle: key.handle,
        kind: 'key',
        version: this.ctx.stamp(),
        tombstone: false,
        body,
      };
      await this.ctx.commit([obj]);
      this.ctx.record({ action, actor: session.username, outcome: 'ok', handle: key.handle });
      return { handle: key.handle, body, version: obj.version };
    });
  }

  /** requireCurrent re-checks, under the key's lock, that nobody changed it meanwhile. */
  private requireCurrent(key: ResolvedKey): void {
    const now = this.ctx.store.get(key.handle);
    if (!now || now.tombstone || now !== key.object) {
      if (!now || now.tombstone) throw new NotFoundError(`key ${key.handle} not found`);
      throw new PreconditionError(`key ${key.handle} changed during the call; try again`);
    }
  }

  ownsKeys(username: string): boolean {
    return this.ctx.ownerKeyCount(username) > 0;
  }
}
