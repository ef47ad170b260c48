import type { ServerReadableStream, ServerWritableStream, sendUnaryData } from '@grpc/grpc-js';
import type { ApplianceHandlers, applianceV1, hsmV1 } from '@hsmlab/proto';
import type { NodeServices } from '../service/node-services';
import type { Session } from '../service/sessions';
import { NODE_SOFTWARE_VERSION } from '../service/node-services';
import type { BackupManifestValue } from '../identity';
import type { MaskedObjectInput } from '../masking';
import { BadRequestError, LimitError, PermissionDeniedError } from '../errors';
import { loadTrailer, sessionOf, unary } from './unary';
import { maskedTo } from './masked';
import { toStatusObject } from './status-mapping';
import { rejectMalformed } from './malformed-request';
import { versionTo } from './convert';

/** MAX_DIGEST_PAGE and MAX_BATCH bound one sync-plane call. */
export const MAX_DIGEST_PAGE = 10_000;
export const MAX_BATCH = 5_000;

function requireAppliance(session: Session | undefined): Session {
  if (session?.role !== 'appliance') {
    throw new PermissionDeniedError('the sync plane is for the appliance user only');
  }
  return session;
}

function manifestFrom(m: applianceV1.BackupManifest__Output): BackupManifestValue {
  return {
    backupId: m.backupId,
    clusterId: m.clusterId,
    domainId: m.domainId,
    sourceNodeId: m.sourceNodeId,
    createdAtMs: m.createdAtMs,
    objectCount: m.objectCount,
    objectsDigest: m.objectsDigest,
    maxVersion: m.maxVersion
      ? { wallMs: m.maxVersion.wallMs, logical: m.maxVersion.logical, nodeId: m.maxVersion.nodeId }
      : null,
    wrappedMaskingKey: m.wrappedMaskingKey,
    signerChainPem: m.signerChainPem,
    signature: m.signature,
  };
}

