import type { hsmV1 } from '@hsmlab/proto';

/**
 * MAX_BATCH_BYTES keeps one request message well under the node's 4 MiB
 * receive limit (MESSAGE_LIMITS.maxReceiveBytes); a larger batch is split
 * into several messages.
 */
export const MAX_BATCH_BYTES = 1024 * 1024;

/** Batchable is a queued call: its wire message. */
export interface Batchable {
  readonly message: hsmV1.CryptoCall;
}

/**
 * takeBatch removes from the front of `queue` the calls for one stream
 * message: at most `maxCalls`, and no more than MAX_BATCH_BYTES of payload
 * (a single larger call still goes, alone). Order is kept, so calls are sent
 * in the order callers made them.
 */
export function takeBatch<T extends Batchable>(queue: T[], maxCalls: number): T[] {
  const batch: T[] = [];
  let bytes = 0;
  while (queue.length > 0 && batch.length < maxCalls) {
    const size = approximateBytes(queue[0]!.message);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push(queue.shift()!);
    bytes += size;
  }
  return batch;
}

/** approximateBytes estimates a call's encoded size from its byte and string fields. */
function approximateBytes(call: hsmV1.CryptoCall): number {
  const op = call.sign ?? call.verify ?? call.encrypt ?? call.decrypt ?? call.digest ?? call.random;
  let bytes = 64;
  if (op) {
    for (const value of Object.values(op)) {
      if (typeof value === 'string' || value instanceof Uint8Array) bytes += value.length;
    }
  }
  return bytes;
}
