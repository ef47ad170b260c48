import { randomBytes, verify } from 'node:crypto';
import type { HsmCluster } from '@hsmlab/client';
import { sleep } from '../sleep';
import type { SigningKey } from './example-key';
import type { SignTally } from './sign-tally';

/** SignLoopOptions configure runSignLoop. */
export interface SignLoopOptions {
  readonly cluster: HsmCluster;
  readonly key: SigningKey;
  /** Signs started per second (a modest, steady load). */
  readonly signsPerSecond: number;
  /** Deadline of one sign, failover included. */
  readonly signDeadlineMs: number;
  readonly tally: SignTally;
  readonly signal: AbortSignal;
  /** Stop after this many signs (ok or failed); undefined signs until the signal aborts. */
  readonly maxSigns?: number;
}

/** signOnce signs fresh random data and checks the signature locally with the public key. */
async function signOnce(options: SignLoopOptions): Promise<void> {
  const data = randomBytes(32);
  try {
    const signature = await options.cluster.crypto.sign(
      options.key.privateKey,
      'ecdsa-sha256',
      data,
      { deadlineMs: options.signDeadlineMs, signal: options.signal },
    );
    const good = verify(
      'sha256',
      data,
      { key: options.key.publicKeyDer, format: 'der', type: 'spki', dsaEncoding: 'der' },
      signature,
    );
    if (good) options.tally.ok();
    else options.tally.failed('signature did not verify');
  } catch (err) {
    if (options.signal.aborted) return;
    const e = err as Error;
    options.tally.failed(`${e.name}: ${e.message}`.replace(/\s+/g, ' ').slice(0, 200));
  }
}

/**
 * runSignLoop signs at a steady rate until the signal aborts (or maxSigns
 * were made). Signs run one
 * after another; one that waits on a failover delays the next ones rather
 * than piling calls up, so the rate dips while the cluster fails over.
 */
export async function runSignLoop(options: SignLoopOptions): Promise<void> {
  const intervalMs = 1000 / options.signsPerSecond;
  let next = Date.now();
  let made = 0;
  while (!options.signal.aborted && (options.maxSigns === undefined || made < options.maxSigns)) {
    await signOnce(options);
    made += 1;
    next = Math.max(next + intervalMs, Date.now() - intervalMs);
    await sleep(Math.max(0, next - Date.now()), options.signal);
  }
}
