import { createServer, type Server, type Socket } from 'node:net';
import {
  compileLinkFaults,
  describeLinkFaults,
  HEALTHY_LINK,
  type CompiledLinkFaults,
  type Direction,
  type LinkFaults,
} from './link-faults';
import { ProxiedConnection } from './proxied-connection';
import { Random, resolveSeed } from './random';
import { parseHostPort } from './host-port';

/** TcpFaultProxyOptions configure a TcpFaultProxy. */
export interface TcpFaultProxyOptions {
  /** `host:port` the proxy forwards to. */
  target: string;
  /**
   * `host:port` to listen on.
   * @default '127.0.0.1:0' (a free loopback port)
   */
  listen?: string;
  /**
   * Seed of the generator behind jitter and random resets.
   * @default a fresh seed (HSMLAB_CHAOS_SEED when set)
   */
  seed?: number;
  /** A name for reports, such as the node behind the proxy. */
  name?: string;
}

/** ProxyStats counts what a TcpFaultProxy did. */
export interface ProxyStats {
  /** Connections accepted since start. */
  accepted: number;
  /** Connections open now. */
  open: number;
  /** Connections reset on purpose (resets, refusals, heal after blackhole). */
  resets: number;
  /** Bytes forwarded client → server and server → client by connections open now or closed. */
  bytesUp: number;
  bytesDown: number;
}

/**
 * TcpFaultProxy is a TCP proxy in front of one address, for when the kernel
 * offers no `netem`: latency with jitter, bandwidth limits, one-way or
 * two-way cuts, blackholes, resets and refusals, all switchable while
 * connections are open (see LinkFaults). Point clients at `address` instead
 * of the target; `heal()` makes the link healthy again.
 *
 * A cut holds bytes and delivers them when lifted, as TCP does through a
 * short partition; a blackhole drops them for good and resets the damaged
 * connections on heal.
 */
export class TcpFaultProxy {
  readonly name: string;
  private server: Server | undefined;
  private listenAddress = '';
  private targetHost: string;
  private targetPort: number;
  private raw: LinkFaults = {};
  private compiled: CompiledLinkFaults = HEALTHY_LINK;
  private readonly connections = new Set<ProxiedConnection>();
  private readonly random: Random;
  private accepted = 0;
  private resets = 0;
  private closedBytes = { up: 0, down: 0 };

  constructor(private readonly options: TcpFaultProxyOptions) {
    ({ host: this.targetHost, port: this.targetPort } = parseHostPort(options.target, 'target'));
    this.name = options.name ?? options.target;
    this.random = new Random(resolveSeed(options.seed));
  }

  /** address is the `host:port` clients connect to; set by start(). */
  get address(): string {
    if (!this.listenAddress) throw new Error(`proxy ${this.name} is not started`);
    return this.listenAddress;
  }

  /** started is true once start() has bound the listener (and until stop()). */
  get started(): boolean {
    return this.server !== undefined;
  }

  /** target is the `host:port` behind the proxy. */
  get target(): string {
    return `${this.targetHost}:${this.targetPort}`;
  }

  /** start listens and resolves with the proxy's address. */
  async start(): Promise<string> {
    const { host, port } = parseHostPort(this.options.listen ?? '127.0.0.1:0', 'listen');
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: false }, (socket) =>
      this.accept(socket),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const bound = server.address();
    if (bound === null || typeof bound === 'string') throw new Error('proxy bound no TCP port');
    this.server = server;
    this.listenAddress = `${host}:${bound.port}`;
    return this.listenAddress;
  }

  /** faults returns the faults in force, defaults filled in. */
  faults(): CompiledLinkFaults {
    return this.compiled;
  }

  /** setFaults replaces every fault with `faults` ({} heals). */
  setFaults(faults: LinkFaults): void {
    const compiled = compileLinkFaults(faults);
    const wasBlackhole = this.compiled.blackhole;
    this.raw = { ...faults };
    this.compiled = compiled;
    if (wasBlackhole && !compiled.blackhole) this.resetPoisoned();
    for (const connection of this.connections) connection.kick();
  }

  /** updateFaults changes the fields given and keeps the others. */
  updateFaults(faults: LinkFaults): void {
    this.setFaults({ ...this.raw, ...faults });
  }

  /** latency delays every chunk by latencyMs plus up to jitterMs, each way. */
  latency(latencyMs: number, jitterMs = 0): void {
    this.updateFaults({ latencyMs, jitterMs });
  }

  /** bandwidth limits each connection to bytesPerSecond each way (0 lifts it). */
  bandwidth(bytesPerSecond: number): void {
    this.updateFaults({ bandwidthBytesPerSecond: bytesPerSecond });
  }

  /** cut holds the given directions: ['up', 'down'] is a full partition. */
  cut(directions: readonly Direction[] = ['up', 'down']): void {
    this.updateFaults({ cut: directions });
  }

  /** blackhole drops every byte and never answers new connections. */
  blackhole(): void {
    this.updateFaults({ blackhole: true });
  }

  /** refuse resets new connections as they arrive. */
  refuse(): void {
    this.updateFaults({ refuse: true });
  }

  /** resetConnections resets every open connection now; it returns how many. */
  resetConnections(): number {
    const open = [...this.connections];
    for (const connection of open) connection.reset();
    return open.length;
  }

  /** heal removes every fault; held bytes are delivered, blackholed connections reset. */
  heal(): void {
    this.setFaults({});
  }

  /** setTarget points new connections at another address; open ones keep theirs. */
  setTarget(target: string): void {
    ({ host: this.targetHost, port: this.targetPort } = parseHostPort(target, 'target'));
  }

  stats(): ProxyStats {
    let bytesUp = this.closedBytes.up;
    let bytesDown = this.closedBytes.down;
    for (const connection of this.connections) {
      const bytes = connection.forwardedBytes();
      bytesUp += bytes.up;
      bytesDown += bytes.down;
    }
    const open = this.connections.size;
    return { accepted: this.accepted, open, resets: this.resets, bytesUp, bytesDown };
  }

  /** describe renders the proxy and its faults in one line. */
  describe(): string {
    return `${this.name} ${this.listenAddress || '(not started)'} → ${this.target}: ${describeLinkFaults(this.compiled)}`;
  }

  /** stop closes the listener and every connection. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const connection of this.connections) connection.destroy();
    this.connections.clear();
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.accepted += 1;
    if (this.compiled.refuse) {
      this.resets += 1;
      socket.on('error', () => undefined);
      socket.resetAndDestroy();
      return;
    }
    const connection = new ProxiedConnection(socket, {
      faults: () => this.compiled,
      random: () => this.random.next(),
      target: () => ({ host: this.targetHost, port: this.targetPort }),
      closed: (c) => {
        const bytes = c.forwardedBytes();
        this.closedBytes.up += bytes.up;
        this.closedBytes.down += bytes.down;
        this.connections.delete(c);
      },
      countReset: () => {
        this.resets += 1;
      },
    });
    this.connections.add(connection);
  }

  private resetPoisoned(): void {
    for (const connection of [...this.connections]) {
      if (connection.poisoned) connection.reset();
    }
  }
}