/** applianceHandlers implements appliance.v1.Appliance (the sync plane). */
export function applianceHandlers(s: NodeServices): ApplianceHandlers {
  const { ctx } = s;
  const audited = <Req, Res>(
    method: string,
    fn: (req: Req, session: Session) => Promise<Res> | Res,
  ) =>
    unary<Req, Res>(ctx, method, true, async (req, session) => {
      const appliance = requireAppliance(session);
      try {
        const out = await fn(req, appliance);
        ctx.record({ action: `appliance.${method}`, actor: appliance.username, outcome: 'ok' });
        return out;
      } catch (err) {
        ctx.record({
          action: `appliance.${method}`,
          actor: appliance.username,
          outcome: 'failed',
          detail: (err as Error).message,
        });
        throw err;
      }
    });

  const status = (): applianceV1.ApplianceStatus => {
    const st = ctx.state.get();
    return {
      nodeId: ctx.nodeId,
      az: ctx.config.az,
      clusterId: st.clusterId ?? '',
      domainId: st.domainId ?? '',
      state: s.state(),
      objectCount: ctx.store.size,
      rootDigest: s.replicas.rootDigest(),
      load: { inFlight: ctx.load.current, capacity: ctx.load.capacity },
      restartCount: st.restartCount,
      auditSequence: ctx.audit.lastSeq,
      identityChainPem: s.membership.identityChainPem(),
      startedAtMs: ctx.startedAtMs,
      softwareVersion: NODE_SOFTWARE_VERSION,
    };
  };

  return {
    // GetStatus is polled every second by the orchestrator: it is not audited.
    GetStatus: unary(ctx, 'GetStatus', true, (_req, session) => {
      requireAppliance(session);
      return status();
    }),

    InitializeCluster: audited<
      applianceV1.InitializeClusterRequest__Output,
      applianceV1.ApplianceStatus
    >('InitializeCluster', async (req) => {
      await s.membership.initialize(req.clusterId);
      return status();
    }),

    ListDigests: audited<applianceV1.ListDigestsRequest__Output, applianceV1.ListDigestsResponse>(
      'ListDigests',
      (req) => {
        const size = req.pageSize === 0 ? 1000 : req.pageSize;
        if (size > MAX_DIGEST_PAGE)
          throw new BadRequestError(`page_size must be at most ${MAX_DIGEST_PAGE}`);
        const { digests, next } = s.replicas.listDigests(req.afterHandle, size);
        return {
          digests: digests.map((d) => ({
            ...d,
            type: d.type as hsmV1.ObjectType,
            version: versionTo(d.version),
          })),
          nextAfterHandle: next,
        };
      },
    ),

    ExportMasked: audited<
      applianceV1.ExportMaskedRequest__Output,
      applianceV1.ExportMaskedResponse
    >('ExportMasked', (req) => {
      if (req.handles.length > MAX_BATCH)
        throw new LimitError(`at most ${MAX_BATCH} handles per call`);
      return { objects: s.replicas.exportMany(req.handles).map(maskedTo) };
    }),

    ImportMasked: audited<
      applianceV1.ImportMaskedRequest__Output,
      applianceV1.ImportMaskedResponse
    >('ImportMasked', async (req) => {
      if (req.objects.length > MAX_BATCH)
        throw new LimitError(`at most ${MAX_BATCH} objects per call`);
      const results = await s.replicas.importMany(req.objects as MaskedObjectInput[]);
      return {
        results: results.map((r) => ({
          handle: r.handle,
          outcome: (r.outcome === 'current'
            ? 'IMPORT_OUTCOME_ALREADY_CURRENT'
            : `IMPORT_OUTCOME_${r.outcome.toUpperCase()}`) as hsmV1.ImportOutcome,
          current: versionTo(r.current.version),
        })),
      };
    }),

    GetJoinRequest: audited<applianceV1.GetJoinRequestRequest__Output, applianceV1.JoinRequest>(
      'GetJoinRequest',
      (req) => s.membership.joinRequest(req.clusterId),
    ),

    GrantJoin: audited<applianceV1.JoinRequest__Output, applianceV1.JoinGrant>('GrantJoin', (req) =>
      s.membership.grant(req),
    ),

    CompleteJoin: audited<applianceV1.JoinGrant__Output, applianceV1.ApplianceStatus>(
      'CompleteJoin',
      async (req) => {
        await s.membership.complete(req);
        return status();
      },
    ),

    CreateBackup: (
      call: ServerWritableStream<applianceV1.CreateBackupRequest__Output, applianceV1.BackupPart>,
    ) => {
      try {
        requireAppliance(sessionOf(ctx, call));
        rejectMalformed(call.request);
        const id = call.request.backupId;
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
          throw new BadRequestError('backup_id must be 1-64 letters, digits, - or _');
        const { objects, manifest } = s.membership.backup(id);
        for (const obj of objects) call.write({ object: maskedTo(obj) });
        call.write({
          manifest: { ...manifest, maxVersion: versionTo(manifest.maxVersion ?? undefined) },
        });
        call.end(loadTrailer(ctx));
      } catch (err) {
        ctx.record({
          action: 'appliance.CreateBackup',
          actor: 'appliance',
          outcome: 'failed',
          detail: (err as Error).message,
        });
        call.emit('error', toStatusObject(err, loadTrailer(ctx)));
      }
    },

    RestoreBackup: (
      call: ServerReadableStream<applianceV1.BackupPart__Output, applianceV1.RestoreBackupResponse>,
      callback: sendUnaryData<applianceV1.RestoreBackupResponse>,
    ) => {
      const fail = (err: unknown) => {
        ctx.record({
          action: 'appliance.RestoreBackup',
          actor: 'appliance',
          outcome: 'failed',
          detail: (err as Error).message,
        });
        callback(toStatusObject(err, loadTrailer(ctx)) as never);
      };
      let session: Session;
      try {
        session = requireAppliance(sessionOf(ctx, call));
      } catch (err) {
        fail(err);
        return;
      }
      const objects: MaskedObjectInput[] = [];
      let manifest: applianceV1.BackupManifest__Output | undefined;
      let target = '';
      let failed = false;
      call.on('data', (part: applianceV1.BackupPart__Output) => {
        if (failed) return;
        try {
          rejectMalformed(part);
        } catch (err) {
          failed = true;
          fail(err);
          return;
        }
        if (part.object) {
          if (manifest) {
            failed = true;
            fail(new BadRequestError('objects after the manifest'));
            return;
          }
          if (objects.length >= ctx.config.maxObjects) {
            failed = true;
            fail(new LimitError(`a backup may hold at most ${ctx.config.maxObjects} objects`));
            return;
          }
          objects.push(part.object as MaskedObjectInput);
        } else if (part.manifest) {
          // One manifest, last: a second one was silently taken over the
          // first (found by test/appliance-bad-input.test.ts).
          if (manifest) {
            failed = true;
            fail(new BadRequestError('a second manifest'));
            return;
          }
          manifest = part.manifest;
        } else if (part.targetClusterId) {
          target = part.targetClusterId;
        }
      });
      call.on('end', () => {
        if (failed) return;
        if (!manifest) {
          fail(new BadRequestError('backup has no manifest (truncated)'));
          return;
        }
        s.membership.restore(manifestFrom(manifest), objects, target).then((applied) => {
          ctx.record({ action: 'appliance.RestoreBackup', actor: session.username, outcome: 'ok' });
          callback(null, { objectsApplied: applied, status: status() }, loadTrailer(ctx));
        }, fail);
      });
    },
  };
}
