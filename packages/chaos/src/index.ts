// @hsmlab/chaos: the hsmlab chaos toolkit. Everything exported here is public API;
// every other module is internal.

// Network faults.
export { TcpFaultProxy, type TcpFaultProxyOptions, type ProxyStats } from './tcp-fault-proxy';
export {
  describeLinkFaults,
  type LinkFaults,
  type CompiledLinkFaults,
  type Direction,
} from './link-faults';

// Process, storage and clock faults on any node process.
export {
  pauseProcess,
  resumeProcess,
  killProcess,
  crashAndRestart,
  pauseFor,
  isAlive,
  type ProcessTarget,
  type RestartableProcess,
} from './process-faults';
export {
  injectStorageFault,
  frameOffsets,
  STORAGE_FAULT_KINDS,
  JOURNAL_FILE,
  type StorageFaultKind,
  type StorageFaultOptions,
  type StorageFaultReport,
} from './storage-faults';
export { jumpClock, CHAOS_FILE } from './clock-jump';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process';

// A whole cluster as processes, and its faults.
export { ProcessCluster, APPLIANCE_USERNAME } from './process-cluster';
export type { ProcessClusterOptions, Membership } from './process-cluster-options';
export {
  startChaosCluster,
  useChaosCluster,
  type ChaosCluster,
  type SuiteHooks,
} from './chaos-fixture';
export { ClusterFaults, type OneWay, type SlowLinkOptions } from './cluster-faults';
export type { ClusterNode } from './cluster-node';
export { NodeProbe, type Presence, type ProbeCredentials } from './node-probe';
export type { FaultEvent, FaultListener } from './fault-event';

// Seeds, the nemesis, histories and checkers.
export { Random, resolveSeed, SEED_ENV } from './random';
export { Nemesis, type NemesisOptions, type NemesisTarget, type PlannedFault } from './nemesis';
export { ALL_FAULTS, describeFault, type FaultKind, type FaultParams } from './fault-catalog';
export { History, type Op, type OpOutcome, type OpError, type HistorySummary } from './history';
export { classifyError, errorName, type ErrorClass } from './outcome';
export { Workload, type WorkloadOptions } from './workload';
export * from './workload-types';
export { probeHolders } from './replica-probe';
export { snapshotNodes, type NodeSnapshot } from './cluster-snapshot';
export {
  checkResult,
  checkEveryKindServed,
  describeFailures,
  type CheckResult,
} from './check-result';
export {
  checkNoKeyLost,
  checkNoPhantomKeys,
  checkNoResurrection,
  checkReads,
  type KeyCheckScope,
} from './check-keys';
export { checkReplicatedAtAck } from './check-replication';
export { checkSignatures, checkCiphertexts } from './check-crypto';
export { checkConvergence, STRICT_TIMING_ENV } from './check-convergence';
export { checkAuditSequences, type AuditSource } from './check-audit';
export { checkNoCanaryLeak, canaryPatterns } from './check-canary';
export {
  failoverGaps,
  percentile,
  summaryLine,
  CONVERGENCE_TARGET_MS,
  type ScenarioReport,
  type GapStats,
} from './scenario-report';
export { runCheckers } from './run-checkers';
export {
  runScenario,
  type ScenarioOptions,
  type ScenarioResult,
  type ScenarioContext,
} from './scenario';
export { soakScale, soakSeeds, isSoak, scenarioTimeoutMs, SOAK_ENV } from './soak';
export { sleep, waitUntil } from './sleep';
