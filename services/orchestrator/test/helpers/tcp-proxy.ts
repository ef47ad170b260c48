import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * TcpProxy sits between the orchestrator and one node. It forwards bytes
 * both ways, records every byte the node sent back (what the orchestrator
 * received), and can cut the link: open connections are dropped and new ones
 * are refused until it is restored — a network partition at the TCP level.
 */
export class TcpProxy {
  address = '';
  /** Bytes from the node towards the orchestrator, in arrival order. */
  readonly received: Buffer[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private cut = false;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const [host, port] = [
      this.target.slice(0, this.target.lastIndexOf(':')),
      Number(this.target.split(':').pop()),
    ];
    this.server = createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = connect(port, host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      upstream.on('data', (chunk: Buffer) => this.received.push(chunk));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.address = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.address;
  }

  /** partition drops every open connection and refuses new ones. */
  partition(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  heal(): void {
    this.cut = false;
  }

  receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }

  async stop(): Promise<void> {
    this.partition();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
