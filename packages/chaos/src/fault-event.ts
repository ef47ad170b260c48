/**
 * FaultEvent records one fault applied to (or lifted from) a cluster, for
 * reports: failover gaps are measured from `atMs` of each `start`.
 */
export interface FaultEvent {
  /** Wall-clock time (Date.now()) the fault took effect. */
  atMs: number;
  /** `start` for a fault, `end` when one fault is lifted, `heal` when all are. */
  phase: 'start' | 'end' | 'heal';
  /** What was done, such as `kill`, `pause`, `partition`, `clock-jump`. */
  action: string;
  /** Node ids, an AZ, or `orchestrator`. */
  target: string;
  detail?: string;
}

/** FaultListener receives every FaultEvent as it happens. */
export type FaultListener = (event: FaultEvent) => void;
