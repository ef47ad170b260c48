import type { Logger } from '@hsmlab/common';
import type { applianceV1 } from '@hsmlab/proto';
import { errorMessage } from '../errors';
import type { NodeConnection } from '../node/node-connection';
import { listAllDigests } from './digest-pager';
import { copyPlanned } from './resync-copy';
import { planResync, rootsAgree, type Conflict, type NodeDigests } from './resync-plan';

/** ResyncParticipant is one HSM taking part in a round. */
export interface ResyncParticipant {
  readonly hsmId: string;
  readonly conn: NodeConnection;
}

/** ParticipantOutcome is what a round did for one HSM: failure is data. */
export interface ParticipantOutcome {
  /** It answered GetStatus and listed its digests (when listing was needed). */
  reachable: boolean;
  /** Every copy planned for it landed (trivially true when nothing was planned). */
  caughtUp: boolean;
  /**
   * A failure of this HSM's own calls (status, listing, import), if any. A
   * failed export from a source leaves its targets not caught up but sets no
   * error on them: they did nothing wrong.
   */
  error?: string;
  rootDigest?: Buffer;
}

/** ResyncOutcome is the result of one round. */
export interface ResyncOutcome {
  readonly outcomes: Map<string, ParticipantOutcome>;
  /** True when all root digests already agreed and nothing was listed. */
  readonly skipped: boolean;
  readonly handlesCompared: number;
  readonly objectsApplied: number;
  readonly conflicts: readonly Conflict[];
  /** Where the round spent its time (ms): root digests, digest listing, copying. */
  readonly phasesMs: { status: number; list: number; copy: number };
}

/** ResyncSettings are the sizes a round works with. */
export interface ResyncSettings {
  readonly digestPageSize: number;
  readonly batchSize: number;
  readonly importBatchBytes: number;
  readonly receivers?: ReadonlySet<string>;
  readonly preferredSources?: readonly string[];
  /**
   * admit checks each HSM's status before it may take part; a string is the
   * reason to leave it out (another node answering, another masking domain).
   */
  readonly admit?: (
    hsmId: string,
    status: applianceV1.ApplianceStatus__Output,
  ) => string | undefined;
}

/**
 * runResyncRound brings a set of HSMs to the same objects. It asks every HSM
 * for its root digest; if they agree it stops. Otherwise it lists each HSM's
 * digests, plans with planResync, and for each batch exports the masked
 * objects from the source once and imports them into each target in
 * byte-bounded calls. Nodes keep the newer version on import, so a round
 * racing with client writes never rolls anything back.
 */
export async function runResyncRound(
  participants: readonly ResyncParticipant[],
  settings: ResyncSettings,
  logger: Logger,
): Promise<ResyncOutcome> {
  const outcomes = new Map<string, ParticipantOutcome>();
  const phasesMs = { status: 0, list: 0, copy: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof phasesMs): void => {
    const now = performance.now();
    phasesMs[phase] = Math.round(now - mark);
    mark = now;
  };
  const byId = new Map(participants.map((p) => [p.hsmId, p]));

  const statuses = await Promise.allSettled(participants.map((p) => p.conn.getStatus()));
  const reachable: ResyncParticipant[] = [];
  statuses.forEach((s, i) => {
    const p = participants[i]!;
    const refusal = s.status === 'fulfilled' ? settings.admit?.(p.hsmId, s.value) : undefined;
    if (refusal !== undefined) {
      outcomes.set(p.hsmId, { reachable: true, caughtUp: false, error: refusal });
    } else if (s.status === 'fulfilled') {
      outcomes.set(p.hsmId, { reachable: true, caughtUp: true, rootDigest: s.value.rootDigest });
      reachable.push(p);
    } else {
      outcomes.set(p.hsmId, { reachable: false, caughtUp: false, error: errorMessage(s.reason) });
    }
  });
  const done = (
    skipped: boolean,
    handles: number,
    applied: number,
    conflicts: Conflict[] = [],
  ) => ({
    outcomes,
    skipped,
    handlesCompared: handles,
    objectsApplied: applied,
    conflicts,
    phasesMs,
  });
  lap('status');
  if (
    reachable.length < 2 ||
    rootsAgree(reachable.map((p) => outcomes.get(p.hsmId)!.rootDigest!))
  ) {
    return done(true, 0, 0);
  }

  const listed = await Promise.allSettled(
    reachable.map((p) => listAllDigests(p.conn, settings.digestPageSize)),
  );
  const lists: NodeDigests[] = [];
  listed.forEach((l, i) => {
    const p = reachable[i]!;
    if (l.status === 'fulfilled') lists.push({ hsmId: p.hsmId, digests: l.value });
    else
      outcomes.set(p.hsmId, { reachable: false, caughtUp: false, error: errorMessage(l.reason) });
  });

  lap('list');
  const plan = planResync(lists, {
    receivers: settings.receivers,
    preferredSources: settings.preferredSources,
  });
  for (const c of plan.conflicts) {
    logger.warn(
      { handle: c.handle, hsmIds: c.hsmIds },
      'resync conflict: same version, different content',
    );
  }
  const fail = (hsmId: string, error: string | undefined): void => {
    const o = outcomes.get(hsmId)!;
    o.caughtUp = false;
    if (error !== undefined) o.error = error;
  };

  const applied = await copyPlanned(plan.copies, byId, settings, fail, logger);
  lap('copy');
  return done(false, plan.handles, applied, [...plan.conflicts]);
}
