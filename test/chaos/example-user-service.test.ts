// A worked example: how a user writes a chaos test for their own service
// against an hsmlab cluster (packages/chaos/README.md walks through it).
//
// The service is a tiny token issuer: it signs `payload.signature` tokens with
// an EC key held in the HSM cluster, and anyone can check a token with the
// public key alone. Its promise to its own callers: tokens keep being issued
// while any one HSM answers, and every token issued verifies.
//
// In your own project `../../packages/chaos/src` below is `@hsmlab/chaos`.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HsmCluster, KeyHandle } from '@hsmlab/client';
import {
  failoverGaps,
  History,
  Nemesis,
  resolveSeed,
  soakScale,
  scenarioTimeoutMs,
  useChaosCluster,
} from '../../packages/chaos/src';

/** TokenService issues signed tokens with a key that never leaves the HSM cluster. */
class TokenService {
  private constructor(
    private readonly hsm: HsmCluster,
    private readonly signingKey: KeyHandle,
    private readonly publicKey: KeyObject,
  ) {}

  /** create makes the service's signing key pair in the cluster. */
  static async create(hsm: HsmCluster): Promise<TokenService> {
    const pair = await hsm.keys.generateKeyPair({
      keyType: 'ec',
      curve: 'P-256',
      privateAttributes: { label: 'token-signing', sign: true },
      publicAttributes: { label: 'token-signing.pub', verify: true },
    });
    const publicKey = createPublicKey({
      key: pair.publicKey.publicKeyDer!,
      format: 'der',
      type: 'spki',
    });
    return new TokenService(hsm, pair.privateKey, publicKey);
  }

  /** issue returns a token for subject, valid for ttlMs. */
  async issue(subject: string, ttlMs: number): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ sub: subject, exp: Date.now() + ttlMs }));
    const signature = await this.hsm.crypto.sign(this.signingKey, 'ecdsa-sha256', payload);
    return `${payload.toString('base64url')}.${signature.toString('base64url')}`;
  }

  /** check verifies a token locally, with the public key only. */
  check(token: string): boolean {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return false;
    return verify(
      'sha256',
      Buffer.from(payload, 'base64url'),
      this.publicKey,
      Buffer.from(signature, 'base64url'),
    );
  }
}

let service: TokenService;

// Each scenario gets time for its load (longer in a soak), healing and the checkers.
describe(
  'example - a token service under chaos',
  { timeout: scenarioTimeoutMs(soakScale(8_000)) },
  () => {
    // 1. A real cluster for this suite: an orchestrator and three HSM
    //    processes in AZs a, b and c, each behind a fault proxy, with a crypto
    //    user made for us. It stops after the suite, closing our clients first.
    const chaos = useChaosCluster({ beforeAll, afterAll });

    beforeAll(async () => {
      // 2. The service connects the way it would in production: chaos.connect()
      //    is HsmCluster.connect(cluster.sdkOptions()), as the crypto user.
      service = await TokenService.create(await chaos.connect());
    });

    it('issues tokens that verify while HSMs crash, freeze and get cut off', async () => {
      // 3. Record every call in a History, and every fault next to it.
      const history = new History();
      const { cluster } = chaos;
      const stop = cluster.onFault((event) => history.recordFault(event));
      const tokens: string[] = [];

      // 4. A seeded Nemesis breaks one thing at a time. The seed is printed;
      //    HSMLAB_CHAOS_SEED=<seed> replays the same schedule.
      const seed = resolveSeed();
      console.log(`[example] seed ${seed}`);
      const nemesis = new Nemesis(cluster, {
        seed,
        faults: ['kill', 'pause', 'partition', 'partition-one-way'],
        log: (line) => console.log(line),
      });

      // 5. Drive the service while the faults happen.
      let running = true;
      const load = Promise.all(
        Array.from({ length: 4 }, async (_, worker) => {
          for (let i = 0; running; i++) {
            const token = await history.run('issue', { worker, i }, () =>
              service.issue(`user-${worker}-${i}`, 60_000),
            );
            if (token) tokens.push(token);
          }
        }),
      );
      await nemesis.run(soakScale(8000));
      running = false;
      await load;
      await cluster.heal();
      stop();

      // 6. Check the service's own promises, not hsmlab's.
      const summary = history.summary();
      const gap = failoverGaps(history);
      console.log(
        `[example] ${summary.total} tokens asked, ${summary.ok} issued; ` +
          `failover gap p50 ${gap?.p50Ms ?? 0} ms p99 ${gap?.p99Ms ?? 0} ms`,
      );
      expect(history.faults.some((f) => f.phase === 'start')).toBe(true);
      expect(summary.ok).toBeGreaterThan(0);
      expect(summary.errors).toEqual({});
      expect(tokens.filter((token) => !service.check(token))).toEqual([]);
    });
  },
);
