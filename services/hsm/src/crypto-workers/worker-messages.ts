import type { KeyObject } from 'node:crypto';

/**
 * The messages between a node's main thread and its crypto worker threads.
 * A batch is flat on purpose: structured cloning an object per job cost
 * more than the signature it carried, so jobs travel as rows of numbers in
 * one Int32Array and their data in one packed buffer, both transferred.
 */

/** WorkerKey hands a parsed private key to a worker under a pool-wide id. */
export interface WorkerKey {
  id: number;
  key: KeyObject;
}

/** JOB_FIELDS is the number of int32 fields of one job row in SignBatchMessage.jobs. */
export const JOB_FIELDS = 6;
/** Field offsets in a job row. */
export const JOB = {
  keyId: 0,
  /** Index into SignBatchMessage.hashes, or -1 for none (Ed25519). */
  hash: 1,
  /** DSA_ENCODINGS index, or -1. */
  dsaEncoding: 2,
  /** RSA padding constant, or -1. */
  padding: 3,
  /** RSA-PSS salt length, or -1. */
  saltLength: 4,
  /** Bytes of the job's data; data of job i follows that of job i - 1. */
  length: 5,
} as const;

export const DSA_ENCODINGS = ['der', 'ieee-p1363'] as const;

export interface SignBatchMessage {
  type: 'sign';
  batchId: number;
  keys: WorkerKey[];
  hashes: string[];
  jobs: Int32Array;
  data: Uint8Array;
}

/** ForgetKeysMessage drops keys the main thread no longer holds. */
export interface ForgetKeysMessage {
  type: 'forget';
  ids: number[];
}

export type ToWorker = SignBatchMessage | ForgetKeysMessage;

/**
 * SignBatchResult answers a batch: signatures packed in `data` in job
 * order, `lengths[i]` bytes each; a job that failed has length -1 and its
 * message in `errors` (absent when none failed).
 */
export interface SignBatchResult {
  batchId: number;
  data: Uint8Array;
  lengths: Int32Array;
  errors?: Record<number, string>;
}
