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
  const limit = Math.min(queue.length, maxCalls);
  let count = 0;
  let bytes = 0;
  while (count < limit) {
    const size = approximateBytes(queue[count]!.message);
    if (count > 0 && bytes + size > MAX_BATCH_BYTES) break;
    bytes += size;
    count += 1;
  }
  // One splice instead of a shift per call: shift is linear in the queue.
  return queue.splice(0, count);
}

/** approximateBytes estimates a call's encoded size from its byte and string fields. */
function approximateBytes(call: hsmV1.CryptoCall): number {
  // NB: reads the known fields directly; a generic walk over the operation's
  // values was a visible share of the SDK's time per call.
  const op = (call.sign ?? call.verify ?? call.encrypt ?? call.decrypt ?? call.digest) as
    | Partial<
        Record<
          'key' | 'data' | 'signature' | 'plaintext' | 'ciphertext' | 'iv' | 'aad' | 'tag',
          { length: number }
        >
      >
    | undefined;
  if (op === undefined) return 64;
  return (
    64 +
    (op.key?.length ?? 0) +
    (op.data?.length ?? 0) +
    (op.signature?.length ?? 0) +
    (op.plaintext?.length ?? 0) +
    (op.ciphertext?.length ?? 0) +
    (op.iv?.length ?? 0) +
    (op.aad?.length ?? 0) +
    (op.tag?.length ?? 0)
  );
}
