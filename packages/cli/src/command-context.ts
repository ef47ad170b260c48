import type { Command } from 'commander';
import { HsmCluster, type Credentials } from '@hsmlab/client';
import { UsageError } from './cli-errors';
import { resolveTarget, type ClusterTarget } from './cluster-target';
import { ControlClient } from './control-client';
import { globalOptionsOf, type GlobalOptions } from './global-options';
import { DEFAULT_LAB_DIR } from './lab-files';
import { Output } from './output';

/**
 * LoginAs says which user a command needs: a crypto user (keys and crypto),
 * a crypto officer (users), or nobody (activation, node status).
 */
export type LoginAs = 'crypto-user' | 'crypto-officer' | 'nobody';

/** CONNECT_TIMEOUT_MS bounds how long a command waits for the first node to answer. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * CommandContext is what one command run has: its global options, its
 * printer, and lazily opened connections (SDK cluster, orchestrator) that
 * `close` shuts whatever happens.
 */
export class CommandContext {
  readonly options: GlobalOptions;
  readonly output: Output;
  private targetPromise: Promise<ClusterTarget> | undefined;
  private readonly clusters: HsmCluster[] = [];
  private controlClient: ControlClient | undefined;

  constructor(command: Command) {
    this.options = globalOptionsOf(command);
    this.output = new Output(this.options.json === true);
  }

  /** labDir is the lab directory the command uses. */
  get labDir(): string {
    return this.options.labDir ?? DEFAULT_LAB_DIR;
  }

  /** target resolves where calls go (once per run). */
  target(): Promise<ClusterTarget> {
    this.targetPromise ??= resolveTarget(this.options);
    return this.targetPromise;
  }

  /** credentialsFor picks the user to log in as: the one given, else the lab's user of that role. */
  async credentialsFor(as: LoginAs): Promise<Credentials | undefined> {
    if (as === 'nobody') return undefined;
    const target = await this.target();
    if (target.givenUser !== undefined) return target.givenUser;
    const lab = target.labUsers;
    if (lab !== undefined) return as === 'crypto-officer' ? lab.cryptoOfficer : lab.cryptoUser;
    const role = as === 'crypto-officer' ? 'a crypto officer' : 'a crypto user';
    throw new UsageError(
      `this command logs in as ${role}: give --user and --password (or HSMLAB_USER and HSMLAB_PASSWORD)`,
    );
  }

  /** cluster connects the SDK to the target's cluster, logged in as `as`. */
  async cluster(as: LoginAs): Promise<HsmCluster> {
    const target = await this.target();
    const credentials = await this.credentialsFor(as);
    const cluster = await HsmCluster.connect({
      nodes: target.nodes === undefined ? undefined : [...target.nodes],
      orchestrator: target.nodes === undefined ? target.orchestrator : undefined,
      clusterId: target.nodes === undefined ? target.clusterId : undefined,
      tls: target.tls,
      insecure: target.insecure,
      credentials,
      defaultDeadlineMs: target.deadlineMs,
      connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, target.deadlineMs),
      // Credentials come only from the CLI's own resolution above.
      env: {},
    });
    this.clusters.push(cluster);
    return cluster;
  }

  /** control opens the orchestrator client; a usage error when no orchestrator is known. */
  async control(): Promise<ControlClient> {
    if (this.controlClient !== undefined) return this.controlClient;
    const target = await this.target();
    if (target.orchestrator === undefined) {
      throw new UsageError(
        'this command talks to the orchestrator: give --orchestrator (or HSMLAB_ORCHESTRATOR), or run it in a lab',
      );
    }
    this.controlClient = new ControlClient({
      address: target.orchestrator,
      tls: target.tls,
      deadlineMs: target.deadlineMs,
    });
    return this.controlClient;
  }

  /** clusterId is the cluster a control-plane command acts on. */
  async clusterId(): Promise<string> {
    const target = await this.target();
    return (await this.control()).resolveClusterId(target.clusterId);
  }

  /** close logs out and closes every connection the run opened. */
  async close(): Promise<void> {
    this.controlClient?.close();
    await Promise.allSettled(this.clusters.map((cluster) => cluster.close()));
  }
}

/** ActionHandler is the body of one command: its context, positional arguments and options. */
export type ActionHandler<Options> = (
  context: CommandContext,
  args: string[],
  options: Options,
) => Promise<void>;

/**
 * action adapts a handler to commander's action signature: it builds the
 * context, runs the handler and always closes the context. Errors go up to
 * the program, which prints them in one line.
 */
export function action<Options>(
  handler: ActionHandler<Options>,
): (...params: unknown[]) => Promise<void> {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const options = params[params.length - 2] as Options;
    const args = params.slice(0, -2).flat() as string[];
    const context = new CommandContext(command);
    try {
      await handler(context, args, options);
    } finally {
      await context.close();
    }
  };
}

/** requireValue fails with a usage error when a required flag is missing. */
export function requireValue<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}
