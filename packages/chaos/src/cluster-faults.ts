import { jumpClock } from './clock-jump';
import type { ClusterNode } from './cluster-node';
import type { FaultEvent } from './fault-event';
import type { Direction, LinkFaults } from './link-faults';
import type { ManagedProcess } from './managed-process';
import type { Random } from './random';
import {
  injectStorageFault,
  type StorageFaultKind,
  type StorageFaultOptions,
  type StorageFaultReport,
} from './storage-faults';

/**
 * OneWay names a one-way partition of an AZ: `inbound` drops what is sent
 * to its nodes (requests never arrive), `outbound` what they send back
 * (requests run, replies are lost).
 */
export type OneWay = 'inbound' | 'outbound';

/** partitionCut is the proxy directions a partition holds: up is toward the node. */
function partitionCut(oneWay: OneWay | undefined): Direction[] {
  if (oneWay === 'inbound') return ['up'];
  if (oneWay === 'outbound') return ['down'];
  return ['up', 'down'];
}

/** SlowLinkOptions describe a slow network on every link (or some). */
export interface SlowLinkOptions {
  latencyMs: number;
  /** @default 0 */
  jitterMs?: number;
  /** @default 0 (unlimited) */
  bandwidthBytesPerSecond?: number;
  /** Nodes whose links slow down. @default every node */
  nodeIds?: readonly string[];
}

/**
 * ClusterFaults is the fault API of a process cluster: processes, network,
 * clocks and disks. Every fault is recorded (FaultEvent) the moment it takes
 * effect, and heal() undoes all of them. ProcessCluster supplies the nodes.
 */
export abstract class ClusterFaults {
  abstract get nodes(): readonly ClusterNode[];
  abstract readonly orchestrator: ManagedProcess;
  abstract readonly random: Random;
  abstract node(id: string): ClusterNode;
  protected abstract record(event: FaultEvent): void;

  /** killNode kills a node's process (SIGKILL); its proxy stays, refusing like a dead host. */
  async killNode(id: string): Promise<void> {
    await this.node(id).process.kill('SIGKILL');
    this.note('start', 'kill', id);
  }

  /** restartNode starts a killed node again, with its data dir, port and clock offset. */
  async restartNode(id: string): Promise<void> {
    const node = this.node(id);
    if (node.running) return;
    await node.start();
    this.note('end', 'kill', id, 'restarted');
  }

  /** pauseNode stops a node in place (SIGSTOP): connections stay open and nothing answers. */
  pauseNode(id: string): void {
    this.node(id).process.pause();
    this.note('start', 'pause', id);
  }

  resumeNode(id: string): void {
    this.node(id).process.resume();
    this.note('end', 'pause', id);
  }

  /**
   * partitionAz cuts every node of `az` off from clients and the orchestrator
   * (both ways, or one way with `oneWay`). Held bytes arrive after heal(), as
   * TCP would deliver them.
   */
  partitionAz(az: string, options: { oneWay?: OneWay } = {}): void {
    const nodes = this.nodes.filter((n) => n.az === az);
    if (nodes.length === 0) throw new Error(`no node in AZ ${az}`);
    const cut = partitionCut(options.oneWay);
    for (const node of nodes) node.proxy.updateFaults({ cut });
    this.note('start', 'partition', `az ${az}`, options.oneWay ?? 'both ways');
  }

  /** partitionNode cuts one node off, like partitionAz. */
  partitionNode(id: string, options: { oneWay?: OneWay } = {}): void {
    this.node(id).proxy.updateFaults({ cut: partitionCut(options.oneWay) });
    this.note('start', 'partition', id, options.oneWay ?? 'both ways');
  }

  /** blackholeNode drops every byte to and from a node; its connections are reset on heal. */
  blackholeNode(id: string): void {
    this.node(id).proxy.updateFaults({ blackhole: true });
    this.note('start', 'blackhole', id);
  }

  /** resetConnections resets every open connection to a node (clients reconnect). */
  resetConnections(id: string): number {
    const count = this.node(id).proxy.resetConnections();
    this.note('start', 'reset-connections', id, `${count} connections`);
    return count;
  }

