import type { ClusterFaults } from './cluster-faults';
import type { ClusterNode } from './cluster-node';
import {
  applyFault,
  chooseFault,
  describeFault,
  liftFault,
  type FaultKind,
  type FaultParams,
} from './fault-catalog';
import { Random } from './random';
import { sleep } from './sleep';

/** NemesisTarget is a cluster the Nemesis can break: ProcessCluster is one. */
export interface NemesisTarget extends ClusterFaults {
  readonly nodes: readonly ClusterNode[];
  /** waitRecovered resolves once the cluster is whole again after a fault (false: gave up). */
  waitRecovered?(timeoutMs: number): Promise<boolean>;
}

/** NemesisOptions configure a Nemesis. */
export interface NemesisOptions {
  /** Seed of the schedule; print it, and pass it again to replay the same schedule. */
  seed: number;
  /** Faults to draw from, with equal chance. */
  faults: readonly FaultKind[];
  /**
   * Healthy time before each fault, drawn in [min, max] milliseconds.
   * @default [800, 2000]
   */
  quietMs?: readonly [number, number];
  /**
   * How long each fault lasts, drawn in [min, max] milliseconds.
   * @default [1500, 4000]
   */
  faultMs?: readonly [number, number];
  /**
   * Wait after lifting each fault until the cluster is whole again (every
   * HSM ACTIVE) before the next quiet period, so that faults do not pile
   * up; the schedule's choices stay the same, its instants shift.
   * @default true
   */
  waitRecovered?: boolean;
  /**
   * How to wait for recovery, when the caller knows better than the cluster
   * (runScenario also waits for its SDK client to route to every node again).
   * @default the target's waitRecovered
   */
  recovery?: (timeoutMs: number) => Promise<boolean>;
  /** Where each step is reported. @default nowhere */
  log?: (line: string) => void;
}

/** PlannedFault is one step of a Nemesis schedule, relative to the schedule's start. */
export interface PlannedFault {
  atMs: number;
  durationMs: number;
  kind: FaultKind;
  params: FaultParams;
}

/** MIN_FAULT_MS keeps a fault long enough to matter when it is cut short at the end. */
const MIN_FAULT_MS = 500;
/** RECOVERY_TIMEOUT_MS bounds the wait for a cluster to be whole again between faults. */
const RECOVERY_TIMEOUT_MS = 30_000;

/**
 * Nemesis injects faults into a cluster on a schedule drawn from a seed: the
 * same seed, faults and node ids give the same schedule (which fault, which
 * target, when, for how long), so a failing run can be replayed. Faults come
 * one at a time; each is lifted before the next quiet period.
 */
export class Nemesis {
  constructor(
    private readonly cluster: NemesisTarget,
    private readonly options: NemesisOptions,
  ) {
    if (options.faults.length === 0) throw new RangeError('NemesisOptions.faults is empty');
  }

  /** plan draws the schedule for durationMs, without touching the cluster. */
  plan(durationMs: number): PlannedFault[] {
    const random = new Random(this.options.seed);
    const [quietMin, quietMax] = this.options.quietMs ?? [800, 2000];
    const [faultMin, faultMax] = this.options.faultMs ?? [1500, 4000];
    const nodes = [...this.cluster.nodes].sort((a, b) => a.id.localeCompare(b.id));
    const plan: PlannedFault[] = [];
    let atMs = random.int(quietMin, quietMax);
    while (atMs + MIN_FAULT_MS <= durationMs) {
      const kind = random.pick(this.options.faults);
      const durationWanted = random.int(faultMin, faultMax);
      const params = chooseFault(kind, random, nodes);
      const faultDurationMs = Math.max(MIN_FAULT_MS, Math.min(durationWanted, durationMs - atMs));
      plan.push({ atMs, durationMs: faultDurationMs, kind, params });
      atMs += faultDurationMs + random.int(quietMin, quietMax);
    }
    return plan;
  }

  /**
   * run carries out plan(durationMs) and resolves with the steps it ran. When
   * `signal` aborts, the fault in force is lifted and run returns early.
   */
  async run(durationMs: number, signal?: AbortSignal): Promise<PlannedFault[]> {
    const startMs = Date.now();
    const done: PlannedFault[] = [];
    const log = this.options.log ?? (() => undefined);
    // delayMs is how far the recovery waits have pushed the schedule back.
    let delayMs = 0;
    for (const step of this.plan(durationMs)) {
      if (step.atMs + delayMs >= durationMs) break;
      if (!(await this.sleepUntil(startMs + delayMs + step.atMs, signal))) break;
      const what = describeFault(step.kind, step.params);
      const elapsed = ((Date.now() - startMs) / 1000).toFixed(1);
      log(`[nemesis] +${elapsed}s ${what} for ${step.durationMs} ms`);
      await applyFault(this.cluster, step.kind, step.params);
      done.push(step);
      await this.sleepUntil(startMs + delayMs + step.atMs + step.durationMs, signal);
      await liftFault(this.cluster, step.kind, step.params);
      const recovery =
        this.options.recovery ?? this.cluster.waitRecovered?.bind(this.cluster) ?? undefined;
      if ((this.options.waitRecovered ?? true) && recovery) {
        const before = Date.now();
        if (!(await recovery(RECOVERY_TIMEOUT_MS))) {
          log(`[nemesis] the cluster was not whole ${RECOVERY_TIMEOUT_MS} ms after ${what}`);
        }
        delayMs += Date.now() - before;
      }
    }
    await this.sleepUntil(startMs + durationMs, signal);
    return done;
  }

  /** sleepUntil waits for an instant; false when aborted first. */
  private async sleepUntil(atMs: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await sleep(atMs - Date.now(), signal);
      return true;
    } catch {
      return false;
    }
  }
}
