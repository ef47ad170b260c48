import { randomInt } from 'node:crypto';

/** SEED_ENV names the variable that replays a chaos run: its value overrides every seed. */
export const SEED_ENV = 'HSMLAB_CHAOS_SEED';

/** MAX_SEED bounds seeds to 32 bits so that they print short and parse back exactly. */
const MAX_SEED = 0xffff_ffff;

/**
 * Random is a small seeded generator (the sfc32 algorithm: four 32-bit
 * words, add-rotate-xor). The same seed gives the same sequence on every
 * machine and Node version, which is all a replayable fault schedule needs;
 * it is not for cryptography.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer in 0..${MAX_SEED}, got ${seed}`);
    }
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // The first outputs of sfc32 still show the seed; run it past them.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** nextUint32 returns the next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** next returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** int returns an integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int: max ${max} is below min ${min}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** chance is true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** pick returns one element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: the list is empty');
    return items[this.int(0, items.length - 1)]!;
  }

  /** weighted picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    if (total <= 0) throw new RangeError('weighted: no positive weight');
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= Math.max(0, weight);
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** shuffle returns a shuffled copy of items (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** fork derives an independent generator, so one consumer's draws do not shift another's. */
  fork(): Random {
    return new Random(this.nextUint32());
  }
}

/**
 * resolveSeed picks the seed of a run: HSMLAB_CHAOS_SEED when set (a replay),
 * else `preferred`, else a fresh random one. A malformed variable is an error,
 * not a silent fresh seed, so that a replay never quietly runs something else.
 */
export function resolveSeed(
  preferred?: number,
  env: Record<string, string | undefined> = process.env,
): number {
  const fromEnv = env[SEED_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const seed = Number(fromEnv.trim());
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`${SEED_ENV}=${fromEnv} is not an integer in 0..${MAX_SEED}`);
    }
    return seed;
  }
  if (preferred !== undefined) return preferred;
  return randomInt(0, MAX_SEED);
}
