import type { Logger } from '@hsmlab/common';
import type { hsmV1 } from '@hsmlab/proto';
import { errorMessage } from '../errors';
import { batchCopies, type CopyBatch, type PlannedCopy } from './resync-plan';
import type { NodeConnection } from '../node/node-connection';

/** CopySettings are the sizes the copy phase works with. */
export interface CopySettings {
  readonly batchSize: number;
  readonly importBatchBytes: number;
}

type Exported = { objects: hsmV1.MaskedObject__Output[] } | { error: string };

/**
 * copyPlanned carries out a plan's copies, batch by batch: one ExportMasked
 * from the batch's source, then byte-bounded ImportMasked calls into each
 * target, targets in parallel. The export of the next batch runs while the
 * current one is imported, so the source's sealing and the targets' opening
 * overlap. A failed import marks its target (fail with the error); a failed
 * export only leaves the batch's targets not caught up (fail without an
 * error: they did nothing wrong). It returns how many objects were applied.
 */
export async function copyPlanned(
  copies: readonly PlannedCopy[],
  byId: ReadonlyMap<string, { conn: Pick<NodeConnection, 'exportMasked' | 'importMasked'> }>,
  settings: CopySettings,
  fail: (hsmId: string, error: string | undefined) => void,
  logger: Logger,
): Promise<number> {
  const batches = batchCopies(copies, settings.batchSize);
  const exportBatch = (batch: CopyBatch): Promise<Exported> =>
    byId
      .get(batch.sourceHsmId)!
      .conn.exportMasked(batch.copies.map((c) => c.handle))
      .then(
        (r) => ({ objects: r.objects }),
        (err: unknown) => ({ error: errorMessage(err) }),
      );

  let applied = 0;
  let next = batches.length > 0 ? exportBatch(batches[0]!) : undefined;
  for (let i = 0; i < batches.length; i += 1) {
    const batch = batches[i]!;
    const exported = await next!;
    next = i + 1 < batches.length ? exportBatch(batches[i + 1]!) : undefined;
    if ('error' in exported) {
      logger.warn({ hsmId: batch.sourceHsmId, err: exported.error }, 'resync export failed');
      for (const c of batch.copies) for (const t of c.targetHsmIds) fail(t, undefined);
      continue;
    }

    const byHandle = new Map(exported.objects.map((o) => [o.handle, o]));
    const perTarget = new Map<string, hsmV1.MaskedObject__Output[]>();
    for (const copy of batch.copies) {
      const object = byHandle.get(copy.handle);
      for (const t of copy.targetHsmIds) {
        // NB: a handle the source no longer exports was purged between list and export; the
        // next round sees the new state.
        if (!object) {
          fail(t, undefined);
          continue;
        }
        let list = perTarget.get(t);
        if (!list) perTarget.set(t, (list = []));
        list.push(object);
      }
    }
    const imports = [...perTarget].map(async ([hsmId, objects]) => {
      const target = byId.get(hsmId)!;
      for (const chunk of chunkByBytes(objects, settings.importBatchBytes)) {
        const response = await target.conn.importMasked(chunk);
        applied += response.results.filter((r) => r.outcome === 'IMPORT_OUTCOME_APPLIED').length;
      }
    });
    const results = await Promise.allSettled(imports);
    results.forEach((r, j) => {
      if (r.status === 'rejected') fail([...perTarget.keys()][j]!, errorMessage(r.reason));
    });
  }
  return applied;
}

/**
 * chunkByBytes splits objects into runs whose sealed bytes (plus a little
 * per-object framing) stay under maxBytes; an object bigger than that still
 * goes, alone.
 */
export function chunkByBytes<T extends { sealed: Uint8Array }>(
  objects: readonly T[],
  maxBytes: number,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const o of objects) {
    const cost = o.sealed.byteLength + 256;
    if (current.length > 0 && size + cost > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(o);
    size += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
