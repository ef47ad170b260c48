import { compareVersions, type VersionLike } from './version';

/** DigestEntry is one line of a node's digest list (appliance.v1.ObjectDigest). */
export interface DigestEntry {
  readonly handle: string;
  readonly version: VersionLike | null;
  readonly tombstone: boolean;
  readonly digest: Uint8Array;
}

/** NodeDigests is the full digest list of one HSM. */
export interface NodeDigests {
  readonly hsmId: string;
  readonly digests: readonly DigestEntry[];
}

/** PlannedCopy moves the winning version of one handle from one HSM to the HSMs that lack it. */
export interface PlannedCopy {
  readonly handle: string;
  readonly version: VersionLike;
  readonly sourceHsmId: string;
  readonly targetHsmIds: readonly string[];
}

/**
 * Conflict is one handle whose winning version two HSMs hold with different
 * content digests. That can only come from a damaged node; the planner
 * copies nothing for the handle and reports it.
 */
export interface Conflict {
  readonly handle: string;
  readonly version: VersionLike;
  readonly hsmIds: readonly string[];
}

/** ResyncPlan is what one resync round should copy. */
export interface ResyncPlan {
  readonly copies: readonly PlannedCopy[];
  readonly conflicts: readonly Conflict[];
  /** Distinct handles seen on any HSM. */
  readonly handles: number;
}

/** PlanOptions narrow a plan. */
export interface PlanOptions {
  /** Only these HSMs may receive copies (default: every HSM in the lists). */
  readonly receivers?: ReadonlySet<string>;
  /** HSMs to prefer as sources, best first; others follow, least used first. */
  readonly preferredSources?: readonly string[];
}

interface Holding {
  hsmId: string;
  entry: DigestEntry;
}

function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * planResync compares the digest lists of several HSMs and decides, for every
 * handle, which version wins (the highest (wallMs, logical, nodeId), the same
 * rule the nodes apply on import), which HSM sends it and which HSMs lack it.
 * Tombstones are objects like any other: a newer tombstone wins over a live
 * key. It is a pure function of its inputs; ties in source choice are broken
 * by preference, then by the fewest copies already assigned, then by HSM id.
 */
export function planResync(lists: readonly NodeDigests[], options: PlanOptions = {}): ResyncPlan {
  const byHandle = new Map<string, Holding[]>();
  for (const list of lists) {
    for (const entry of list.digests) {
      let holdings = byHandle.get(entry.handle);
      if (!holdings) byHandle.set(entry.handle, (holdings = []));
      holdings.push({ hsmId: list.hsmId, entry });
    }
  }

  const preference = new Map((options.preferredSources ?? []).map((id, i) => [id, i]));
  const assigned = new Map<string, number>();
  const copies: PlannedCopy[] = [];
  const conflicts: Conflict[] = [];
  const handles = [...byHandle.keys()].sort();

  for (const handle of handles) {
    const holdings = byHandle.get(handle)!;
    let winner: VersionLike | null = null;
    for (const h of holdings) {
      if (compareVersions(h.entry.version, winner) > 0) winner = h.entry.version;
    }
    if (winner === null) continue;
    const top = holdings.filter((h) => compareVersions(h.entry.version, winner) === 0);
    if (top.some((h) => !sameDigest(h.entry.digest, top[0]!.entry.digest))) {
      conflicts.push({ handle, version: winner, hsmIds: top.map((h) => h.hsmId).sort() });
      continue;
    }

    const holders = new Set(top.map((h) => h.hsmId));
    const targets = lists
      .map((l) => l.hsmId)
      .filter((id) => !holders.has(id) && (options.receivers?.has(id) ?? true))
      .sort();
    if (targets.length === 0) continue;

    const source = [...holders].sort((a, b) => {
      const pa = preference.get(a) ?? Number.MAX_SAFE_INTEGER;
      const pb = preference.get(b) ?? Number.MAX_SAFE_INTEGER;
      if (pa !== pb) return pa - pb;
      const ua = assigned.get(a) ?? 0;
      const ub = assigned.get(b) ?? 0;
      if (ua !== ub) return ua - ub;
      return a < b ? -1 : 1;
    })[0]!;
    assigned.set(source, (assigned.get(source) ?? 0) + 1);
    copies.push({ handle, version: winner, sourceHsmId: source, targetHsmIds: targets });
  }
  return { copies, conflicts, handles: handles.length };
}

/** CopyBatch is up to batchSize copies that share a source: one ExportMasked call. */
export interface CopyBatch {
  readonly sourceHsmId: string;
  readonly copies: readonly PlannedCopy[];
}

/** batchCopies groups a plan's copies by source, in handle order, batchSize at a time. */
export function batchCopies(copies: readonly PlannedCopy[], batchSize: number): CopyBatch[] {
  if (batchSize < 1) throw new Error(`invariant: batchSize must be at least 1, got ${batchSize}`);
  const bySource = new Map<string, PlannedCopy[]>();
  for (const copy of copies) {
    let list = bySource.get(copy.sourceHsmId);
    if (!list) bySource.set(copy.sourceHsmId, (list = []));
    list.push(copy);
  }
  const batches: CopyBatch[] = [];
  for (const sourceHsmId of [...bySource.keys()].sort()) {
    const list = bySource.get(sourceHsmId)!;
    for (let i = 0; i < list.length; i += batchSize) {
      batches.push({ sourceHsmId, copies: list.slice(i, i + batchSize) });
    }
  }
  return batches;
}

/** rootsAgree tells whether every root digest in the list is the same (and there is one). */
export function rootsAgree(roots: readonly Uint8Array[]): boolean {
  return roots.length > 0 && roots.every((r) => sameDigest(r, roots[0]!));
}