  /** healNetwork heals the proxies of the given nodes (every node by default). */
  healNetwork(nodeIds?: readonly string[]): void {
    const nodes = this.selectNodes(nodeIds);
    for (const node of nodes) node.proxy.heal();
    this.note('end', 'network', nodes.map((n) => n.id).join(','));
  }

  /** setLinkFaults applies faults to the proxies of the given nodes (every node by default). */
  setLinkFaults(faults: LinkFaults, nodeIds?: readonly string[]): void {
    for (const node of this.selectNodes(nodeIds)) node.proxy.updateFaults(faults);
  }

  /** slowLinks adds latency, jitter and optionally a bandwidth limit to nodes' links. */
  slowLinks(options: SlowLinkOptions): void {
    const nodes = this.selectNodes(options.nodeIds);
    for (const node of nodes) {
      node.proxy.updateFaults({
        latencyMs: options.latencyMs,
        jitterMs: options.jitterMs ?? 0,
        bandwidthBytesPerSecond: options.bandwidthBytesPerSecond ?? 0,
      });
    }
    const detail = `${options.latencyMs}±${options.jitterMs ?? 0} ms`;
    this.note('start', 'slow-links', nodes.map((n) => n.id).join(','), detail);
  }

  /** killOrchestrator kills the orchestrator (SIGKILL); clients keep their last membership. */
  async killOrchestrator(): Promise<void> {
    await this.orchestrator.kill('SIGKILL');
    this.note('start', 'kill', 'orchestrator');
  }

  /** restartOrchestrator starts it again with its data dir and port. */
  async restartOrchestrator(): Promise<void> {
    if (this.orchestrator.running) return;
    await this.orchestrator.start();
    this.note('end', 'kill', 'orchestrator', 'restarted');
  }

  /** clockJump sets a running node's clock offset from the machine's clock (0 puts it back). */
  async clockJump(id: string, offsetMs: number): Promise<void> {
    const node = this.node(id);
    await jumpClock(node.dataDir, node.process, offsetMs);
    node.clockOffsetMs = offsetMs;
    this.note(offsetMs === 0 ? 'end' : 'start', 'clock-jump', id, `${offsetMs} ms`);
  }

  /**
   * storageFault kills a node, damages its journal (StorageFaultKind) and
   * starts it again; the report says what was damaged.
   */
  async storageFault(
    id: string,
    kind: StorageFaultKind,
    options: StorageFaultOptions = {},
  ): Promise<StorageFaultReport> {
    const node = this.node(id);
    await node.process.kill('SIGKILL');
    const report = await injectStorageFault(node.dataDir, kind, {
      random: this.random.fork(),
      ...options,
    });
    this.note('start', 'storage-fault', id, `${kind}: ${report.detail}`);
    await node.start();
    return report;
  }

  /** crashAll kills every node and the orchestrator at once (a power cut). */
  async crashAll(): Promise<void> {
    await Promise.all([
      ...this.nodes.map((n) => n.process.kill('SIGKILL')),
      this.orchestrator.kill('SIGKILL'),
    ]);
    this.note('start', 'crash-all', 'cluster');
  }

  /**
   * heal undoes every fault: paused nodes resume, killed ones and the
   * orchestrator start again, proxies heal, and moved clocks go back to 0.
   */
  async heal(): Promise<void> {
    for (const node of this.nodes) if (node.paused) node.process.resume();
    for (const node of this.nodes) node.proxy.heal();
    await Promise.all([
      ...this.nodes.filter((n) => !n.running).map((n) => n.start()),
      this.orchestrator.running
        ? Promise.resolve()
        : this.orchestrator.start().then(() => undefined),
    ]);
    for (const node of this.nodes) {
      if (node.clockOffsetMs === 0) continue;
      await jumpClock(node.dataDir, node.process, 0);
      node.clockOffsetMs = 0;
    }
    this.note('heal', 'heal', 'cluster');
  }

  /** selectNodes resolves node ids (every node when none are given). */
  private selectNodes(nodeIds: readonly string[] | undefined): readonly ClusterNode[] {
    return nodeIds ? nodeIds.map((id) => this.node(id)) : this.nodes;
  }

  private note(phase: FaultEvent['phase'], action: string, target: string, detail?: string): void {
    this.record({ atMs: Date.now(), phase, action, target, detail });
  }
}
