export * from './errors';
export {
  STORAGE_KEY_BYTES,
  STORAGE_KEY_FILE,
  loadOrCreateStorageKey,
  openAtRest,
  sealAtRest,
} from './at-rest';
export {
  Journal,
  type JournalOpenResult,
  type JournalOptions,
  type JournalRecovery,
} from './journal';
export { MAX_FRAME_PAYLOAD_BYTES, type ScanStop } from './journal-format';
export type { GroupCommitStats } from './group-commit-file';
export { loadSnapshot, writeSnapshot, type SnapshotContents } from './snapshot';
export {
  DEFAULT_SNAPSHOT_EVERY_RECORDS,
  JOURNAL_FILE,
  ObjectStore,
  SNAPSHOT_FILE,
  type CommitOutcome,
  type ObjectStoreOptions,
  type StoreRecovery,
} from './object-store';
export {
  NODE_STATE_FILE,
  NodeStateFile,
  type NodeIdentity,
  type NodeState,
  type NodeStateFileOptions,
} from './node-state';
export {
  AUDIT_LOG_FILE,
  AuditLog,
  type AuditEventInput,
  type AuditLogOptions,
  type AuditRecord,
} from './audit-log';
