/**
 * BackoffPolicy is the compiled form of BackoffOptions: delays grow from
 * initialMs by multiplier up to maxMs, each spread by ±jitter.
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly multiplier: number;
  readonly maxMs: number;
  /** Fraction, 0 to 1. */
  readonly jitter: number;
  /** Extra factor for a node that answered busy. */
  readonly busyMultiplier: number;
  /** Cap of the delay between probes of a node taken out (≤ maxMs). */
  readonly probeMaxMs: number;
}

/** DEFAULT_BACKOFF: first retry well under a second, capped at a few seconds. */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 100,
  multiplier: 2,
  maxMs: 3000,
  jitter: 0.2,
  busyMultiplier: 4,
  probeMaxMs: 500,
};

/**
 * backoffDelayMs is the delay before retry number `failures` (1 for the
 * first retry). `random` returns a number in [0, 1); tests pass a constant.
 */
export function backoffDelayMs(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(policy.maxMs, policy.initialMs * policy.multiplier ** exponent);
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}

/**
 * busyDelayMs is the delay before a node that answered RESOURCE_EXHAUSTED
 * gets traffic again: the normal delay times busyMultiplier, under the same
 * cap, so a shed node is left alone longer but never for more than maxMs.
 */
export function busyDelayMs(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random,
): number {
  const scaled = { ...policy, initialMs: policy.initialMs * policy.busyMultiplier };
  return backoffDelayMs(scaled, failures, random);
}

/**
 * probeDelayMs is the delay before probing a node that failed `failures`
 * times in a row: the normal delay, capped at probeMaxMs so that a node that
 * comes back after a long outage is noticed within about a second. A probe
 * of a dead node is cheap (a refused connection or one probe timeout).
 */
export function probeDelayMs(
  policy: BackoffPolicy,
  failures: number,
  random: () => number = Math.random,
): number {
  return backoffDelayMs(
    { ...policy, maxMs: Math.min(policy.maxMs, policy.probeMaxMs) },
    failures,
    random,
  );
}
