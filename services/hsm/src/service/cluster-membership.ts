import type { KeyObject } from 'node:crypto';
import { compareVersions, type StoredObject, type Version } from '../model';
import {
  generateMaskingKey,
  openObject,
  type MaskedObjectInput,
  type MaskedObjectValue,
} from '../masking';
import {
  completeJoin,
  createJoinRequest,
  grantJoin,
  manifestObjectsDigest,
  signManifest,
  unwrapMaskingKeyFromBackup,
  verifyManifest,
  wrapMaskingKeyForBackup,
  type BackupManifestValue,
  type JoinGrantValue,
  type JoinRequestValue,
} from '../identity';
import { BadRequestError, PreconditionError } from '../errors';
import type { NodeContext } from './node-context';
import type { ReplicaService } from './replica-service';

/** BackupContents is one backup as a node makes it: objects in handle order, then the manifest. */
export interface BackupContents {
  objects: MaskedObjectValue[];
  manifest: BackupManifestValue;
}

const CLUSTER_ID = /^cluster-[a-z0-9]{11}$/;

/**
 * ClusterMembership is the node's side of the cluster life cycle: making the
 * masking key, attested join (request, grant, complete) and masked backups.
 * The masking key only ever leaves the node wrapped: for one attested node
 * (a join grant) or for genuine HSMs (a backup).
 */
export class ClusterMembership {
  /** The ECDH key of this node's join in progress, by cluster id. */
  private readonly pendingJoins = new Map<string, KeyObject>();

  constructor(
    private readonly ctx: NodeContext,
    private readonly replicas: ReplicaService,
  ) {}

  private identity(): { identity: { keyPkcs8Der: Buffer }; chainPem: string } {
    const id = this.ctx.state.get().identity;
    if (!id || !this.ctx.config.manufacturerCaCertPem) {
      throw new PreconditionError(
        'this node has no identity certificate (start it with --manufacturer-ca-cert and --manufacturer-ca-key)',
      );
    }
    return {
      identity: { keyPkcs8Der: id.keyPkcs8Der },
      chainPem: id.certPem + this.ctx.config.manufacturerCaCertPem,
    };
  }

  /** identityChainPem is what GetStatus shows: the node certificate, then the CA's. */
  identityChainPem(): string {
    const id = this.ctx.state.get().identity;
    return id ? id.certPem + (this.ctx.config.manufacturerCaCertPem ?? '') : '';
  }

  async initialize(clusterId: string): Promise<void> {
    if (!CLUSTER_ID.test(clusterId)) {
      throw new BadRequestError('cluster_id must be cluster- and 11 lowercase letters or digits');
    }
    const current = this.ctx.masking();
    if (current) {
      if (current.clusterId === clusterId && current.domainId === clusterId) return;
      throw new PreconditionError(`this node is already initialized for ${current.clusterId}`);
    }
    const maskingKey = generateMaskingKey();
    await this.ctx.state.update((draft) => {
      draft.clusterId = clusterId;
      draft.domainId = clusterId;
      draft.maskingKey = maskingKey;
    });
    this.ctx.logger.info({ clusterId }, 'cluster initialized: masking key made on this node');
  }

  joinRequest(clusterId: string): JoinRequestValue {
    if (!CLUSTER_ID.test(clusterId)) throw new BadRequestError('cluster_id is not a cluster id');
    const current = this.ctx.masking();
    if (current) {
      throw new PreconditionError(
        `this node already holds the masking key of ${current.clusterId}`,
      );
    }
    const { identity, chainPem } = this.identity();
    const { request, ecdhPrivateKey } = createJoinRequest({
      nodeId: this.ctx.nodeId,
      clusterId,
      identity,
      chainPem,
      nowMs: this.ctx.clock.nowMs(),
    });
    this.pendingJoins.set(clusterId, ecdhPrivateKey);
    return request;
  }

  grant(request: JoinRequestValue): JoinGrantValue {
    const masking = this.ctx.masking();
    if (!masking) throw new PreconditionError('this node has no masking key to grant');
    const { identity, chainPem } = this.identity();
    const grant = grantJoin({
      request,
      clusterId: masking.clusterId,
      manufacturerCaCertPem: this.ctx.config.manufacturerCaCertPem!,
      granter: { nodeId: this.ctx.nodeId, identity, chainPem },
      maskingKey: masking.key,
      domainId: masking.domainId,
      nowMs: this.ctx.clock.nowMs(),
    });
    this.ctx.record({
      action: 'grant-join',
      actor: 'appliance',
      outcome: 'ok',
      detail: `to ${request.nodeId}`,
    });
    return grant;
  }

