import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeCredentials } from './node-probe';
import { resolveSeed } from './random';

/** Membership says how SDK clients made by ProcessCluster find the nodes. */
export type Membership = 'orchestrator' | 'seeds';

/** ProcessClusterOptions configure ProcessCluster.start. Every field is optional. */
export interface ProcessClusterOptions {
  /**
   * AZ label of each HSM node, in order; one node per entry, ids `hsm-1`,
   * `hsm-2`, ….
   * @default ['a', 'b', 'c']
   */
  azs?: readonly string[];
  /**
   * Directory for every data dir and log. It is kept after stop().
   * @default a fresh temporary directory, deleted by stop() unless HSMLAB_CHAOS_KEEP=1
   */
  dir?: string;
  /**
   * How clients from sdkOptions() learn the nodes: the orchestrator's
   * WatchCluster stream, or a fixed seed list of the nodes' proxies.
   * @default 'orchestrator'
   */
  membership?: Membership;
  /** @default 1000 (the orchestrator's own default) */
  resyncIntervalMs?: number;
  /** @default 1000 */
  healthIntervalMs?: number;
  /** Failed health checks before the orchestrator marks an HSM DEGRADED. @default 2 */
  unhealthyAfter?: number;
  /** Seed of the proxies' jitter and reset draws. @default HSMLAB_CHAOS_SEED, else random */
  seed?: number;
  /** Log level of every service. @default 'info' */
  logLevel?: string;
  /** Extra flags for every HSM node. */
  nodeArgs?: readonly string[];
  /** Extra flags for the orchestrator. */
  orchestratorArgs?: readonly string[];
  /** The crypto user made at start. @default a user `chaos-user` with a random password */
  user?: ProbeCredentials;
  /** @default HSMLAB_HSM_MAIN, else @hsmlab/hsm's dist/main.js */
  hsmMain?: string;
  /** @default HSMLAB_ORCHESTRATOR_MAIN, else @hsmlab/orchestrator's dist/main.js */
  orchestratorMain?: string;
}

/** CompiledClusterOptions is ProcessClusterOptions with defaults filled in and checked. */
export interface CompiledClusterOptions {
  readonly azs: readonly string[];
  readonly dir: string;
  readonly removeDirOnStop: boolean;
  readonly membership: Membership;
  readonly resyncIntervalMs: number;
  readonly healthIntervalMs: number;
  readonly unhealthyAfter: number;
  readonly seed: number;
  readonly logLevel: string;
  readonly nodeArgs: readonly string[];
  readonly orchestratorArgs: readonly string[];
  readonly user: ProbeCredentials;
  readonly officerPassword: string;
  readonly appliancePassword: string;
  readonly hsmMain: string;
  readonly orchestratorMain: string;
}

const AZ_LABEL = /^[a-z0-9-]{1,32}$/;
/** MAX_NODES is the largest cluster the design allows. */
const MAX_NODES = 28;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`ProcessClusterOptions.${name} must be a positive integer, got ${value}`);
  }
  return value;
}

function secret(): string {
  return randomBytes(12).toString('base64url');
}

/** builtMain finds a service's built entry point, or says how to build it. */
function builtMain(pkg: string): string {
  try {
    return require.resolve(`${pkg}/dist/main.js`);
  } catch {
    throw new Error(`${pkg}/dist/main.js is missing: run "pnpm run build" first`);
  }
}

/** compileClusterOptions fills in defaults and rejects contradictions, naming the option. */
export function compileClusterOptions(
  options: ProcessClusterOptions,
  env: Record<string, string | undefined> = process.env,
): CompiledClusterOptions {
  const azs = options.azs ?? ['a', 'b', 'c'];
  if (azs.length < 1 || azs.length > MAX_NODES) {
    throw new RangeError(
      `ProcessClusterOptions.azs must name 1 to ${MAX_NODES} nodes, got ${azs.length}`,
    );
  }
  azs.forEach((az, i) => {
    if (!AZ_LABEL.test(az))
      throw new RangeError(`ProcessClusterOptions.azs[${i}] is not a valid AZ label: "${az}"`);
  });
  const membership = options.membership ?? 'orchestrator';
  if (membership !== 'orchestrator' && membership !== 'seeds') {
    throw new RangeError(`ProcessClusterOptions.membership must be "orchestrator" or "seeds"`);
  }
  // Mains first: a missing build fails before a temporary directory is made.
  const hsmMain = options.hsmMain ?? env.HSMLAB_HSM_MAIN ?? builtMain('@hsmlab/hsm');
  const orchestratorMain =
    options.orchestratorMain ?? env.HSMLAB_ORCHESTRATOR_MAIN ?? builtMain('@hsmlab/orchestrator');
  return {
    azs,
    dir: options.dir ?? mkdtempSync(join(tmpdir(), 'hsmlab-chaos-')),
    removeDirOnStop: options.dir === undefined && env.HSMLAB_CHAOS_KEEP !== '1',
    membership,
    resyncIntervalMs: positiveInteger('resyncIntervalMs', options.resyncIntervalMs, 1000),
    healthIntervalMs: positiveInteger('healthIntervalMs', options.healthIntervalMs, 1000),
    unhealthyAfter: positiveInteger('unhealthyAfter', options.unhealthyAfter, 2),
    seed: resolveSeed(options.seed, env),
    logLevel: options.logLevel ?? 'info',
    nodeArgs: options.nodeArgs ?? [],
    orchestratorArgs: options.orchestratorArgs ?? [],
    user: options.user ?? { username: 'chaos-user', password: `user-${secret()}` },
    officerPassword: `officer-${secret()}`,
    appliancePassword: `appliance-${secret()}`,
    hsmMain,
    orchestratorMain,
  };
}
