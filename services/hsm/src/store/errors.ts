/**
 * Store errors: one class per condition the node acts on. Each keeps the
 * path of the file concerned so that an operator knows where to look.
 */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * StoreCorruptError: a file the node needs (snapshot, node state, audit log,
 * a journal frame that passed its checksum) cannot be read back. The node
 * must not start on an empty or partial state in its place.
 */
export class StoreCorruptError extends StoreError {
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: ${reason}`, options);
  }
}

/**
 * AtRestOpenError: sealed bytes did not open under the storage key. Either
 * they were changed on disk or the storage key is not the one that sealed
 * them.
 */
export class AtRestOpenError extends StoreError {}

/** StoreClosedError: a write arrived after close() began. */
export class StoreClosedError extends StoreError {}

/**
 * StoreWriteError: a write or fsync failed. The file it concerns is then in
 * an unknown state, so every later write fails with this error too until the
 * node restarts and replays what is really on disk.
 */
export class StoreWriteError extends StoreError {
  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: write failed; no further writes until restart`, options);
  }
}

/** isStoreCorruptError tells whether err, or an error in its cause chain, is a StoreCorruptError. */
export function isStoreCorruptError(err: unknown): err is StoreCorruptError {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e instanceof StoreCorruptError) return true;
  }
  return false;
}
