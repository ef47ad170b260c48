import { describe, expect, it } from 'vitest';
import { Random, resolveSeed, SEED_ENV } from '../src';

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int, pick and weighted inside their ranges', () => {
    const r = new Random(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
      expect(r.weighted({ x: 1, y: 0 })).toBe('x');
    }
  });

  it('rejects a seed that is not a 32-bit integer', () => {
    expect(() => new Random(-1)).toThrow(RangeError);
    expect(() => new Random(2 ** 32)).toThrow(RangeError);
    expect(() => new Random(1.5)).toThrow(RangeError);
  });
});

describe('resolveSeed', () => {
  it('prefers the replay variable, then the given seed, then a fresh one', () => {
    expect(resolveSeed(5, { [SEED_ENV]: '123' })).toBe(123);
    expect(resolveSeed(5, {})).toBe(5);
    const fresh = resolveSeed(undefined, {});
    expect(Number.isInteger(fresh)).toBe(true);
  });

  it('refuses a malformed replay seed instead of running another one', () => {
    expect(() => resolveSeed(undefined, { [SEED_ENV]: 'abc' })).toThrow(SEED_ENV);
  });
});
