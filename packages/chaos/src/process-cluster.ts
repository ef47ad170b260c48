import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HsmCluster, type HsmClientOptions } from '@hsmlab/client';
import { writeManufacturerCa } from '@hsmlab/hsm';
import { bootstrapCluster, waitForActive, waitForHsmGone } from './cluster-bootstrap';
import { ClusterNode } from './cluster-node';
import { ControlClient } from './control-client';
import type { FaultEvent, FaultListener } from './fault-event';
import type { ManagedProcess } from './managed-process';
import {
  orchestratorPaths,
  orchestratorProcess,
  type OrchestratorPaths,
} from './orchestrator-process';
import type { ProbeCredentials } from './node-probe';
import { reservePort } from './ports';
import {
  compileClusterOptions,
  type CompiledClusterOptions,
  type ProcessClusterOptions,
} from './process-cluster-options';
import { ClusterFaults } from './cluster-faults';
import { Random } from './random';
import { readRootDigests, waitForEqualDigests } from './root-digests';

/** APPLIANCE_USERNAME is the sync-plane user every node and the orchestrator share. */
export const APPLIANCE_USERNAME = 'appliance';

/**
 * ProcessCluster is a whole hsmlab cluster as OS processes on loopback, made
 * for chaos tests: an orchestrator, and HSM nodes in AZs, each node behind its
 * own TcpFaultProxy. Clients and the orchestrator reach nodes only through
 * the proxies, so cutting a proxy cuts the node off from both, for real.
 * `faults` breaks it in every way the toolkit knows; checkers look at each
 * node directly (NodeProbe), around the proxies.
 */
export class ProcessCluster extends ClusterFaults {
  /** Every fault applied, in order. */
  readonly faultLog: FaultEvent[] = [];
  override readonly random: Random;
  clusterId = '';
  private readonly members: ClusterNode[] = [];
  private readonly listeners = new Set<FaultListener>();
  private control!: ControlClient;
  private manufacturerCa!: { certPath: string; keyPath: string };
  private nextNodeNumber = 1;
  private stopped = false;

  private constructor(
    readonly options: CompiledClusterOptions,
    override readonly orchestrator: ManagedProcess,
    readonly orchestratorAddress: string,
    private readonly orchestratorFiles: OrchestratorPaths,
  ) {
    super();
    this.random = new Random(options.seed);
  }

