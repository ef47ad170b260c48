import { resolveSeed, SEED_ENV } from './random';

/** SOAK_ENV turns on the long soak: HSMLAB_SOAK=1 (`npm run soak`). */
export const SOAK_ENV = 'HSMLAB_SOAK';

/** SOAK_LOAD_FACTOR is how much longer each scenario runs in a soak. */
const SOAK_LOAD_FACTOR = 6;
/** SOAK_SEED_COUNT is how many seeds each soak scenario runs. */
const SOAK_SEED_COUNT = 3;

/** TEST_TIMEOUT_SLACK_MS covers cluster healing, convergence and the checkers after the load. */
const TEST_TIMEOUT_SLACK_MS = 90_000;

/**
 * scenarioTimeoutMs is a test timeout for a scenario whose load runs
 * loadMs: twice the load (faults and recovery waits stretch it) plus the
 * time to heal and check. Pass it to `it` as its timeout.
 */
export function scenarioTimeoutMs(loadMs: number): number {
  return 2 * loadMs + TEST_TIMEOUT_SLACK_MS;
}

/** isSoak says whether this run is a soak. */
export function isSoak(env: Record<string, string | undefined> = process.env): boolean {
  return env[SOAK_ENV] === '1';
}

/** soakScale returns fastMs in the fast tier and a longer time in a soak. */
export function soakScale(
  fastMs: number,
  env: Record<string, string | undefined> = process.env,
): number {
  return isSoak(env) ? fastMs * SOAK_LOAD_FACTOR : fastMs;
}

/**
 * soakSeeds returns the seeds to run a scenario with, drawn up front so that
 * test names can show them: one in the fast tier, several in a soak, and
 * exactly the replayed one when HSMLAB_CHAOS_SEED is set.
 */
export function soakSeeds(env: Record<string, string | undefined> = process.env): number[] {
  if (env[SEED_ENV] || !isSoak(env)) return [resolveSeed(undefined, env)];
  return Array.from({ length: SOAK_SEED_COUNT }, () => resolveSeed(undefined, env));
}
