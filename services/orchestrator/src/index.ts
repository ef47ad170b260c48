export { startOrchestrator, type RunningOrchestrator } from './orchestrator';
export { compileOptions, type OrchestratorOptions, type CompiledOptions } from './options';
export { ManualClock, systemClock, type Clock } from './clock';
export {
  OrchestratorError,
  NotFoundError,
  InvalidArgumentError,
  AlreadyExistsError,
  PreconditionError,
  BackupIntegrityError,
  UnavailableError,
  isNotFound,
  isBackupIntegrityError,
} from './errors';
export { CLUSTER_ID_PATTERN, BACKUP_ID_PATTERN, newClusterId } from './ids';
export type { ClusterRecord, HsmRecord, HsmState, ClusterState } from './model/records';
export type { BackupMeta, BackupTrigger, BackupState } from './backup/backup-policy';
export {
  planResync,
  batchCopies,
  type ResyncPlan,
  type PlannedCopy,
  type NodeDigests,
} from './sync/resync-plan';
export { planRetention, type RetentionPolicy } from './backup/backup-policy';
export { HEAP_SNAPSHOT_SIGNAL } from './heap-snapshot';
