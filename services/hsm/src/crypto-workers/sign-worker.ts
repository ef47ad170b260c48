import * as crypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import {
  DSA_ENCODINGS,
  JOB,
  JOB_FIELDS,
  type SignBatchMessage,
  type SignBatchResult,
  type ToWorker,
} from './worker-messages';

/**
 * A crypto worker thread: signs batches with keys the main thread handed
 * it. It keeps no other state, and checks nothing: the main thread has
 * already checked the caller, the key's attributes and the mechanism.
 */

const keys = new Map<number, crypto.KeyObject>();

function signBatch(message: SignBatchMessage): SignBatchResult {
  for (const { id, key } of message.keys) keys.set(id, key);
  const { jobs, hashes } = message;
  const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
  const count = jobs.length / JOB_FIELDS;
  const signatures: Buffer[] = [];
  const lengths = new Int32Array(count);
  let errors: Record<number, string> | undefined;
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const row = i * JOB_FIELDS;
    const length = jobs[row + JOB.length]!;
    const input = data.subarray(offset, offset + length);
    offset += length;
    try {
      const key = keys.get(jobs[row + JOB.keyId]!);
      if (key === undefined) throw new Error(`crypto worker holds no key ${jobs[row + JOB.keyId]}`);
      const options: crypto.SignKeyObjectInput = { key };
      const dsa = jobs[row + JOB.dsaEncoding]!;
      if (dsa >= 0) options.dsaEncoding = DSA_ENCODINGS[dsa];
      const padding = jobs[row + JOB.padding]!;
      if (padding >= 0) options.padding = padding;
      const saltLength = jobs[row + JOB.saltLength]!;
      if (saltLength >= 0) options.saltLength = saltLength;
      const hash = jobs[row + JOB.hash]!;
      const signature = crypto.sign(hash < 0 ? null : hashes[hash]!, input, options);
      signatures.push(signature);
      lengths[i] = signature.length;
    } catch (err) {
      lengths[i] = -1;
      (errors ??= {})[i] = (err as Error).message;
    }
  }
  // Not Buffer.concat: small results would come from Node's shared pool,
  // whose memory cannot be transferred.
  const out = Buffer.allocUnsafeSlow(signatures.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of signatures) at += s.copy(out, at);
  return { batchId: message.batchId, data: out, lengths, ...(errors ? { errors } : {}) };
}

const port = parentPort;
if (port === null) throw new Error('sign-worker runs as a worker thread only');
port.on('message', (message: ToWorker) => {
  if (message.type === 'forget') {
    for (const id of message.ids) keys.delete(id);
    return;
  }
  const result = signBatch(message);
  port.postMessage(result, [
    result.data.buffer as ArrayBuffer,
    result.lengths.buffer as ArrayBuffer,
  ]);
});