  async complete(grant: JoinGrantValue): Promise<void> {
    const ecdhPrivateKey = this.pendingJoins.get(grant.clusterId);
    if (!ecdhPrivateKey) {
      throw new PreconditionError(
        `no join of ${grant.clusterId} is in progress on this node (ask for a new join request)`,
      );
    }
    const { maskingKey, domainId } = completeJoin({
      grant,
      ecdhPrivateKey,
      expected: { nodeId: this.ctx.nodeId, clusterId: grant.clusterId },
      manufacturerCaCertPem: this.ctx.config.manufacturerCaCertPem!,
      nowMs: this.ctx.clock.nowMs(),
    });
    await this.ctx.state.update((draft) => {
      draft.clusterId = grant.clusterId;
      draft.domainId = domainId;
      draft.maskingKey = maskingKey;
    });
    this.pendingJoins.delete(grant.clusterId);
    this.ctx.record({
      action: 'complete-join',
      actor: 'appliance',
      outcome: 'ok',
      detail: grant.clusterId,
    });
  }

  /** backup seals every object as of this instant and signs a manifest over them. */
  backup(backupId: string): BackupContents {
    const masking = this.ctx.masking();
    if (!masking) throw new PreconditionError('this node has no masking key: nothing to back up');
    const caKeyPem = this.ctx.config.manufacturerCaKeyPem;
    if (!caKeyPem)
      throw new PreconditionError('this node cannot wrap a backup (no manufacturer key)');
    const { identity, chainPem } = this.identity();
    // One synchronous pass: the set is a consistent point in time.
    const objects: MaskedObjectValue[] = [];
    let maxVersion: Version | null = null;
    for (const obj of this.ctx.store.values()) {
      objects.push(this.replicas.seal(obj));
      if (maxVersion === null || compareVersions(obj.version, maxVersion) > 0)
        maxVersion = obj.version;
    }
    const manifest = signManifest(
      {
        backupId,
        clusterId: masking.clusterId,
        domainId: masking.domainId,
        sourceNodeId: this.ctx.nodeId,
        createdAtMs: this.ctx.clock.nowMs(),
        objectCount: objects.length,
        objectsDigest: manifestObjectsDigest(objects.map((o) => o.sealed)),
        maxVersion,
        wrappedMaskingKey: wrapMaskingKeyForBackup(masking.key, caKeyPem, masking.domainId),
        signerChainPem: chainPem,
      },
      identity,
    );
    this.ctx.record({
      action: 'create-backup',
      actor: 'appliance',
      outcome: 'ok',
      detail: backupId,
    });
    return { objects, manifest };
  }

  /**
   * restore checks a whole backup, then applies it in one durable step. It
   * refuses a backup of another masking domain, a truncated or altered one,
   * and one older than what the node holds. Nothing is applied unless every
   * check passes.
   */
  async restore(
    manifest: BackupManifestValue,
    masked: MaskedObjectInput[],
    targetClusterId: string,
  ): Promise<number> {
    const caCertPem = this.ctx.config.manufacturerCaCertPem;
    if (!caCertPem)
      throw new PreconditionError('this node cannot check a backup (no manufacturer CA)');
    verifyManifest(manifest, caCertPem);
    if (masked.length !== manifest.objectCount) {
      throw new BadRequestError(
        `backup is truncated or padded: ${masked.length} objects, the manifest says ${manifest.objectCount}`,
      );
    }
    for (let i = 1; i < masked.length; i++) {
      if (!(masked[i - 1]!.handle < masked[i]!.handle)) {
        throw new BadRequestError('backup objects are not in handle order');
      }
    }
    if (!manifestObjectsDigest(masked.map((m) => m.sealed)).equals(manifest.objectsDigest)) {
      throw new BadRequestError('backup objects do not match the manifest (altered)');
    }
    const current = this.ctx.masking();
    if (current && current.domainId !== manifest.domainId) {
      throw new PreconditionError(
        `backup belongs to another cluster (domain ${manifest.domainId}; this node is in ${current.domainId})`,
      );
    }
    if (manifest.maxVersion) {
      for (const obj of this.ctx.store.values()) {
        if (compareVersions(obj.version, manifest.maxVersion) > 0) {
          throw new PreconditionError(
            `the node holds newer state than the backup (object ${obj.handle}); an older backup is not restored over it`,
          );
        }
      }
    }
    let maskingKey = current?.key;
    if (!maskingKey) {
      const caKeyPem = this.ctx.config.manufacturerCaKeyPem;
      if (!caKeyPem)
        throw new PreconditionError('this node cannot open a backup (no manufacturer key)');
      maskingKey = unwrapMaskingKeyFromBackup(
        manifest.wrappedMaskingKey,
        caKeyPem,
        manifest.domainId,
      );
    }

    const objects: StoredObject[] = masked.map((m) =>
      openObject(maskingKey!, manifest.domainId, m),
    );

    if (!current) {
      const clusterId = targetClusterId || manifest.clusterId;
      if (!CLUSTER_ID.test(clusterId))
        throw new BadRequestError('target_cluster_id is not a cluster id');
      await this.ctx.state.update((draft) => {
        draft.clusterId = clusterId;
        draft.domainId = manifest.domainId;
        draft.maskingKey = maskingKey;
      });
    }
    const outcomes = await this.ctx.commitIfNewer(objects);
    const applied = outcomes.filter((o) => o === 'applied').length;
    this.ctx.record({
      action: 'restore-backup',
      actor: 'appliance',
      outcome: 'ok',
      detail: `${manifest.backupId}: ${applied} of ${objects.length} applied`,
    });
    return applied;
  }
}
