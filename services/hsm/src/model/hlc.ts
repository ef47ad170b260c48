import type { Clock } from './clock';
import type { Version } from './version';

/**
 * HybridLogicalClock stamps this node's writes. A stamp is never lower than
 * any stamp the node has made or seen (observe), even if the wall clock goes
 * backwards, so a node's later write always beats its earlier one.
 */
export class HybridLogicalClock {
  private wallMs = 0;
  private logical = 0;

  constructor(
    private readonly nodeId: string,
    private readonly clock: Clock,
  ) {}

  /** now returns a fresh stamp, higher than every stamp made or observed. */
  now(): Version {
    const physical = this.clock.nowMs();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.logical = 0;
    } else {
      this.logical += 1;
    }
    return { wallMs: this.wallMs, logical: this.logical, nodeId: this.nodeId };
  }

  /** observe moves the clock past a version made elsewhere (or loaded). */
  observe(v: Version): void {
    if (v.wallMs > this.wallMs) {
      this.wallMs = v.wallMs;
      this.logical = v.logical;
    } else if (v.wallMs === this.wallMs && v.logical > this.logical) {
      this.logical = v.logical;
    }
  }
}
