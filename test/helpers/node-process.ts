import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** REPO_ROOT is the repository root, from this file's place in it. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const HSM_MAIN = join(REPO_ROOT, 'services', 'hsm', 'dist', 'main.js');
export const ORCHESTRATOR_MAIN = join(REPO_ROOT, 'services', 'orchestrator', 'dist', 'main.js');

/** tempDir makes a fresh directory for one test's data. */
export function tempDir(prefix = 'hsmlab-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface ServiceProcessOptions {
  main: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** The JSON log message that says the service is up. */
  readyMessage: string;
  /** @default 20_000 */
  startTimeoutMs?: number;
}

/**
 * ServiceProcess runs one hsmlab service (HSM node or orchestrator) as a real
 * OS process and waits for its "listening" log line. Every log line is kept
 * so a test can search it.
 */
export class ServiceProcess {
  child: ChildProcess | undefined;
  address = '';
  readonly lines: string[] = [];
  private exitWaiters: Array<() => void> = [];

  constructor(readonly options: ServiceProcessOptions) {}

  async start(): Promise<string> {
    const child = spawn(process.execPath, [this.options.main, ...this.options.args], {
      env: {
        ...process.env,
        HSMLAB_LOG_LEVEL: process.env.HSMLAB_LOG_LEVEL ?? 'info',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const timeoutMs = this.options.startTimeoutMs ?? 20_000;
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    child.on('exit', () => {
      const waiters = this.exitWaiters;
      this.exitWaiters = [];
      for (const w of waiters) w();
    });
    this.address = await new Promise<string>((resolveReady, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${this.options.main} did not start in ${timeoutMs} ms: ${stderr.join('')}`),
          ),
        timeoutMs,
      );
      const rl = createInterface({ input: child.stdout! });
      rl.on('line', (line) => {
        this.lines.push(line);
        try {
          const rec = JSON.parse(line) as { msg?: string; address?: string };
          if (rec.msg === this.options.readyMessage && rec.address) {
            clearTimeout(timer);
            resolveReady(rec.address);
          }
        } catch {
          // not JSON: kept in lines all the same
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `exited before it was ready (code ${code}, signal ${signal}): ${stderr.join('')}${this.lines.join('\n')}`,
          ),
        );
      });
    });
    return this.address;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** kill sends a signal and waits for the process to exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((r) => this.exitWaiters.push(r));
    this.child!.kill(signal);
    await exited;
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.resume();
    const exited = new Promise<void>((r) => this.exitWaiters.push(r));
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  }
}

export interface NodeProcessOptions {
  nodeId: string;
  az?: string;
  dataDir?: string;
  /** host:port to listen on; default 127.0.0.1:0 the first time, then the same port. */
  listen?: string;
  appliancePassword?: string;
  manufacturerCa?: { certPath: string; keyPath: string };
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * NodeProcess is one HSM node process. A restart keeps its data dir and its
 * port, as a real node's address stays the same.
 */
export class NodeProcess extends ServiceProcess {
  readonly dataDir: string;

  constructor(readonly nodeOptions: NodeProcessOptions) {
    const dataDir = nodeOptions.dataDir ?? tempDir(`hsmlab-${nodeOptions.nodeId}-`);
    const args = [
      '--node-id',
      nodeOptions.nodeId,
      '--az',
      nodeOptions.az ?? 'a',
      '--data-dir',
      dataDir,
      '--listen',
      nodeOptions.listen ?? '127.0.0.1:0',
      '--insecure',
    ];
    if (nodeOptions.appliancePassword) {
      const file = join(dataDir, '..', `${nodeOptions.nodeId}-appliance.pw`);
      writeFileSync(file, nodeOptions.appliancePassword, { mode: 0o600 });
      args.push('--appliance-password-file', file);
    }
    if (nodeOptions.manufacturerCa) {
      args.push('--manufacturer-ca-cert', nodeOptions.manufacturerCa.certPath);
      args.push('--manufacturer-ca-key', nodeOptions.manufacturerCa.keyPath);
    }
    args.push(...(nodeOptions.extraArgs ?? []));
    super({ main: HSM_MAIN, args, env: nodeOptions.env, readyMessage: 'node listening' });
    this.dataDir = dataDir;
  }

  override async start(): Promise<string> {
    const address = await super.start();
    // Keep the port across restarts.
    const i = this.options.args.indexOf('--listen');
    this.options.args[i + 1] = address;
    return address;
  }
}

/** requireBuilt fails early with a clear message when dist is missing. */
export function requireBuilt(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: run "pnpm run build" first`);
}
