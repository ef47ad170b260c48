import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, type CompiledLinkFaults, type LinkFaults } from '@hsmlab/chaos';
import { CliError } from '../cli-errors';
import { ProxyControlClient } from '../chaos/proxy-control-client';
import type { ProxyView } from '../chaos/proxy-host-protocol';
import type { ComposeContainer, ComposeProject } from './compose-target';
import { NETNS_PROXY_MAIN_FILE, NETNS_PROXY_READY } from './netns-proxy-names';

/**
 * Network faults on the compose lab. The kernel may have no `tc netem`, so
 * the lab's own TCP fault proxy does the work, run where the node's traffic
 * can be sent through it without changing any address:
 *
 *   nsenter --net=/proc/<container pid>/ns/net node netns-proxy-main.js ...
 *     a host process inside the HSM container's network namespace, listening
 *     on 0.0.0.0:<free port> and forwarding to 127.0.0.1:<node port>;
 *   iptables -t nat -A PREROUTING -p tcp --dport <node port> -j REDIRECT --to-ports <proxy port>
 *     (in that netns) every connection coming in from clients and the
 *     orchestrator now goes through the proxy; the container's own health
 *     check (127.0.0.1, OUTPUT chain) does not;
 *   iptables -A INPUT ! -i lo -p tcp --dport <node port> -j REJECT --reject-with tcp-reset
 *     connections opened before the REDIRECT (they skip the nat table) are
 *     reset on their next packet, so none bypasses a partition; and
 *   ss -K (in that netns) resets them at once.
 *
 * Each proxy keeps its record in `<state dir>/<hsm id>.json` and serves the
 * proxy host's control API on a unix socket. A container restarted outside
 * these commands gets a new netns without the rules: the next network
 * command notices, moves the proxy (and its faults) to the new netns.
 */

/** RULE_COMMENT marks the iptables rules of this module, so they can be found and removed. */
export const RULE_COMMENT = 'hsmlab-chaos';
/** START_TIMEOUT_MS bounds how long a netns proxy may take to say it serves. */
const START_TIMEOUT_MS = 15_000;
/** STOP_TIMEOUT_MS is how long a netns proxy gets to stop on SIGTERM before SIGKILL. */
const STOP_TIMEOUT_MS = 5_000;
/** MAX_SOCKET_PATH keeps unix socket paths under the kernel's 108-byte limit. */
const MAX_SOCKET_PATH = 100;

/** NetnsProxyRecord is `<state dir>/<hsm id>.json`: one attached proxy. */
export interface NetnsProxyRecord {
  format: 1;
  hsmId: string;
  az: string;
  containerId: string;
  containerName: string;
  /** The network namespace the proxy and the rules live in, e.g. net:[4026532189]. */
  netns: string;
  nodePort: number;
  proxyPort: number;
  /** Host pid of the proxy process. */
  pid: number;
  /** Unix socket of its control API. */
  control: string;
  log: string;
}

/** ComposeProxyView is a ProxyView with the container it fronts. */
export interface ComposeProxyView extends ProxyView {
  container: string;
  /** The container's state: running, paused, exited... */
  nodeStatus: string;
}

/** redirectRule is the nat rule sending the node's incoming connections to the proxy. */
export function redirectRule(nodePort: number, proxyPort: number): string[] {
  return [
    '-t',
    'nat',
    '-A',
    'PREROUTING',
    '-p',
    'tcp',
    '--dport',
    String(nodePort),
    '-m',
    'comment',
    '--comment',
    RULE_COMMENT,
    '-j',
    'REDIRECT',
    '--to-ports',
    String(proxyPort),
  ];
}

/** bypassRule resets packets of connections that reached the node port without the proxy. */
export function bypassRule(nodePort: number): string[] {
  return [
    '-t',
    'filter',
    '-A',
    'INPUT',
    '!',
    '-i',
    'lo',
    '-p',
    'tcp',
    '--dport',
    String(nodePort),
    '-m',
    'comment',
    '--comment',
    RULE_COMMENT,
    '-j',
    'REJECT',
    '--reject-with',
    'tcp-reset',
  ];
}

/**
 * deletionsOf turns `iptables -S <chain>` output into the argument lists
 * that delete this module's rules (`-A` → `-D`, marked by RULE_COMMENT).
 */
export function deletionsOf(table: string, listing: string): string[][] {
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('-A ') && line.includes(RULE_COMMENT))
    .map((line) => [
      '-t',
      table,
      '-D',
      ...line
        .slice(3)
        .split(/\s+/)
        .map((word) => word.replace(/^"(.*)"$/, '$1')),
    ]);
}

