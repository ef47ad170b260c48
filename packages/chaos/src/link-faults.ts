/**
 * Direction names one way through a TcpFaultProxy: `up` is client → server,
 * `down` is server → client.
 */
export type Direction = 'up' | 'down';

/**
 * LinkFaults are the faults a TcpFaultProxy applies, all switchable while
 * connections are open. Every field is optional; an empty object is a healthy
 * link.
 */
export interface LinkFaults {
  /**
   * Delay added to every chunk, in milliseconds, each way. Bytes keep their
   * order: a chunk never overtakes the one before it.
   * @default 0
   */
  latencyMs?: number;
  /**
   * Random extra delay per chunk, uniform in [0, jitterMs], in milliseconds.
   * @default 0
   */
  jitterMs?: number;
  /**
   * Bandwidth limit per connection and direction, in bytes per second; 0 is
   * unlimited.
   * @default 0
   */
  bandwidthBytesPerSecond?: number;
  /**
   * Directions cut. Bytes sent into a cut direction are held (as TCP keeps
   * retransmitting through a partition) and delivered, in order, when the cut
   * is lifted. New connections are accepted and held the same way.
   * @default [] (nothing cut)
   */
  cut?: readonly Direction[];
  /**
   * Blackhole: every byte either way is dropped for good, and new connections
   * are accepted and never answered. On heal the connections that lost bytes
   * are reset, since their streams can no longer be parsed.
   * @default false
   */
  blackhole?: boolean;
  /**
   * Probability, per chunk forwarded, that the connection is reset instead
   * (both sides get ECONNRESET).
   * @default 0
   */
  resetProbability?: number;
  /**
   * Refuse: new connections are reset as soon as they are accepted, as a
   * closed port answers. Open connections are left alone.
   * @default false
   */
  refuse?: boolean;
}

/** CompiledLinkFaults is LinkFaults with every default filled in. */
export interface CompiledLinkFaults {
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly bandwidthBytesPerSecond: number;
  readonly cutUp: boolean;
  readonly cutDown: boolean;
  readonly blackhole: boolean;
  readonly resetProbability: number;
  readonly refuse: boolean;
}

/** HEALTHY_LINK is a link with no fault. */
export const HEALTHY_LINK: CompiledLinkFaults = compileLinkFaults({});

function nonNegative(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`LinkFaults.${name} must be a finite number ≥ 0, got ${value}`);
  }
  return value;
}

/** compileLinkFaults checks faults and fills in the defaults. */
export function compileLinkFaults(faults: LinkFaults): CompiledLinkFaults {
  const resetProbability = nonNegative('resetProbability', faults.resetProbability);
  if (resetProbability > 1) {
    throw new RangeError(`LinkFaults.resetProbability must be ≤ 1, got ${resetProbability}`);
  }
  for (const direction of faults.cut ?? []) {
    if (direction !== 'up' && direction !== 'down') {
      throw new RangeError(`LinkFaults.cut holds "${String(direction)}"; use "up" or "down"`);
    }
  }
  return {
    latencyMs: nonNegative('latencyMs', faults.latencyMs),
    jitterMs: nonNegative('jitterMs', faults.jitterMs),
    bandwidthBytesPerSecond: nonNegative('bandwidthBytesPerSecond', faults.bandwidthBytesPerSecond),
    cutUp: faults.cut?.includes('up') ?? false,
    cutDown: faults.cut?.includes('down') ?? false,
    blackhole: faults.blackhole ?? false,
    resetProbability,
    refuse: faults.refuse ?? false,
  };
}

/** isCut says whether a direction is held under faults. */
export function isCut(faults: CompiledLinkFaults, direction: Direction): boolean {
  return direction === 'up' ? faults.cutUp : faults.cutDown;
}

/** isTransparent is true when chunks can go straight through, with no queue or timer. */
export function isTransparent(faults: CompiledLinkFaults, direction: Direction): boolean {
  return (
    faults.latencyMs === 0 &&
    faults.jitterMs === 0 &&
    faults.bandwidthBytesPerSecond === 0 &&
    !isCut(faults, direction) &&
    !faults.blackhole &&
    faults.resetProbability === 0
  );
}

/** describeLinkFaults renders faults in one short line for logs and reports. */
export function describeLinkFaults(faults: CompiledLinkFaults): string {
  const parts: string[] = [];
  if (faults.latencyMs || faults.jitterMs)
    parts.push(`latency ${faults.latencyMs}±${faults.jitterMs} ms`);
  if (faults.bandwidthBytesPerSecond) parts.push(`${faults.bandwidthBytesPerSecond} B/s`);
  if (faults.cutUp && faults.cutDown) parts.push('cut both ways');
  else if (faults.cutUp) parts.push('cut up');
  else if (faults.cutDown) parts.push('cut down');
  if (faults.blackhole) parts.push('blackhole');
  if (faults.resetProbability) parts.push(`reset p=${faults.resetProbability}`);
  if (faults.refuse) parts.push('refuse');
  return parts.length === 0 ? 'healthy' : parts.join(', ');
}
