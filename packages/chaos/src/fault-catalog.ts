import type { ClusterFaults, OneWay } from './cluster-faults';
import type { ClusterNode } from './cluster-node';
import type { Random } from './random';
import { STORAGE_FAULT_KINDS, type StorageFaultKind } from './storage-faults';

/** ALL_FAULTS lists every FaultKind. */
export const ALL_FAULTS = [
  'kill',
  'pause',
  'partition',
  'partition-one-way',
  'slow-links',
  'blackhole',
  'reset-connections',
  'kill-orchestrator',
  'clock-jump',
  'storage',
  'crash-all',
  'two-down',
] as const;

/** FaultKind names a fault the Nemesis can inject. */
export type FaultKind = (typeof ALL_FAULTS)[number];

/** FaultParams are a planned fault's choices, drawn when the schedule is made. */
export interface FaultParams {
  /** Node ids the fault hits (empty for the orchestrator or the whole cluster). */
  nodes: string[];
  az?: string;
  oneWay?: OneWay;
  latencyMs?: number;
  jitterMs?: number;
  clockOffsetMs?: number;
  storageKind?: StorageFaultKind;
}

/** FaultRecipe knows how to choose, inject and lift one kind of fault. */
interface FaultRecipe {
  choose(random: Random, nodes: readonly ClusterNode[]): FaultParams;
  apply(cluster: ClusterFaults, params: FaultParams): Promise<void>;
  lift(cluster: ClusterFaults, params: FaultParams): Promise<void>;
}

/** CLOCK_OFFSETS_MS are the jumps a clock fault picks from: small and large, both ways, past a session's life. */
const CLOCK_OFFSETS_MS = [-2 * 3600_000, -10 * 60_000, 10 * 60_000, 2 * 3600_000, 9 * 3600_000];

const oneNode = (random: Random, nodes: readonly ClusterNode[]): FaultParams => ({
  nodes: [random.pick(nodes).id],
});
const noNode = (): FaultParams => ({ nodes: [] });
const nothing = async (): Promise<void> => undefined;

function oneAz(random: Random, nodes: readonly ClusterNode[]): FaultParams {
  const az = random.pick([...new Set(nodes.map((n) => n.az))].sort());
  return { nodes: nodes.filter((n) => n.az === az).map((n) => n.id), az };
}

/** twoAzs picks one node in each of two AZs (two nodes of one AZ when there is only one). */
function twoAzs(random: Random, nodes: readonly ClusterNode[]): FaultParams {
  const azs = random.shuffle([...new Set(nodes.map((n) => n.az))].sort());
  if (azs.length < 2) return { nodes: random.shuffle(nodes.map((n) => n.id)).slice(0, 2) };
  return { nodes: azs.slice(0, 2).map((az) => random.pick(nodes.filter((n) => n.az === az)).id) };
}

const RECIPES: Record<FaultKind, FaultRecipe> = {
  kill: {
    choose: oneNode,
    apply: (c, p) => c.killNode(p.nodes[0]!),
    lift: (c, p) => c.restartNode(p.nodes[0]!),
  },
  pause: {
    choose: oneNode,
    apply: async (c, p) => c.pauseNode(p.nodes[0]!),
    lift: async (c, p) => c.resumeNode(p.nodes[0]!),
  },
  partition: {
    choose: oneAz,
    apply: async (c, p) => c.partitionAz(p.az!),
    lift: async (c, p) => c.healNetwork(p.nodes),
  },
  'partition-one-way': {
    choose: (random, nodes) => ({
      ...oneAz(random, nodes),
      oneWay: random.pick<OneWay>(['inbound', 'outbound']),
    }),
    apply: async (c, p) => c.partitionAz(p.az!, { oneWay: p.oneWay }),
    lift: async (c, p) => c.healNetwork(p.nodes),
  },
  'slow-links': {
    choose: (random, nodes) => ({
      nodes: nodes.map((n) => n.id),
      latencyMs: random.int(20, 150),
      jitterMs: random.int(0, 100),
    }),
    apply: async (c, p) =>
      c.slowLinks({ latencyMs: p.latencyMs!, jitterMs: p.jitterMs, nodeIds: p.nodes }),
    lift: async (c, p) => c.healNetwork(p.nodes),
  },
  blackhole: {
    choose: oneNode,
    apply: async (c, p) => c.blackholeNode(p.nodes[0]!),
    lift: async (c, p) => c.healNetwork(p.nodes),
  },
  'reset-connections': {
    choose: oneNode,
    apply: async (c, p) => void c.resetConnections(p.nodes[0]!),
    lift: nothing,
  },
  'kill-orchestrator': {
    choose: noNode,
    apply: (c) => c.killOrchestrator(),
    lift: (c) => c.restartOrchestrator(),
  },
  'clock-jump': {
    choose: (random, nodes) => ({
      ...oneNode(random, nodes),
      clockOffsetMs: random.pick(CLOCK_OFFSETS_MS),
    }),
    apply: (c, p) => c.clockJump(p.nodes[0]!, p.clockOffsetMs!),
    lift: (c, p) => c.clockJump(p.nodes[0]!, 0),
  },
  storage: {
    choose: (random, nodes) => ({
      ...oneNode(random, nodes),
      storageKind: random.pick(STORAGE_FAULT_KINDS),
    }),
    apply: async (c, p) => void (await c.storageFault(p.nodes[0]!, p.storageKind!)),
    lift: nothing,
  },
  'crash-all': {
    choose: noNode,
    apply: (c) => c.crashAll(),
    lift: (c) => c.heal(),
  },
  'two-down': {
    choose: twoAzs,
    apply: async (c, p) => void (await Promise.all(p.nodes.map((id) => c.killNode(id)))),
    lift: async (c, p) => void (await Promise.all(p.nodes.map((id) => c.restartNode(id)))),
  },
};

/** chooseFault draws the parameters of one fault of `kind` against the given nodes. */
export function chooseFault(
  kind: FaultKind,
  random: Random,
  nodes: readonly ClusterNode[],
): FaultParams {
  return RECIPES[kind].choose(random, nodes);
}

/** applyFault injects a chosen fault. */
export function applyFault(
  cluster: ClusterFaults,
  kind: FaultKind,
  params: FaultParams,
): Promise<void> {
  return RECIPES[kind].apply(cluster, params);
}

/** liftFault undoes a fault applyFault injected (nothing for instant faults such as storage). */
export function liftFault(
  cluster: ClusterFaults,
  kind: FaultKind,
  params: FaultParams,
): Promise<void> {
  return RECIPES[kind].lift(cluster, params);
}

/** describeFault renders a chosen fault in a few words. */
export function describeFault(kind: FaultKind, params: FaultParams): string {
  const parts: string[] = [kind];
  if (params.az !== undefined) parts.push(`az ${params.az}`);
  else if (params.nodes.length > 0) parts.push(params.nodes.join('+'));
  if (params.oneWay) parts.push(params.oneWay);
  if (params.latencyMs !== undefined) parts.push(`${params.latencyMs}±${params.jitterMs ?? 0} ms`);
  if (params.clockOffsetMs !== undefined)
    parts.push(`${params.clockOffsetMs > 0 ? '+' : ''}${params.clockOffsetMs / 60_000} min`);
  if (params.storageKind) parts.push(params.storageKind);
  return parts.join(' ');
}