/** linkFaultsOf turns the faults a proxy reports back into faults it can be given. */
export function linkFaultsOf(compiled: CompiledLinkFaults): LinkFaults {
  const cut: Array<'up' | 'down'> = [];
  if (compiled.cutUp) cut.push('up');
  if (compiled.cutDown) cut.push('down');
  return {
    latencyMs: compiled.latencyMs,
    jitterMs: compiled.jitterMs,
    bandwidthBytesPerSecond: compiled.bandwidthBytesPerSecond,
    cut,
    blackhole: compiled.blackhole,
    resetProbability: compiled.resetProbability,
    refuse: compiled.refuse,
  };
}

/** run runs a host tool (iptables, ss, nsenter) and resolves with its output. */
function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err === null) {
        resolve(stdout);
      } else if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new CliError(`${command} is not installed: network faults with --compose need it`));
      } else {
        const reason = stderr.trim().split('\n')[0] || err.message;
        reject(new CliError(`${command} ${args.join(' ')}: ${reason}`));
      }
    });
  });
}

/** inNetns runs a host program inside the network namespace of a process. */
function inNetns(pid: number, command: string, args: readonly string[]): Promise<string> {
  return run('nsenter', [`--net=/proc/${pid}/ns/net`, '--', command, ...args]);
}

/** netnsOf names the network namespace of a process; undefined when it is gone. */
function netnsOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/** requireRoot fails unless this process may nsenter and change iptables. */
function requireRoot(): void {
  if (process.getuid !== undefined && process.getuid() !== 0) {
    throw new CliError(
      "network faults with --compose run a fault proxy inside the container's network namespace (nsenter, iptables): run them as root",
    );
  }
}

/** hostAlive says whether a record's proxy process still runs (and is that proxy). */
function hostAlive(record: NetnsProxyRecord): boolean {
  try {
    process.kill(record.pid, 0);
    return readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').includes(record.control);
  } catch {
    return false;
  }
}

/** ComposeNetwork attaches, drives and detaches the netns fault proxies of one project. */
export class ComposeNetwork {
  constructor(
    readonly project: ComposeProject,
    readonly stateDir: string,
  ) {}

  /** records reads every proxy record of the project's HSMs, by HSM id. */
  async records(): Promise<Map<string, NetnsProxyRecord>> {
    const records = new Map<string, NetnsProxyRecord>();
    let files: string[];
    try {
      files = await readdir(this.stateDir);
    } catch {
      return records;
    }
    for (const file of files.filter((f) => f.endsWith('.json')).sort()) {
      try {
        const record = JSON.parse(
          await readFile(join(this.stateDir, file), 'utf8'),
        ) as NetnsProxyRecord;
        if (record.format === 1) records.set(record.hsmId, record);
      } catch {
        // a record being written, or not one of ours
      }
    }
    return records;
  }

  /**
   * setFaults attaches a proxy in front of each HSM where there is none and
   * merges `faults` into those in force.
   */
  async setFaults(
    hsms: readonly ComposeContainer[],
    faults: LinkFaults,
  ): Promise<ComposeProxyView[]> {
    const views: ComposeProxyView[] = [];
    for (const hsm of hsms) {
      const record = await this.ensure(hsm);
      const [view] = await this.client(record).setFaults({ faults });
      views.push(this.decorate(view!, hsm));
    }
    return views;
  }

  /**
   * heal removes every fault of the selected HSMs' proxies (those without
   * one are healthy already); the proxies stay, `detach` removes them.
   */
  async heal(hsms: readonly ComposeContainer[]): Promise<ComposeProxyView[]> {
    const records = await this.records();
    const views: ComposeProxyView[] = [];
    for (const hsm of hsms) {
      const record = await this.current(hsm, records.get(hsm.service));
      if (record === undefined) continue;
      const [view] = await this.client(record).heal({});
      views.push(this.decorate(view!, hsm));
    }
    return views;
  }

  /** list shows every attached proxy, moving any left behind by a container restart. */
  async list(): Promise<ComposeProxyView[]> {
    const records = await this.records();
    const views: ComposeProxyView[] = [];
    for (const hsm of this.project.hsms) {
      const record = await this.current(hsm, records.get(hsm.service));
      if (record === undefined) continue;
      const [view] = await this.client(record).list();
      views.push(this.decorate(view!, hsm));
    }
    return views;
  }

