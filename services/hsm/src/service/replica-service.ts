import type { KeyBody, StoredObject, UserBody } from '../model';
import { compareVersions } from '../model';
import {
  deriveDigestKey,
  objectDigestEntry,
  openObject,
  rootDigest,
  sealObject,
  type MaskedObjectInput,
  type MaskedObjectValue,
  type ObjectDigestValue,
} from '../masking';
import { NotFoundError, PermissionDeniedError, PreconditionError } from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { KEY_HANDLE } from './handles';

export type ImportOutcome = 'applied' | 'current' | 'stale';

/**
 * ReplicaService moves objects between nodes, always masked: for the SDK's
 * replicated writes (owners move their own objects) and for the appliance
 * user's sync plane (everything). It never hands out key material.
 */
export class ReplicaService {
  /** Digest per handle. Invariant: an entry is for the store's current version. */
  private readonly digests = new Map<string, ObjectDigestValue>();
  private digestKey: Buffer | undefined;
  /** The last root digest. Invariant: valid while generation and domain are unchanged. */
  private rootCache: { generation: number; domainId: string; root: Buffer } | undefined;
  private digestDomain: string | undefined;

  constructor(private readonly ctx: NodeContext) {}

  private requireMasking(): { key: Buffer; domainId: string; clusterId: string } {
    const masking = this.ctx.masking();
    if (!masking) {
      throw new PreconditionError(
        'this node has no masking key yet: the cluster is not initialized on it',
      );
    }
    return masking;
  }

  /** seal masks a stored object with the cluster's masking key. */
  seal(obj: StoredObject): MaskedObjectValue {
    const m = this.requireMasking();
    return sealObject(m.key, m.domainId, obj);
  }

  /** open checks and unmasks an object made by a node of this cluster. */
  open(masked: MaskedObjectInput): StoredObject {
    const m = this.requireMasking();
    return openObject(m.key, m.domainId, masked);
  }

  /** exportForCaller seals an object the session may move (SDK replicated writes). */
  exportForCaller(session: Session, handle: string): MaskedObjectValue {
    const obj = this.ctx.store.get(handle);
    const notFound = () => new NotFoundError(`object ${handle} not found`);
    if (!obj) throw notFound();
    if (!this.mayMove(session, obj, obj)) throw notFound();
    return this.seal(obj);
  }

  /** importForCaller applies a masked object the session may move. */
  async importForCaller(
    session: Session,
    masked: MaskedObjectInput,
  ): Promise<{ outcome: ImportOutcome; current: StoredObject }> {
    const obj = this.open(masked);
    const held = this.ctx.store.get(obj.handle);
    if (!this.mayMove(session, obj, held)) {
      throw new PermissionDeniedError(`you may not replicate object ${obj.handle}`);
    }
    const [outcome] = await this.ctx.commitIfNewer([obj]);
    this.ctx.record({
      action: 'import-masked',
      actor: session.username,
      outcome: 'ok',
      handle: obj.handle,
      detail: outcome,
    });
    return { outcome: outcome!, current: this.ctx.store.get(obj.handle)! };
  }

  /**
   * mayMove: a crypto user moves keys it owns (and tombstones of keys it
   * owned or that the node does not hold); a crypto officer moves user
   * objects; a user moves its own user object (a password change) as long as
   * its role stays the same.
   */
  private mayMove(session: Session, obj: StoredObject, held: StoredObject | undefined): boolean {
    if (obj.kind === 'key') {
      if (session.role !== 'crypto-user' || !KEY_HANDLE.test(obj.handle)) return false;
      const owners = [obj, held]
        .filter((o): o is StoredObject => o !== undefined && !o.tombstone)
        .map((o) => (o.body as KeyBody).owner);
      return owners.every((owner) => owner === session.username);
    }
    if (obj.kind === 'user') {
      if (session.role === 'crypto-officer') return true;
      if (session.role !== 'crypto-user' || obj.tombstone) return false;
      const body = obj.body as UserBody;
      const heldBody = held && !held.tombstone ? (held.body as UserBody) : undefined;
      return (
        body.username === session.username &&
        body.role === session.role &&
        heldBody?.role === session.role
      );
    }
    return session.role === 'crypto-officer';
  }

  // --- sync plane (appliance) ---------------------------------------------

  private digestFor(obj: StoredObject): ObjectDigestValue {
    const m = this.requireMasking();
    if (this.digestKey === undefined || this.digestDomain !== m.domainId) {
      this.digestKey = deriveDigestKey(m.key);
      this.digestDomain = m.domainId;
      this.digests.clear();
    }
    const cached = this.digests.get(obj.handle);
    if (
      cached &&
      compareVersions(cached.version, obj.version) === 0 &&
      cached.tombstone === obj.tombstone
    ) {
      return cached;
    }
    const entry = objectDigestEntry(this.digestKey, obj);
    this.digests.set(obj.handle, entry);
    return entry;
  }

  listDigests(afterHandle: string, limit: number): { digests: ObjectDigestValue[]; next: string } {
    const page = this.ctx.store.valuesAfter(afterHandle, limit + 1);
    const more = page.length > limit;
    const digests = page.slice(0, limit).map((o) => this.digestFor(o));
    return { digests, next: more ? digests[digests.length - 1]!.handle : '' };
  }

  rootDigest(): Buffer {
    const masking = this.ctx.masking();
    if (!masking) return Buffer.alloc(0);
    const cached = this.rootCache;
    if (
      cached &&
      cached.generation === this.ctx.generation &&
      cached.domainId === masking.domainId
    ) {
      return cached.root;
    }
    const root = this.computeRootDigest();
    this.rootCache = { generation: this.ctx.generation, domainId: masking.domainId, root };
    return root;
  }

  private computeRootDigest(): Buffer {
    const entries: ObjectDigestValue[] = [];
    for (const obj of this.ctx.store.values()) entries.push(this.digestFor(obj));
    return rootDigest(entries);
  }

  exportMany(handles: string[]): MaskedObjectValue[] {
    const out: MaskedObjectValue[] = [];
    for (const handle of handles) {
      const obj = this.ctx.store.get(handle);
      if (obj) out.push(this.seal(obj));
    }
    return out;
  }

  async importMany(
    masked: MaskedObjectInput[],
  ): Promise<Array<{ handle: string; outcome: ImportOutcome; current: StoredObject }>> {
    const objects = masked.map((m) => this.open(m));
    const outcomes = await this.ctx.commitIfNewer(objects);
    return objects.map((obj, i) => ({
      handle: obj.handle,
      outcome: outcomes[i]!,
      current: this.ctx.store.get(obj.handle)!,
    }));
  }
}
