import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** OperationClass groups operations that cost alike on a real HSM. */
export type OperationClass = 'rsa-sign' | 'ec-sign' | 'symmetric' | 'key-generation';

/**
 * CapacityProfile makes a node behave like a real HSM model: operations per
 * second per class. `capacity` is what the node reports to clients for
 * routing (its EC sign rate, the class most labs measure).
 */
export interface CapacityProfile {
  name: string;
  /** Where the figures come from. */
  source: string;
  opsPerSecond: Record<OperationClass, number>;
  /** How long an operation may wait for capacity before the node says busy. */
  maxQueueMs: number;
}

/**
 * PROFILES are modelled on AWS CloudHSM's published figures ("performance"
 * in its user guide): for 2 / 3 / 6 HSMs, RSA-2048 sign 2,000 / 3,000 /
 * 5,000 per second; EC P-256 sign 3,000 / 4,500 / 7,000 on hsm2m.medium and
 * 500 / 750 / 1,500 on hsm1.medium. Per HSM that is about 1,000 RSA and
 * 1,500 (hsm2m) or 250 (hsm1) EC signs per second. No figures are published
 * for symmetric operations or key generation: those numbers are our own
 * guesses, chosen to keep their ratio to signing plausible, and are marked
 * as such in docs/operations.md.
 */
export const PROFILES: Record<string, CapacityProfile> = {
  'hsm1.medium': {
    name: 'hsm1.medium',
    source: 'AWS CloudHSM user guide, performance (sign); symmetric and keygen are guesses',
    opsPerSecond: { 'rsa-sign': 1000, 'ec-sign': 250, symmetric: 2000, 'key-generation': 50 },
    maxQueueMs: 100,
  },
  'hsm2m.medium': {
    name: 'hsm2m.medium',
    source: 'AWS CloudHSM user guide, performance (sign); symmetric and keygen are guesses',
    opsPerSecond: { 'rsa-sign': 1000, 'ec-sign': 1500, symmetric: 5000, 'key-generation': 100 },
    maxQueueMs: 100,
  },
};

/** DEFAULT_CAPACITY is the capacity a node without a profile reports. */
export const DEFAULT_CAPACITY = 1000;

const fileSchema = z.object({
  name: z.string().min(1),
  source: z.string().default('user file'),
  opsPerSecond: z.object({
    'rsa-sign': z.number().positive(),
    'ec-sign': z.number().positive(),
    symmetric: z.number().positive(),
    'key-generation': z.number().positive(),
  }),
  maxQueueMs: z.number().int().min(0).max(10_000).default(100),
});

/** loadProfile resolves a profile name or a JSON file path. */
export function loadProfile(nameOrPath: string): CapacityProfile {
  const known = PROFILES[nameOrPath];
  if (known) return known;
  if (!nameOrPath.endsWith('.json')) {
    throw new Error(
      `--profile: unknown profile "${nameOrPath}" (known: ${Object.keys(PROFILES).join(', ')}, or a .json file)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nameOrPath, 'utf8'));
  } catch (err) {
    throw new Error(`--profile: cannot read ${nameOrPath}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`--profile: ${nameOrPath}: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}
