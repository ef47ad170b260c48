import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { NodeProbe, type ProbeCredentials } from './node-probe';
import { TcpFaultProxy } from './tcp-fault-proxy';

/** ClusterNodeSpec is what ProcessCluster needs to start one HSM node. */
export interface ClusterNodeSpec {
  id: string;
  az: string;
  /** Directory for the node's data dir. */
  rootDir: string;
  logDir: string;
  port: number;
  hsmMain: string;
  appliancePasswordFile: string;
  manufacturerCa: { certPath: string; keyPath: string };
  logLevel: string;
  extraArgs: readonly string[];
  /** Seed of the proxy's jitter and reset draws. */
  proxySeed: number;
}

/**
 * ClusterNode is one HSM node of a ProcessCluster: its process, its data dir,
 * and the TcpFaultProxy every client and the orchestrator reach it through.
 * The node keeps its port (and so the proxy its target) across restarts, and
 * its clock offset too, as a real machine's clock stays wrong after a reboot.
 */
export class ClusterNode {
  readonly id: string;
  readonly az: string;
  readonly dataDir: string;
  /** The node's own address; only observers (NodeProbe) use it. */
  readonly directAddress: string;
  readonly proxy: TcpFaultProxy;
  readonly process: ManagedProcess;
  /** Offset of the node's clock from the machine's, in milliseconds. */
  clockOffsetMs = 0;
  private readonly probes = new Map<string, NodeProbe>();
  /** Environment of the node process; the clock offset is set here before every start. */
  private readonly env: NodeJS.ProcessEnv = {};

  constructor(spec: ClusterNodeSpec) {
    this.id = spec.id;
    this.az = spec.az;
    this.dataDir = join(spec.rootDir, spec.id);
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.directAddress = `127.0.0.1:${spec.port}`;
    this.proxy = new TcpFaultProxy({
      target: this.directAddress,
      name: spec.id,
      seed: spec.proxySeed,
    });
    const args = [
      '--node-id',
      spec.id,
      '--az',
      spec.az,
      '--data-dir',
      this.dataDir,
      '--listen',
      this.directAddress,
      '--insecure',
      '--appliance-password-file',
      spec.appliancePasswordFile,
      '--manufacturer-ca-cert',
      spec.manufacturerCa.certPath,
      '--manufacturer-ca-key',
      spec.manufacturerCa.keyPath,
      '--log-level',
      spec.logLevel,
      ...spec.extraArgs,
    ];
    this.process = new ManagedProcess({
      name: spec.id,
      main: spec.hsmMain,
      args,
      env: this.env,
      readyMessage: 'node listening',
      logFile: join(spec.logDir, `${spec.id}.log`),
    });
  }

  /** address is where clients and the orchestrator reach the node: its proxy. */
  get address(): string {
    return this.proxy.address;
  }

  get running(): boolean {
    return this.process.running;
  }

  get paused(): boolean {
    return this.process.paused;
  }

  /** start starts the process (with its current clock offset) and, the first time, its proxy. */
  async start(): Promise<void> {
    // The offset is passed at every start, so a restart keeps the node's wrong clock.
    this.env.HSMLAB_CLOCK_OFFSET_MS = String(this.clockOffsetMs);
    await this.process.start();
    if (!this.proxy.started) await this.proxy.start();
  }

  /** probe returns this node's cached NodeProbe for a user (direct connection). */
  probe(user: ProbeCredentials): NodeProbe {
    const key = `${user.username}\u0000${user.password}`;
    let probe = this.probes.get(key);
    if (!probe) {
      probe = new NodeProbe(this.directAddress, user);
      this.probes.set(key, probe);
    }
    return probe;
  }

  /** close stops the process and the proxy and closes the probes. */
  async close(): Promise<void> {
    for (const probe of this.probes.values()) probe.close();
    this.probes.clear();
    await this.process.close();
    await this.proxy.stop();
  }
}
