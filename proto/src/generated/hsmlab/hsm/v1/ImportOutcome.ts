// Original file: proto/hsm.proto

export const ImportOutcome = {
  IMPORT_OUTCOME_UNSPECIFIED: 'IMPORT_OUTCOME_UNSPECIFIED',
  IMPORT_OUTCOME_APPLIED: 'IMPORT_OUTCOME_APPLIED',
  IMPORT_OUTCOME_ALREADY_CURRENT: 'IMPORT_OUTCOME_ALREADY_CURRENT',
  IMPORT_OUTCOME_STALE: 'IMPORT_OUTCOME_STALE',
} as const;

export type ImportOutcome =
  | 'IMPORT_OUTCOME_UNSPECIFIED'
  | 0
  | 'IMPORT_OUTCOME_APPLIED'
  | 1
  | 'IMPORT_OUTCOME_ALREADY_CURRENT'
  | 2
  | 'IMPORT_OUTCOME_STALE'
  | 3

export type ImportOutcome__Output = typeof ImportOutcome[keyof typeof ImportOutcome]
