import { connect, type Socket } from 'node:net';
import { FaultPipe, type PipeHost } from './fault-pipe';
import type { CompiledLinkFaults } from './link-faults';

/** ConnectionHost is what a ProxiedConnection needs from its proxy. */
export interface ConnectionHost {
  faults(): CompiledLinkFaults;
  random(): number;
  target(): { host: string; port: number };
  /** closed is called once, when both sockets are gone. */
  closed(connection: ProxiedConnection): void;
  /** countReset counts a reset the proxy made on purpose. */
  countReset(): void;
}

/**
 * ProxiedConnection is one client connection through a TcpFaultProxy and its
 * upstream connection, with a FaultPipe each way. Under a blackhole it never
 * dials upstream and swallows what the client sends.
 */
export class ProxiedConnection implements PipeHost {
  /** poisoned is set once bytes were dropped for good; heal resets such connections. */
  poisoned = false;
  private upstream: Socket | undefined;
  private up: FaultPipe | undefined;
  private down: FaultPipe | undefined;
  private done = false;

  constructor(
    private readonly client: Socket,
    private readonly host: ConnectionHost,
  ) {
    client.setNoDelay(true);
    client.on('error', () => this.sourceFailed('up'));
    client.on('close', () => this.maybeClosed());
    if (host.faults().blackhole) {
      this.poisoned = true;
      client.on('data', () => undefined);
      return;
    }
    // Hold the client's bytes until the upstream connection exists.
    client.pause();
    const { host: targetHost, port } = host.target();
    const upstream = connect({ host: targetHost, port, allowHalfOpen: true });
    this.upstream = upstream;
    upstream.setNoDelay(true);
    upstream.on('error', () => {
      if (this.down) this.sourceFailed('down');
      // Could not connect (the node is down): the client sees a reset, as from a closed port.
      else this.reset();
    });
    upstream.on('close', () => this.maybeClosed());
    upstream.once('connect', () => {
      if (this.done) return;
      this.up = new FaultPipe('up', client, upstream, this);
      this.down = new FaultPipe('down', upstream, client, this);
      client.resume();
    });
  }

  faults(): CompiledLinkFaults {
    return this.host.faults();
  }

  random(): number {
    return this.host.random();
  }

  poison(): void {
    this.poisoned = true;
  }

  /** forwardedBytes is what crossed each way so far. */
  forwardedBytes(): { up: number; down: number } {
    return { up: this.up?.forwardedBytes ?? 0, down: this.down?.forwardedBytes ?? 0 };
  }

  /** kick tells both pipes the faults changed. */
  kick(): void {
    this.up?.kick();
    this.down?.kick();
  }

  /** reset sends a TCP reset both ways and drops whatever is held. */
  reset(): void {
    if (this.done) return;
    this.done = true;
    this.host.countReset();
    this.up?.close();
    this.down?.close();
    resetSocket(this.client);
    if (this.upstream) resetSocket(this.upstream);
  }

  /** destroy closes both sockets at once (proxy shutdown). */
  destroy(): void {
    this.done = true;
    this.up?.close();
    this.down?.close();
    this.client.destroy();
    this.upstream?.destroy();
  }

  /**
   * sourceFailed handles a socket error. The reset travels behind the bytes
   * queued the other way, so a cut also hides a peer's crash until it heals.
   */
  private sourceFailed(from: 'up' | 'down'): void {
    const pipe = from === 'up' ? this.up : this.down;
    if (pipe) pipe.pushReset();
    else this.reset();
  }

  private maybeClosed(): void {
    const upstreamGone = this.upstream === undefined || this.upstream.destroyed;
    if (this.client.destroyed && upstreamGone) {
      this.done = true;
      this.up?.close();
      this.down?.close();
      this.host.closed(this);
    }
  }
}

function resetSocket(socket: Socket): void {
  if (socket.destroyed) return;
  // resetAndDestroy sends RST; it throws on a socket that never connected.
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}
