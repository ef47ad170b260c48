import type { HsmClientOptions, HsmCluster } from '@hsmlab/client';
import { describeFailures } from './check-result';
import { runCheckers } from './run-checkers';
import type { FaultKind } from './fault-catalog';
import { History } from './history';
import { Nemesis, type NemesisOptions } from './nemesis';
import type { ProcessCluster } from './process-cluster';
import { Random, resolveSeed, SEED_ENV } from './random';
import { probeHolders } from './replica-probe';
import { failoverGaps, summaryLine, type ScenarioReport } from './scenario-report';
import { sleep, waitUntil } from './sleep';
import { Workload } from './workload';
import type { OpMix } from './workload-types';

/** ScenarioContext is what a scenario's script gets while the workload runs. */
export interface ScenarioContext {
  cluster: ProcessCluster;
  history: History;
  workload: Workload;
  sdk: HsmCluster;
  /** A generator forked from the scenario's seed, for the script's own choices. */
  random: Random;
  /** Milliseconds since the load started. */
  elapsedMs(): number;
  /**
   * waitRecovered waits until the orchestrator reports every HSM ACTIVE and
   * the workload's SDK client routes to every node again; false on timeout.
   */
  waitRecovered(timeoutMs?: number): Promise<boolean>;
}

/** ScenarioOptions describe one chaos scenario. */
export interface ScenarioOptions {
  name: string;
  cluster: ProcessCluster;
  /** How long the workload runs, in milliseconds. */
  loadMs: number;
  /** Faults the Nemesis draws from during the load; none means no Nemesis. */
  faults?: readonly FaultKind[];
  nemesis?: Pick<NemesisOptions, 'quietMs' | 'faultMs' | 'waitRecovered'>;
  /** A script of faults of the scenario's own, run alongside the load (and the Nemesis). */
  script?: (context: ScenarioContext) => Promise<void>;
  /** @default HSMLAB_CHAOS_SEED, else a fresh one (always printed) */
  seed?: number;
  /** @default 4 */
  workers?: number;
  mix?: Partial<OpMix>;
  /** Pause between one worker's operations, in milliseconds. @default 0 */
  thinkMs?: number;
  /** Overrides for the workload's SDK client (cluster.sdkOptions). */
  sdk?: HsmClientOptions;
  /** Where lines are printed. @default console.log */
  log?: (line: string) => void;
}

/** ScenarioResult is a finished scenario: its report, and the raw material for extra assertions. */
export interface ScenarioResult {
  report: ScenarioReport;
  history: History;
  workload: Workload;
  /** The report's one-line summary (already printed). */
  line: string;
  /** The failed checks, rendered for an assertion message ('' when all passed). */
  failures: string;
}

/** AFTER_HEAL_ATTEMPTS bounds the tries of the write that proves the healed cluster takes writes. */
const AFTER_HEAL_ATTEMPTS = 3;
const CONVERGENCE_TIMEOUT_MS = 60_000;
/** RECOVERY_TIMEOUT_MS bounds the wait for the orchestrator to take healed nodes back. */
const RECOVERY_TIMEOUT_MS = 30_000;
const AFTER_HEAL_RETRY_MS = 1000;

