import type { FileHandle } from 'node:fs/promises';
import { writeAll } from './durable-fs';
import { StoreWriteError } from './errors';

/** GroupCommitStats counts what a GroupCommitFile did, for metrics and tests. */
export interface GroupCommitStats {
  /** Chunks appended. */
  chunks: number;
  /** write + fsync rounds; each covers every chunk queued since the last one. */
  batches: number;
}

interface Batch {
  readonly chunks: Buffer[];
  readonly done: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

/**
 * GroupCommitFile appends chunks of bytes to one open file and makes them
 * durable in groups. append() queues a chunk into the open batch; the batch
 * is written with one write and one fsync, and every chunk queued while that
 * fsync runs goes into the next batch. So N concurrent writers cost about
 * two fsyncs, not N, and each still learns exactly when its bytes are safe.
 *
 * Chunks reach the file in append() order.
 *
 * Every step that touches the file runs on one chain, one step at a time;
 * exclusive() lets an owner run its own step there (to swap the file, say),
 * after every chunk appended before the call and before every later one.
 */
export class GroupCommitFile {
  readonly stats: GroupCommitStats = { chunks: 0, batches: 0 };
  /**
   * The batch that new chunks join. Invariant: when set, a write of it is
   * already scheduled on the chain and has not started.
   */
  private openBatch: Batch | undefined;
  /** The tail of the chain of file steps; it never rejects. */
  private chain: Promise<void> = Promise.resolve();
  /** Set after a failed write; the file is then in an unknown state. */
  private failure: StoreWriteError | undefined;
  private closing = false;

  constructor(
    private handle: FileHandle,
    /** sizeBytes is where the next batch is written. */
    private sizeBytes: number,
    readonly path: string,
    private readonly fsync: boolean,
  ) {}

  /** size is the file's length counting every batch written so far. */
  get size(): number {
    return this.sizeBytes;
  }

  /** failed is the write error that stopped this file, if any. */
  get failed(): StoreWriteError | undefined {
    return this.failure;
  }

  /** append queues chunk and resolves once it is on disk (fsynced). */
  append(chunk: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error(`${this.path} is closed`));
    let batch = this.openBatch;
    if (!batch) {
      batch = newBatch();
      this.openBatch = batch;
      const scheduled = batch;
      // writeBatch settles the batch itself and never rejects.
      void this.enqueue(() => this.writeBatch(scheduled));
    }
    batch.chunks.push(chunk);
    this.stats.chunks += 1;
    return batch.done;
  }

  /**
   * exclusive runs step alone on the file, once every chunk appended before
   * this call is durable. It rejects without running step if a write failed.
   */
  exclusive<T>(step: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`${this.path} is closed`));
    // Close the open batch: later chunks must land after step.
    this.openBatch = undefined;
    return this.enqueue(async () => {
      if (this.failure) throw this.failure;
      return step();
    });
  }

  /**
   * replaceHandle points this file at a new open file of sizeBytes; the old
   * handle is the caller's to close. Only call it from an exclusive() step.
   */
  replaceHandle(handle: FileHandle, sizeBytes: number): FileHandle {
    const old = this.handle;
    this.handle = handle;
    this.sizeBytes = sizeBytes;
    return old;
  }

  /** fail stops the file after an exclusive step left it in an unknown state. */
  fail(cause: unknown): StoreWriteError {
    this.failure ??= new StoreWriteError(this.path, { cause });
    return this.failure;
  }

  /** close waits for every queued chunk, then closes the file. Idempotent. */
  async close(): Promise<void> {
    if (this.closing) return this.chain;
    this.closing = true;
    this.openBatch = undefined;
    await this.enqueue(() => this.handle.close()).catch(() => undefined);
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.chain.then(step);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async writeBatch(batch: Batch): Promise<void> {
    if (this.openBatch === batch) this.openBatch = undefined;
    if (this.failure) {
      batch.reject(this.failure);
      return;
    }
    const data = batch.chunks.length === 1 ? batch.chunks[0]! : Buffer.concat(batch.chunks);
    try {
      await writeAll(this.handle, data, this.sizeBytes);
      if (this.fsync) await this.handle.datasync();
      this.sizeBytes += data.length;
      this.stats.batches += 1;
      batch.resolve();
    } catch (err) {
      batch.reject(this.fail(err));
    }
  }
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch whose writers all gave up waiting must not become an unhandled rejection.
  done.catch(() => undefined);
  return { chunks: [], done, resolve, reject };
}
