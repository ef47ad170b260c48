import { status as Status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, busyDelayMs, DEFAULT_BACKOFF, probeDelayMs } from '../src/backoff';
import { decideRetry, type FailureFacts } from '../src/retry-policy';

function facts(code: Status, more: Partial<FailureFacts> = {}): FailureFacts {
  return {
    code,
    kind: 'crypto',
    namesObject: true,
    reloggedOnNode: false,
    duringLogin: false,
    untriedNodeLeft: true,
    ...more,
  };
}

describe('retry policy', () => {
  it.each([
    [Status.UNAVAILABLE, 'elsewhere'],
    [Status.DEADLINE_EXCEEDED, 'elsewhere'],
    [Status.RESOURCE_EXHAUSTED, 'busy'],
    [Status.NOT_FOUND, 'lag'],
    [Status.UNAUTHENTICATED, 'relogin'],
    [Status.CANCELLED, 'elsewhere'],
    [Status.PERMISSION_DENIED, 'fail'],
    [Status.INVALID_ARGUMENT, 'fail'],
    [Status.FAILED_PRECONDITION, 'fail'],
    [Status.INTERNAL, 'fail'],
  ])('maps code %s to %s', (code, action) => {
    expect(decideRetry(facts(code))).toBe(action);
  });

  it('treats a missing object as lag only while another node is untried', () => {
    expect(decideRetry(facts(Status.NOT_FOUND, { untriedNodeLeft: false }))).toBe('fail');
    expect(decideRetry(facts(Status.NOT_FOUND, { namesObject: false }))).toBe('fail');
  });

  it('logs in again at most once per node, and never after a refused login', () => {
    expect(decideRetry(facts(Status.UNAUTHENTICATED, { reloggedOnNode: true }))).toBe('fail');
    expect(decideRetry(facts(Status.UNAUTHENTICATED, { duringLogin: true }))).toBe('fail');
  });
});

describe('backoff', () => {
  it('grows from 100 ms by 2 up to 3 s with no jitter at the midpoint', () => {
    const mid = (): number => 0.5;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(DEFAULT_BACKOFF, n, mid));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3000, 3000]);
  });

  it('spreads each delay by ±20%', () => {
    expect(backoffDelayMs(DEFAULT_BACKOFF, 1, () => 0)).toBe(80);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 1, () => 1)).toBe(120);
  });

  it('leaves a busy node alone longer, under the same cap', () => {
    expect(busyDelayMs(DEFAULT_BACKOFF, 1, () => 0.5)).toBe(400);
    expect(busyDelayMs(DEFAULT_BACKOFF, 10, () => 0.5)).toBe(3000);
  });

  it('probes a node taken out at least every probeMaxMs, never past maxMs', () => {
    const mid = () => 0.5;
    const delays = [1, 2, 3, 4, 5, 10].map((n) => probeDelayMs(DEFAULT_BACKOFF, n, mid));
    expect(delays).toEqual([100, 200, 400, 500, 500, 500]);
    const lowMax = { ...DEFAULT_BACKOFF, maxMs: 300 };
    expect(probeDelayMs(lowMax, 10, mid)).toBe(300);
  });
});