  /**
   * current is the record of an attached proxy, kept up to date: moved to
   * the container's netns when it runs, forgotten (undefined) when the
   * container is down and the proxy is gone. Undefined when there is none.
   */
  private async current(
    hsm: ComposeContainer,
    record: NetnsProxyRecord | undefined,
  ): Promise<NetnsProxyRecord | undefined> {
    if (record === undefined) return undefined;
    if (hsm.pid > 0) return this.ensure(hsm);
    if (hostAlive(record)) return record;
    await this.forget(record);
    return undefined;
  }

  /**
   * detach removes the rules and stops the proxies of the selected HSMs;
   * rules left without a record are removed too. It returns the HSMs that had
   * a proxy or rules.
   */
  async detach(hsms: readonly ComposeContainer[]): Promise<string[]> {
    requireRoot();
    const records = await this.records();
    const detached: string[] = [];
    for (const hsm of hsms) {
      const record = records.get(hsm.service);
      const removed = hsm.pid > 0 ? await this.removeRules(hsm.pid) : 0;
      if (record !== undefined) {
        if (hostAlive(record)) await this.stopHost(record);
        await this.forget(record);
      }
      if (record !== undefined || removed > 0) detached.push(hsm.service);
    }
    return detached;
  }

  /**
   * reattach is for a container these commands have just started again: if
   * it had a proxy, the proxy and its faults move to the new netns.
   */
  async reattach(hsm: ComposeContainer): Promise<boolean> {
    if (!(await this.records()).has(hsm.service) || hsm.pid <= 0) return false;
    await this.ensure(hsm);
    return true;
  }

  /**
   * ensure returns the record of a proxy serving in the HSM's current netns:
   * the one there, one moved from the netns of an earlier run of the
   * container (keeping its faults), or a new one.
   */
  async ensure(hsm: ComposeContainer): Promise<NetnsProxyRecord> {
    requireRoot();
    if (hsm.pid <= 0) {
      throw new CliError(
        `${hsm.service} is not running (container ${hsm.name} is ${hsm.status}): network faults need it running`,
      );
    }
    if (hsm.port <= 0) throw new CliError(`${hsm.service}: cannot tell its port (HSMLAB_LISTEN)`);
    const netns = netnsOf(hsm.pid);
    if (netns === undefined) throw new CliError(`${hsm.service}: pid ${hsm.pid} is gone`);
    const old = (await this.records()).get(hsm.service);
    let carried: LinkFaults | undefined;
    if (old !== undefined) {
      const alive = hostAlive(old);
      if (alive && netnsOf(old.pid) === netns && old.containerId === hsm.id) return old;
      if (alive) {
        const [view] = await this.client(old)
          .list()
          .catch(() => []);
        if (view !== undefined && view.description !== 'healthy')
          carried = linkFaultsOf(view.faults);
        await this.stopHost(old);
      }
      await this.forget(old);
    }
    // Rules of a proxy that died in this very netns would send the node's traffic nowhere.
    await this.removeRules(hsm.pid);
    const record = await this.attach(hsm, netns);
    if (carried !== undefined) await this.client(record).setFaults({ faults: carried });
    return record;
  }

  private client(record: NetnsProxyRecord): ProxyControlClient {
    return new ProxyControlClient(record.control);
  }

  private decorate(view: ProxyView, hsm: ComposeContainer): ComposeProxyView {
    return { ...view, container: hsm.name, nodeStatus: hsm.status };
  }

  private controlPath(hsmId: string): string {
    const path = join(this.stateDir, `${hsmId}.sock`);
    if (path.length <= MAX_SOCKET_PATH) return path;
    const digest = createHash('sha256').update(this.stateDir).digest('hex').slice(0, 12);
    return join(tmpdir(), `hsmlab-chaos-${digest}-${hsmId}.sock`);
  }

