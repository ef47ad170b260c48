// TcpFaultProxy against a real TCP echo server on loopback.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TcpFaultProxy } from '../src';

let echo: Server;
let echoAddress = '';
/** received holds what the echo server got, per connection, in order. */
const received: Buffer[][] = [];
let proxy: TcpFaultProxy;
const clients: Socket[] = [];

/** open connects a client through the proxy and collects what comes back. */
async function open(): Promise<{ socket: Socket; data: () => Buffer; closed: Promise<string> }> {
  const socket = connect(Number(proxy.address.split(':')[1]), '127.0.0.1');
  clients.push(socket);
  const chunks: Buffer[] = [];
  socket.on('data', (d: Buffer) => chunks.push(d));
  const closed = new Promise<string>((resolve) => {
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    socket.on('close', () => resolve('close'));
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, data: () => Buffer.concat(chunks), closed };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TcpFaultProxy', () => {
  beforeAll(async () => {
    echo = createServer((socket) => {
      const mine: Buffer[] = [];
      received.push(mine);
      socket.on('data', (d: Buffer) => {
        mine.push(d);
        socket.write(d);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    echoAddress = `127.0.0.1:${(echo.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => echo.close(() => resolve()));
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await proxy?.stop();
    received.length = 0;
  });

  it('forwards bytes both ways when healthy', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 1 });
    await proxy.start();
    const c = await open();
    c.socket.write('hello');
    await waitFor(() => c.data().toString() === 'hello', 'echo');
    expect(proxy.stats().bytesUp).toBe(5);
    expect(proxy.stats().bytesDown).toBe(5);
  });

  it('delays every chunk by at least the latency and keeps order under jitter', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 2 });
    await proxy.start();
    const c = await open();
    proxy.latency(150, 100);
    const started = Date.now();
    const sent: string[] = [];
    for (let i = 0; i < 50; i++) {
      sent.push(`<${i}>`);
      c.socket.write(`<${i}>`);
      await pause(2);
    }
    await waitFor(() => c.data().toString() === sent.join(''), 'all chunks in order');
    // Two crossings of the proxy, each at least latencyMs: a lower bound, never flaky.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('holds a cut direction and delivers what it held, in order, after heal', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 3 });
    await proxy.start();
    const c = await open();
    proxy.cut(['up']);
    c.socket.write('one,');
    c.socket.write('two');
    await pause(200);
    expect(received.flat().length).toBe(0);
    proxy.heal();
    await waitFor(() => c.data().toString() === 'one,two', 'held bytes after heal');
  });

  it('lets requests through and holds the replies when only server → client is cut', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 4 });
    await proxy.start();
    const c = await open();
    proxy.cut(['down']);
    c.socket.write('work');
    await waitFor(
      () => Buffer.concat(received.flat()).toString() === 'work',
      'the server got the request',
    );
    await pause(150);
    expect(c.data().length).toBe(0);
    proxy.heal();
    await waitFor(() => c.data().toString() === 'work', 'the reply after heal');
  });

  it('drops everything under a blackhole and resets those connections on heal', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 5 });
    await proxy.start();
    const c = await open();
    proxy.blackhole();
    c.socket.write('lost');
    await pause(150);
    expect(c.data().length).toBe(0);
    expect(received.flat().length).toBe(0);
    proxy.heal();
    expect(await c.closed).toBe('ECONNRESET');
  });

  it('resets new connections while refusing, and open ones on resetConnections()', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 6 });
    await proxy.start();
    const before = await open();
    expect(proxy.resetConnections()).toBe(1);
    expect(await before.closed).toBe('ECONNRESET');

    proxy.refuse();
    const refused = connect(Number(proxy.address.split(':')[1]), '127.0.0.1');
    clients.push(refused);
    const outcome = await new Promise<string>((resolve) => {
      refused.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      refused.on('close', () => resolve('close'));
    });
    expect(outcome).toBe('ECONNRESET');
  });

  it('paces a bandwidth-limited direction', async () => {
    proxy = new TcpFaultProxy({ target: echoAddress, seed: 7 });
    await proxy.start();
    const c = await open();
    proxy.setFaults({ bandwidthBytesPerSecond: 100_000, cut: [] });
    const payload = Buffer.alloc(60_000, 7);
    const started = Date.now();
    c.socket.write(payload);
    await waitFor(() => c.data().length === payload.length, 'the paced payload', 10_000);
    // 60 kB at 100 kB/s takes 0.6 s to cross (the way back overlaps): a lower bound.
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect(c.data().equals(payload)).toBe(true);
  });

  it('rejects a bad fault with the field named', () => {
    proxy = new TcpFaultProxy({ target: echoAddress });
    expect(() => proxy.setFaults({ latencyMs: -1 })).toThrow(/LinkFaults\.latencyMs/);
    expect(() => proxy.setFaults({ resetProbability: 2 })).toThrow(/resetProbability/);
  });
});
