import { request } from 'node:http';
import { isAbsolute } from 'node:path';
import { CliError } from '../cli-errors';
import type {
  AddProxyRequest,
  FaultRequest,
  ProxySelector,
  ProxyView,
} from './proxy-host-protocol';

/** CONTROL_DEADLINE_MS bounds one control request to the proxy host. */
const CONTROL_DEADLINE_MS = 10_000;

/** ProxyControlClient talks to a lab's fault proxy host (see proxy-host-protocol.ts). */
export class ProxyControlClient {
  constructor(private readonly address: string) {}

  /** list returns every proxy and its faults. */
  async list(): Promise<ProxyView[]> {
    return (await this.call<{ proxies: ProxyView[] }>('GET', '/proxies')).proxies;
  }

  /** add puts a proxy in front of a new HSM. */
  async add(request: AddProxyRequest): Promise<ProxyView> {
    return (await this.call<{ proxy: ProxyView }>('POST', '/proxies', request)).proxy;
  }

  /** setFaults merges faults into those in force on the selected proxies. */
  async setFaults(request: FaultRequest): Promise<ProxyView[]> {
    return (await this.call<{ affected: ProxyView[] }>('POST', '/faults', request)).affected;
  }

  /** heal removes every fault from the selected proxies (all when the selector is empty). */
  async heal(selector: ProxySelector): Promise<ProxyView[]> {
    return (await this.call<{ affected: ProxyView[] }>('POST', '/heal', selector)).affected;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (isAbsolute(this.address)) return this.callUnix<T>(method, path, body);
    let response: Response;
    try {
      response = await fetch(`http://${this.address}${path}`, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CONTROL_DEADLINE_MS),
      });
    } catch (err) {
      throw new CliError(
        `cannot reach the lab's fault proxies at ${this.address} (${(err as Error).message}): is the lab up? ("hsmlab lab up" starts them)`,
        { cause: err },
      );
    }
    const parsed = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) {
      throw new CliError(`fault proxies: ${parsed.error ?? `HTTP ${response.status}`}`);
    }
    return parsed;
  }

  /**
   * callUnix is `call` over a unix socket (`address` is its path): the
   * control API of a proxy host inside a container's network namespace.
   */
  private callUnix<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        {
          socketPath: this.address,
          path,
          method,
          headers: text === undefined ? {} : { 'content-type': 'application/json' },
          timeout: CONTROL_DEADLINE_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            let parsed: T & { error?: string };
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { error?: string };
            } catch {
              parsed = {} as T & { error?: string };
            }
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(new CliError(`fault proxy: ${parsed.error ?? `HTTP ${status}`}`));
            } else {
              resolve(parsed);
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${CONTROL_DEADLINE_MS} ms`)));
      req.on('error', (err) =>
        reject(
          new CliError(`cannot reach the fault proxy at ${this.address} (${err.message})`, {
            cause: err,
          }),
        ),
      );
      req.end(text);
    });
  }
}