  /** attach starts a proxy in the HSM's netns and sends the node's incoming connections through it. */
  private async attach(hsm: ComposeContainer, netns: string): Promise<NetnsProxyRecord> {
    await mkdir(this.stateDir, { recursive: true, mode: 0o700 });
    const stateFile = join(this.stateDir, `${hsm.service}.json`);
    const control = this.controlPath(hsm.service);
    const logFile = join(this.stateDir, `${hsm.service}.log`);
    const offset = existsSync(logFile) ? statSync(logFile).size : 0;
    const fd = openSync(logFile, 'a', 0o600);
    let exit: string | undefined;
    const child = spawn(
      'nsenter',
      [
        `--net=/proc/${hsm.pid}/ns/net`,
        '--',
        process.execPath,
        join(__dirname, NETNS_PROXY_MAIN_FILE),
        '--hsm-id',
        hsm.service,
        '--az',
        hsm.az || '-',
        '--target',
        `127.0.0.1:${hsm.port}`,
        '--listen',
        '0.0.0.0:0',
        '--control',
        control,
        '--container',
        hsm.id,
        '--state-file',
        stateFile,
      ],
      { detached: true, stdio: ['ignore', fd, fd] },
    );
    closeSync(fd);
    child.once('exit', (code, signal) => {
      exit = signal === null ? `exit code ${code}` : `signal ${signal}`;
    });
    child.once('error', (err) => {
      exit =
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'nsenter is not installed' : err.message;
    });
    try {
      let proxyPort: number;
      try {
        proxyPort = await this.waitReady(hsm, logFile, offset, () => exit);
      } catch (err) {
        if (exit === undefined && child.pid !== undefined) child.kill('SIGKILL');
        throw err;
      }
      const record: NetnsProxyRecord = {
        format: 1,
        hsmId: hsm.service,
        az: hsm.az,
        containerId: hsm.id,
        containerName: hsm.name,
        netns,
        nodePort: hsm.port,
        proxyPort,
        pid: child.pid!,
        control,
        log: logFile,
      };
      await writeFile(stateFile, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
      try {
        await inNetns(hsm.pid, 'iptables', ['-w', ...redirectRule(hsm.port, proxyPort)]);
        await inNetns(hsm.pid, 'iptables', ['-w', ...bypassRule(hsm.port)]);
      } catch (err) {
        await this.removeRules(hsm.pid).catch(() => 0);
        await this.stopHost(record);
        await this.forget(record);
        throw err;
      }
      await this.resetDirectConnections(hsm);
      return record;
    } finally {
      child.unref();
    }
  }

  private async waitReady(
    hsm: ComposeContainer,
    logFile: string,
    offset: number,
    exited: () => string | undefined,
  ): Promise<number> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const text = readFileSync(logFile).subarray(offset).toString('utf8');
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; proxy?: string };
          if (entry.msg === NETNS_PROXY_READY && typeof entry.proxy === 'string') {
            return Number(entry.proxy.slice(entry.proxy.lastIndexOf(':') + 1));
          }
        } catch {
          // a line still being written
        }
      }
      const exit = exited();
      if (exit !== undefined || Date.now() > deadline) {
        const tail = text.trimEnd().split('\n').slice(-5).join('\n  ');
        throw new CliError(
          `the fault proxy of ${hsm.service} did not start (${exit ?? `silent for ${START_TIMEOUT_MS} ms`}):\n  ${tail}`,
        );
      }
      await sleep(100);
    }
  }

  /**
   * resetDirectConnections resets the node's connections opened before the
   * REDIRECT (not from the proxy on loopback), so clients reconnect through
   * it. The bypass rule would reset them on their next packet anyway; this
   * makes it happen now, where the kernel can destroy sockets (ss -K).
   */
  private async resetDirectConnections(hsm: ComposeContainer): Promise<void> {
    await inNetns(hsm.pid, 'ss', [
      '-K',
      '-4',
      '-t',
      '-n',
      'state',
      'established',
      `( sport = :${hsm.port} )`,
      'and',
      'not',
      'dst',
      '127.0.0.1',
    ]).catch(() => undefined);
  }

  /** removeRules deletes this module's iptables rules in a container's netns; returns how many. */
  private async removeRules(pid: number): Promise<number> {
    let removed = 0;
    for (const [table, chain] of [
      ['nat', 'PREROUTING'],
      ['filter', 'INPUT'],
    ] as const) {
      const listing = await inNetns(pid, 'iptables', ['-w', '-t', table, '-S', chain]);
      for (const args of deletionsOf(table, listing)) {
        await inNetns(pid, 'iptables', ['-w', ...args]);
        removed += 1;
      }
    }
    return removed;
  }

  /** stopHost stops a proxy process: SIGTERM, then SIGKILL. */
  private async stopHost(record: NetnsProxyRecord): Promise<void> {
    try {
      process.kill(record.pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (hostAlive(record)) {
      if (Date.now() > deadline) {
        try {
          process.kill(record.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
        return;
      }
      await sleep(50);
    }
  }

  private async forget(record: NetnsProxyRecord): Promise<void> {
    await rm(join(this.stateDir, `${record.hsmId}.json`), { force: true });
    await rm(record.control, { force: true });
  }
}