/**
 * runScenario runs one chaos scenario end to end: it prints the seed, runs
 * the workload while the Nemesis (and the script) inject faults, stops the
 * load, heals the cluster, measures convergence, makes one more write, then
 * reads every node directly and runs every checker. It throws only when the
 * harness itself breaks; broken promises come back in the report.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const { cluster, name } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = resolveSeed(options.seed);
  log(`[chaos] ${name}: seed ${seed} (replay with ${SEED_ENV}=${seed})`);
  const random = new Random(seed);
  const history = new History();
  const stopListening = cluster.onFault((event) => history.recordFault(event));
  const sdk = await cluster.connect(options.sdk);
  const labelPrefix = `chaos.${name}.${seed}.${Date.now().toString(36)}`;
  const workload = new Workload({
    sdk,
    history,
    random: random.fork(),
    labelPrefix,
    probeHolders: (handle) => probeHolders(cluster.nodes, cluster.user, handle),
    workers: options.workers,
    mix: options.mix,
    thinkMs: options.thinkMs,
  });
  try {
    await workload.setup();
    const loadStartMs = Date.now();
    workload.start();
    const context: ScenarioContext = {
      cluster,
      history,
      workload,
      sdk,
      random: random.fork(),
      elapsedMs: () => Date.now() - loadStartMs,
      waitRecovered: (timeoutMs = RECOVERY_TIMEOUT_MS) => waitRecovered(cluster, sdk, timeoutMs),
    };
    const nemesis = options.faults?.length
      ? new Nemesis(cluster, {
          seed,
          faults: options.faults,
          recovery: context.waitRecovered,
          ...options.nemesis,
          log,
        })
      : undefined;
    // A failing script stops the Nemesis too (it lifts its fault first), so
    // that no fault is injected into a cluster the caller is about to stop.
    const abort = new AbortController();
    const stopAllOnError = (err: unknown): never => {
      abort.abort(err);
      throw err;
    };
    const settled = await Promise.allSettled([
      nemesis?.run(options.loadMs, abort.signal).catch(stopAllOnError),
      options.script?.(context).catch(stopAllOnError),
      sleep(options.loadMs, abort.signal).catch(() => undefined),
    ]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    await workload.stop();
    const loadMs = Date.now() - loadStartMs;

    // The write after healing comes before the convergence wait, so that the
    // digests compared (and the snapshots checked) include it everywhere.
    await cluster.heal();
    const healedAtMs = Date.now();
    await context.waitRecovered(RECOVERY_TIMEOUT_MS);
    await writeAfterHeal(workload);
    const converged = await cluster
      .waitForConvergence(CONVERGENCE_TIMEOUT_MS)
      .then(() => true)
      .catch(() => false);
    const convergenceMs = converged ? Date.now() - healedAtMs : undefined;
    const checks = await runCheckers(cluster, history, workload, labelPrefix, convergenceMs);
    const summary = history.summary();
    const report: ScenarioReport = {
      name,
      seed,
      loadMs,
      summary,
      faults: history.faults.filter((f) => f.phase === 'start').length,
      failoverGap: failoverGaps(history),
      convergenceMs,
      checks,
      ok: checks.every((c) => c.ok),
    };
    const line = summaryLine(report);
    log(line);
    const errors = Object.entries(summary.errors).map(([what, count]) => `${what} ×${count}`);
    if (errors.length > 0) log(`[chaos] ${name} errors: ${errors.join(', ')}`);
    const failures = describeFailures(checks);
    if (failures) log(failures);
    return { report, history, workload, line, failures };
  } finally {
    stopListening();
    await workload.stop().catch(() => undefined);
    await sdk.close();
  }
}

/**
 * waitRecovered waits for the orchestrator to report every HSM ACTIVE, then
 * for the SDK client to route to every member again: after a fault a client
 * probes a node it took out only after its backoff (up to a few seconds).
 */
async function waitRecovered(
  cluster: ProcessCluster,
  sdk: HsmCluster,
  timeoutMs: number,
): Promise<boolean> {
  const deadlineMs = Date.now() + timeoutMs;
  if (!(await cluster.waitRecovered(timeoutMs))) return false;
  return waitUntil(
    'the SDK to route to every node',
    () => sdk.nodes().every((n) => n.routable),
    Math.max(0, deadlineMs - Date.now()),
    50,
  )
    .then(() => true)
    .catch(() => false);
}

/**
 * writeAfterHeal makes one more key once the orchestrator has taken the
 * healed nodes back: a healed cluster must take writes again.
 */
async function writeAfterHeal(workload: Workload): Promise<void> {
  for (let attempt = 0; attempt < AFTER_HEAL_ATTEMPTS; attempt++) {
    if (await workload.createOne('after-heal')) return;
    await sleep(AFTER_HEAL_RETRY_MS);
  }
}