  /** start starts the orchestrator and the nodes and makes an ACTIVE cluster with a crypto user. */
  static async start(options: ProcessClusterOptions = {}): Promise<ProcessCluster> {
    const compiled = compileClusterOptions(options);
    const paths = orchestratorPaths(compiled.dir);
    mkdirSync(join(compiled.dir, 'logs'), { recursive: true });
    writeFileSync(paths.passwordFile, compiled.appliancePassword, { mode: 0o600 });
    const orchestratorAddress = `127.0.0.1:${await reservePort()}`;
    const orchestrator = orchestratorProcess(compiled, orchestratorAddress, paths);
    const cluster = new ProcessCluster(compiled, orchestrator, orchestratorAddress, paths);
    try {
      const ca = await writeManufacturerCa(join(compiled.dir, 'manufacturer-ca'));
      cluster.manufacturerCa = { certPath: ca.certPath, keyPath: ca.keyPath };
      await orchestrator.start();
      cluster.control = new ControlClient(orchestratorAddress);
      const nodes: ClusterNode[] = [];
      for (const az of compiled.azs) nodes.push(await cluster.createNode(az));
      await Promise.all(nodes.map((node) => node.start()));
      cluster.clusterId = await bootstrapCluster({
        control: cluster.control,
        nodes,
        officerPassword: compiled.officerPassword,
        user: compiled.user,
      });
      await cluster.waitForConvergence();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** nodes are the cluster's HSM nodes now (added ones included, removed ones not). */
  override get nodes(): readonly ClusterNode[] {
    return this.members;
  }

  /** user is the crypto user made at start. */
  get user(): ProbeCredentials {
    return this.options.user;
  }

  /** appliance is the sync-plane user, for probes that read status and digests. */
  get appliance(): ProbeCredentials {
    return { username: APPLIANCE_USERNAME, password: this.options.appliancePassword };
  }

  /** orchestratorDataDir is the orchestrator's data dir (state and backups). */
  get orchestratorDataDir(): string {
    return this.orchestratorFiles.dataDir;
  }

  /** orchestratorLogFile holds every line the orchestrator printed. */
  get orchestratorLogFile(): string {
    return this.orchestratorFiles.logFile;
  }

  /** logDir holds one log file per process. */
  get logDir(): string {
    return join(this.options.dir, 'logs');
  }

  override node(id: string): ClusterNode {
    const node = this.members.find((n) => n.id === id);
    if (!node)
      throw new Error(
        `no node ${id} in the cluster (have ${this.members.map((n) => n.id).join(', ')})`,
      );
    return node;
  }

  /** azs lists the AZ labels of the current nodes, without repeats. */
  azs(): string[] {
    return [...new Set(this.members.map((n) => n.az))];
  }

  /**
   * sdkOptions are options for HsmCluster.connect as the crypto user, with
   * `minReplicas: 2` spelled out (the SDK would lower its default while the
   * orchestrator reports nodes DEGRADED). `overrides` win.
   */
  sdkOptions(overrides: HsmClientOptions = {}): HsmClientOptions {
    const membership: HsmClientOptions =
      this.options.membership === 'orchestrator'
        ? { orchestrator: this.orchestratorAddress, clusterId: this.clusterId }
        : { nodes: this.members.map((n) => n.address) };
    return {
      ...membership,
      insecure: true,
      credentials: { ...this.options.user },
      minReplicas: 2,
      env: {},
      ...overrides,
    };
  }

  /** connect opens an SDK client with sdkOptions(overrides). */
  connect(overrides: HsmClientOptions = {}): Promise<HsmCluster> {
    return HsmCluster.connect(this.sdkOptions(overrides));
  }

  /** onFault calls listener with every fault from now on; the returned function stops it. */
  onFault(listener: FaultListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** addNode starts a node in `az` and adds it through the orchestrator (AddHsm). */
  async addNode(az: string, options: { waitActive?: boolean } = {}): Promise<ClusterNode> {
    const node = await this.createNode(az);
    await node.start();
    await this.control.addHsm({
      clusterId: this.clusterId,
      az,
      address: node.address,
      hsmId: node.id,
    });
    this.record({
      atMs: Date.now(),
      phase: 'start',
      action: 'add-hsm',
      target: node.id,
      detail: `az ${az}`,
    });
    if (options.waitActive ?? true) await waitForActive(this.control, this.clusterId, [node.id]);
    return node;
  }

  /** removeNode removes a node through the orchestrator (RemoveHsm), then stops it. */
  async removeNode(id: string): Promise<void> {
    const node = this.node(id);
    await this.control.removeHsm(this.clusterId, id);
    this.record({ atMs: Date.now(), phase: 'start', action: 'remove-hsm', target: id });
    await waitForHsmGone(this.control, this.clusterId, id);
    this.members.splice(this.members.indexOf(node), 1);
    await node.close();
  }

  /** describe is the orchestrator's DescribeCluster. */
  describe(): ReturnType<ControlClient['describeCluster']> {
    return this.control.describeCluster(this.clusterId);
  }

  /** digests reads each node's root digest (hex) directly; undefined for a node that did not answer. */
  digests(): Promise<Record<string, string | undefined>> {
    return readRootDigests(this.members, this.appliance);
  }

  /**
   * waitForConvergence waits until every node answers with the same root
   * digest and resolves with how long that took, in milliseconds.
   */
  waitForConvergence(timeoutMs = 60_000): Promise<number> {
    return waitForEqualDigests(() => this.members, this.appliance, timeoutMs);
  }

  /**
   * waitRecovered waits until the orchestrator reports the cluster and every
   * HSM ACTIVE; false when that did not happen within timeoutMs.
   */
  async waitRecovered(timeoutMs = 30_000): Promise<boolean> {
    const ids = this.members.map((n) => n.id);
    return waitForActive(this.control, this.clusterId, ids, timeoutMs)
      .then(() => true)
      .catch(() => false);
  }

  /** stop stops every process and proxy; the directory is deleted unless it was given or kept. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.control?.close();
    await this.orchestrator.close();
    await Promise.all(this.members.map((node) => node.close()));
    if (this.options.removeDirOnStop) rmSync(this.options.dir, { recursive: true, force: true });
  }

  protected override record(event: FaultEvent): void {
    this.faultLog.push(event);
    for (const listener of this.listeners) listener(event);
  }

  /** createNode makes a node (not yet started) with the next id and a reserved port. */
  private async createNode(az: string): Promise<ClusterNode> {
    const node = new ClusterNode({
      id: `hsm-${this.nextNodeNumber++}`,
      az,
      rootDir: this.options.dir,
      logDir: this.logDir,
      port: await reservePort(),
      hsmMain: this.options.hsmMain,
      appliancePasswordFile: this.orchestratorFiles.passwordFile,
      manufacturerCa: this.manufacturerCa,
      logLevel: this.options.logLevel,
      extraArgs: this.options.nodeArgs,
      proxySeed: this.random.nextUint32(),
    });
    this.members.push(node);
    return node;
  }
}
