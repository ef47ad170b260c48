import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@hsmlab/common';
import { runSignPlan, type LoadedKey, type SignPlan } from '../crypto';
import {
  DSA_ENCODINGS,
  JOB,
  JOB_FIELDS,
  type SignBatchMessage,
  type SignBatchResult,
  type WorkerKey,
} from './worker-messages';

/**
 * MIN_JOBS_PER_WORKER is the smallest share of a batch worth a trip to a
 * worker thread: a hop costs tens of microseconds of both threads, an ECDSA
 * P-256 signature about 30-50. A batch of fewer runs on the main thread; 4
 * and 8 measured alike at 64 calls in flight, 16 and 32 worse (bench/README.md).
 */
const MIN_JOBS_PER_WORKER = 8;

interface PendingSign {
  key: LoadedKey;
  plan: SignPlan & { kind: 'asymmetric' };
  data: Buffer;
  resolve: (signature: Buffer) => void;
  reject: (err: Error) => void;
}

interface WorkerSlot {
  worker: Worker;
  /** Key ids this worker holds. */
  keys: Set<number>;
  /** Batches sent and not answered, by id. */
  batches: Map<number, PendingSign[]>;
  /** Jobs sent and not answered. */
  outstanding: number;
}

/**
 * SignPool runs a node's asymmetric signatures (ECDSA, Ed25519, RSA) on
 * worker threads, so that signing uses every core while the main thread
 * serves gRPC. Signatures asked for in one turn of the event loop (a crypto
 * stream batch) are collected, then split across the workers in one message
 * each; a turn with fewer than MIN_JOBS_PER_WORKER signatures, or a pool of
 * zero workers, signs on the main thread.
 *
 * Workers start on first use. Each keeps a copy of the private keys it was
 * given under a pool-wide id; when the main thread drops a LoadedKey (the key
 * was deleted or changed), the workers are told to drop their copy.
 *
 * Invariant: every sign() promise settles exactly once, a worker's crash
 * included (its jobs are rejected).
 */
export class SignPool {
  private readonly workerFile: string | undefined;
  private readonly slots: WorkerSlot[] = [];
  private queue: PendingSign[] = [];
  private flushQueued = false;
  private nextBatchId = 1;
  private nextKeyId = 1;
  private closed = false;
  private readonly keyIds = new WeakMap<LoadedKey, number>();
  private readonly dropped = new FinalizationRegistry<number>((id) => this.forget(id));

  /**
   * @param size worker threads; 0 signs everything on the main thread.
   */
  constructor(
    private readonly size: number,
    private readonly logger: Logger,
  ) {
    const file = join(__dirname, 'sign-worker.js');
    // Under a TypeScript test runner there is no compiled worker: sign in-line.
    this.workerFile = size > 0 && existsSync(file) ? file : undefined;
  }

  /** threads is how many worker threads the pool may run (0: none). */
  get threads(): number {
    return this.workerFile === undefined ? 0 : this.size;
  }

  /**
   * sign runs a checked plan: an HMAC at once, an asymmetric signature with
   * the other signatures of this turn, on a worker when there are enough.
   */
  sign(key: LoadedKey, plan: SignPlan, data: Buffer): Buffer | Promise<Buffer> {
    if (plan.kind === 'hmac' || this.threads === 0 || this.closed) return runSignPlan(plan, data);
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ key, plan, data, resolve, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** close stops the workers; signatures still running on them are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.flush();
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private flush(): void {
    this.flushQueued = false;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const shares = this.closed
      ? 0
      : Math.min(this.size, Math.floor(jobs.length / MIN_JOBS_PER_WORKER));
    if (shares === 0) {
      for (const job of jobs) runInline(job);
      return;
    }
    while (this.slots.length < shares) this.slots.push(this.startWorker());
    const chosen = [...this.slots].sort((a, b) => a.outstanding - b.outstanding).slice(0, shares);
    const per = Math.ceil(jobs.length / shares);
    chosen.forEach((slot, i) => {
      const share = jobs.slice(i * per, (i + 1) * per);
      if (share.length > 0) this.send(slot, share);
    });
  }

  private send(slot: WorkerSlot, jobs: PendingSign[]): void {
    const keys: WorkerKey[] = [];
    const hashes: string[] = [];
    const rows = new Int32Array(jobs.length * JOB_FIELDS);
    let total = 0;
    for (const job of jobs) total += job.data.length;
    const data = new Uint8Array(total);
    let offset = 0;
    jobs.forEach((job, i) => {
      const keyId = this.keyIdOf(job.key);
      if (!slot.keys.has(keyId)) {
        slot.keys.add(keyId);
        keys.push({ id: keyId, key: job.plan.privateKey });
      }
      const { hash, options } = job.plan;
      let hashIndex = -1;
      if (hash !== null) {
        hashIndex = hashes.indexOf(hash);
        if (hashIndex < 0) hashIndex = hashes.push(hash) - 1;
      }
      const row = i * JOB_FIELDS;
      rows[row + JOB.keyId] = keyId;
      rows[row + JOB.hash] = hashIndex;
      rows[row + JOB.dsaEncoding] =
        options.dsaEncoding === undefined ? -1 : DSA_ENCODINGS.indexOf(options.dsaEncoding);
      rows[row + JOB.padding] = options.padding ?? -1;
      rows[row + JOB.saltLength] = options.saltLength ?? -1;
      rows[row + JOB.length] = job.data.length;
      data.set(job.data, offset);
      offset += job.data.length;
    });
    const batchId = this.nextBatchId++;
    slot.batches.set(batchId, jobs);
    slot.outstanding += jobs.length;
    const message: SignBatchMessage = { type: 'sign', batchId, keys, hashes, jobs: rows, data };
    slot.worker.postMessage(message, [data.buffer, rows.buffer]);
  }

  private receive(slot: WorkerSlot, result: SignBatchResult): void {
    const jobs = slot.batches.get(result.batchId);
    if (jobs === undefined) return;
    slot.batches.delete(result.batchId);
    slot.outstanding -= jobs.length;
    const data = Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength);
    let offset = 0;
    jobs.forEach((job, i) => {
      const length = result.lengths[i] ?? -1;
      if (length < 0) {
        const reason = result.errors?.[i] ?? 'no answer';
        job.reject(new Error(`signing failed on a crypto worker: ${reason}`));
        return;
      }
      job.resolve(data.subarray(offset, offset + length));
      offset += length;
    });
  }

  private startWorker(): WorkerSlot {
    const worker = new Worker(this.workerFile!);
    worker.unref();
    const slot: WorkerSlot = { worker, keys: new Set(), batches: new Map(), outstanding: 0 };
    worker.on('message', (result: SignBatchResult) => this.receive(slot, result));
    const lost = (reason: string) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const jobs of slot.batches.values()) {
        for (const job of jobs) job.reject(new Error(`a crypto worker stopped: ${reason}`));
      }
      slot.batches.clear();
      slot.outstanding = 0;
      if (!this.closed)
        this.logger.error({ reason }, 'crypto worker stopped; the next batch starts another');
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }

  private keyIdOf(key: LoadedKey): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.nextKeyId++;
      this.keyIds.set(key, id);
      this.dropped.register(key, id);
    }
    return id;
  }

  private forget(id: number): void {
    for (const slot of this.slots) {
      if (slot.keys.delete(id)) slot.worker.postMessage({ type: 'forget', ids: [id] });
    }
  }
}

function runInline(job: PendingSign): void {
  try {
    job.resolve(runSignPlan(job.plan, job.data));
  } catch (err) {
    job.reject(err as Error);
  }
}
