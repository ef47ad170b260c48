import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAbsolute } from 'node:path';
import { describeLinkFaults, TcpFaultProxy } from '@hsmlab/chaos';
import type {
  AddProxyRequest,
  FaultRequest,
  ProxySelector,
  ProxyView,
} from './proxy-host-protocol';

/** MAX_BODY_BYTES bounds one control request. */
const MAX_BODY_BYTES = 64 * 1024;

/** HostedProxy is one TcpFaultProxy and the HSM it fronts. */
interface HostedProxy {
  hsmId: string;
  az: string;
  proxy: TcpFaultProxy;
}

/** ControlError is a control request the host refuses, with its HTTP status. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * FaultProxyHost runs one TcpFaultProxy in front of each HSM of a lab and
 * serves the control API (see proxy-host-protocol.ts) on a loopback port, so
 * short-lived `hsmlab chaos ...` commands can change faults on proxies that
 * outlive them.
 */
export class FaultProxyHost {
  private readonly proxies = new Map<string, HostedProxy>();
  private server: Server | undefined;

  /** addProxy starts a proxy in front of an HSM and returns how it looks. */
  async addProxy(request: AddProxyRequest): Promise<ProxyView> {
    if (this.proxies.has(request.hsmId)) {
      throw new ControlError(409, `${request.hsmId} already has a proxy`);
    }
    const proxy = new TcpFaultProxy({
      target: request.target,
      listen: request.listen,
      name: request.hsmId,
    });
    await proxy.start();
    const hosted: HostedProxy = { hsmId: request.hsmId, az: request.az, proxy };
    this.proxies.set(request.hsmId, hosted);
    return view(hosted);
  }

  /** views lists every proxy. */
  views(): ProxyView[] {
    return [...this.proxies.values()].map(view);
  }

  /**
   * start serves the control API on `listen`: `host:port` (port 0 for a free
   * one), or the absolute path of a unix socket (what a proxy host inside a
   * container's network namespace uses: paths do not depend on the netns).
   */
  async start(listen: string): Promise<string> {
    if (isAbsolute(listen)) {
      await rm(listen, { force: true });
      this.server = await this.serve((server, ready) => server.listen(listen, ready));
      return listen;
    }
    const [host, port] = splitHostPort(listen);
    const server = await this.serve((s, ready) => s.listen(port, host, ready));
    const bound = server.address();
    if (bound === null || typeof bound === 'string') throw new Error('control bound no TCP port');
    this.server = server;
    return `${host}:${bound.port}`;
  }

  private async serve(listen: (server: Server, ready: () => void) => void): Promise<Server> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((err: unknown) => {
        const status = err instanceof ControlError ? err.status : 500;
        reply(response, status, { error: (err as Error).message });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      listen(server, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  /** stop closes the control API and every proxy. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await Promise.all([...this.proxies.values()].map((p) => p.proxy.stop()));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const route = `${request.method ?? ''} ${request.url ?? ''}`;
    switch (route) {
      case 'GET /proxies':
        reply(response, 200, { proxies: this.views() });
        return;
      case 'POST /proxies': {
        const body = (await readJson(request)) as AddProxyRequest;
        if (!body.hsmId || !body.az || !body.target) {
          throw new ControlError(400, 'hsmId, az and target are required');
        }
        reply(response, 200, { proxy: await this.addProxy(body) });
        return;
      }
      case 'POST /faults': {
        const body = (await readJson(request)) as FaultRequest;
        if (typeof body.faults !== 'object' || body.faults === null) {
          throw new ControlError(400, 'faults is required');
        }
        const selected = this.select(body);
        try {
          for (const hosted of selected) hosted.proxy.updateFaults(body.faults);
        } catch (err) {
          throw new ControlError(400, (err as Error).message);
        }
        reply(response, 200, { affected: selected.map(view) });
        return;
      }
      case 'POST /heal': {
        const selected = this.select((await readJson(request)) as ProxySelector);
        for (const hosted of selected) hosted.proxy.heal();
        reply(response, 200, { affected: selected.map(view) });
        return;
      }
      default:
        throw new ControlError(404, `no such control request: ${route}`);
    }
  }

  private select(selector: ProxySelector): HostedProxy[] {
    const all = [...this.proxies.values()];
    if (selector.hsmId !== undefined) {
      const one = this.proxies.get(selector.hsmId);
      if (one === undefined) throw new ControlError(404, `no proxy in front of ${selector.hsmId}`);
      return [one];
    }
    if (selector.az !== undefined) {
      const inAz = all.filter((p) => p.az === selector.az);
      if (inAz.length === 0) throw new ControlError(404, `no HSM in AZ ${selector.az}`);
      return inAz;
    }
    return all;
  }
}

function view(hosted: HostedProxy): ProxyView {
  const faults = hosted.proxy.faults();
  return {
    hsmId: hosted.hsmId,
    az: hosted.az,
    address: hosted.proxy.address,
    target: hosted.proxy.target,
    faults,
    description: describeLinkFaults(faults),
    stats: hosted.proxy.stats(),
  };
}

/** splitHostPort splits `host:port` (the port may be 0). */
function splitHostPort(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  const port = Number(address.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`"${address}" is not host:port`);
  }
  return [address.slice(0, at), port];
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ControlError(413, 'request too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlError(400, 'the request is not JSON');
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
