import type { Socket } from 'node:net';
import { isCut, isTransparent, type CompiledLinkFaults, type Direction } from './link-faults';

/** PipeHost is what a FaultPipe needs from the connection that owns it. */
export interface PipeHost {
  faults(): CompiledLinkFaults;
  /** random returns a float in [0, 1) from the proxy's seeded generator. */
  random(): number;
  /** reset resets both sockets of the connection. */
  reset(): void;
  /** poison marks the connection as having lost bytes for good (blackhole). */
  poison(): void;
}

/**
 * Entry is one thing waiting to cross the pipe. `end` and `reset` travel in
 * order behind the data, so a half-close or a reset is not seen through a
 * cut before the bytes that preceded it.
 */
type Entry =
  | { kind: 'data'; chunk: Buffer; dueMs: number }
  | { kind: 'end'; dueMs: number }
  | { kind: 'reset'; dueMs: number };

/** HIGH_WATER_BYTES held in a pipe pause its source socket (TCP flow control takes over). */
const HIGH_WATER_BYTES = 1024 * 1024;
/** LOW_WATER_BYTES is where a paused source is resumed. */
const LOW_WATER_BYTES = 256 * 1024;
/** MIN_PIECE_BYTES bounds how finely a bandwidth limit slices chunks. */
const MIN_PIECE_BYTES = 1024;

/**
 * FaultPipe carries one direction of one proxied connection from `src` to
 * `dst`, applying the host's faults to every chunk: delay and jitter (order
 * kept), bandwidth pacing, holding while the direction is cut, dropping under
 * a blackhole, and random resets. With no fault and nothing queued a chunk is
 * written straight through, so a healthy proxy costs one copy per chunk.
 */
export class FaultPipe {
  /** Bytes written to dst so far. */
  forwardedBytes = 0;
  private readonly queue: Entry[] = [];
  private queuedBytes = 0;
  /** Invariant: due times in the queue never decrease; lastDueMs is the last one queued. */
  private lastDueMs = 0;
  /** When the bandwidth limit lets the next byte leave. */
  private nextFreeMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private pausedForQueue = false;
  private pausedForDrain = false;

  constructor(
    readonly direction: Direction,
    private readonly src: Socket,
    private readonly dst: Socket,
    private readonly host: PipeHost,
  ) {
    src.on('data', (chunk: Buffer) => this.push(chunk));
    src.on('end', () => this.pushControl('end'));
    dst.on('drain', () => {
      this.pausedForDrain = false;
      this.updateSourceFlow();
    });
  }

  /** pushReset queues a reset behind the data already queued (the source failed). */
  pushReset(): void {
    this.pushControl('reset');
  }

  /** kick re-plans delivery after the faults changed (a cut lifted, latency removed). */
  kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flush();
  }

  /** close drops whatever is queued and stops the timer. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private push(chunk: Buffer): void {
    const faults = this.host.faults();
    if (faults.blackhole) {
      this.host.poison();
      return;
    }
    if (faults.resetProbability > 0 && this.host.random() < faults.resetProbability) {
      this.host.reset();
      return;
    }
    if (this.queue.length === 0 && isTransparent(faults, this.direction)) {
      this.write(chunk);
      return;
    }
    const pieceBytes =
      faults.bandwidthBytesPerSecond > 0
        ? Math.max(MIN_PIECE_BYTES, Math.floor(faults.bandwidthBytesPerSecond / 20))
        : chunk.length;
    for (let at = 0; at < chunk.length; at += pieceBytes) {
      const piece = chunk.subarray(at, Math.min(chunk.length, at + pieceBytes));
      this.queue.push({ kind: 'data', chunk: piece, dueMs: this.dueMs(faults, piece.length) });
      this.queuedBytes += piece.length;
    }
    this.updateSourceFlow();
    this.schedule();
  }

  private pushControl(kind: 'end' | 'reset'): void {
    const faults = this.host.faults();
    if (this.queue.length === 0 && isTransparent(faults, this.direction)) {
      this.apply({ kind, dueMs: 0 });
      return;
    }
    this.queue.push({ kind, dueMs: this.dueMs(faults, 0) });
    this.schedule();
  }

  /** dueMs is when a piece of `bytes` may leave: after latency, jitter, pacing and its predecessor. */
  private dueMs(faults: CompiledLinkFaults, bytes: number): number {
    const now = Date.now();
    let due =
      now + faults.latencyMs + (faults.jitterMs > 0 ? this.host.random() * faults.jitterMs : 0);
    if (faults.bandwidthBytesPerSecond > 0 && bytes > 0) {
      const start = Math.max(now, this.nextFreeMs);
      this.nextFreeMs = start + (bytes * 1000) / faults.bandwidthBytesPerSecond;
      due = Math.max(due, this.nextFreeMs);
    }
    due = Math.max(due, this.lastDueMs);
    this.lastDueMs = due;
    return due;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    if (isCut(this.host.faults(), this.direction)) return;
    const waitMs = Math.max(0, this.queue[0]!.dueMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, waitMs);
    this.timer.unref();
  }

  private flush(): void {
    if (isCut(this.host.faults(), this.direction)) return;
    const now = Date.now();
    while (this.queue.length > 0 && this.queue[0]!.dueMs <= now) {
      const entry = this.queue.shift()!;
      if (entry.kind === 'data') this.queuedBytes -= entry.chunk.length;
      this.apply(entry);
    }
    this.updateSourceFlow();
    this.schedule();
  }

  private apply(entry: Entry): void {
    if (entry.kind === 'data') this.write(entry.chunk);
    else if (entry.kind === 'end') {
      if (!this.dst.destroyed) this.dst.end();
    } else this.host.reset();
  }

  private write(chunk: Buffer): void {
    if (this.dst.destroyed || this.dst.writableEnded) return;
    this.forwardedBytes += chunk.length;
    if (!this.dst.write(chunk)) {
      this.pausedForDrain = true;
      this.updateSourceFlow();
    }
  }

  /** updateSourceFlow pauses src while dst is full or too much is held, and resumes it after. */
  private updateSourceFlow(): void {
    if (this.queuedBytes > HIGH_WATER_BYTES) this.pausedForQueue = true;
    else if (this.queuedBytes < LOW_WATER_BYTES) this.pausedForQueue = false;
    const pause = this.pausedForQueue || this.pausedForDrain;
    if (pause && !this.src.isPaused()) this.src.pause();
    else if (!pause && this.src.isPaused() && !this.src.destroyed) this.src.resume();
  }
}
