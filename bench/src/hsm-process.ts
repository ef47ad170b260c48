import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { forgetOwnPid, OWN_PIDS } from './machine-load';

/** READY_MESSAGE is the node's log line that says it listens. */
const READY_MESSAGE = 'node listening';
/** ORCHESTRATOR_READY_MESSAGE is the orchestrator's. */
export const ORCHESTRATOR_READY_MESSAGE = 'orchestrator listening';
/** START_TIMEOUT_MS bounds how long a node may take to say it listens. */
const START_TIMEOUT_MS = 30_000;
/** KEPT_LOG_LINES is how many of a node's last log lines are kept for error messages. */
const KEPT_LOG_LINES = 50;

/** HsmProcessOptions describe one HSM node process. */
export interface HsmProcessOptions {
  main: string;
  nodeId: string;
  args: string[];
  /** Extra node flags for V8 (e.g. --cpu-prof). */
  execArgv?: string[];
  /** The log message that says the service listens. @default 'node listening' */
  readyMessage?: string;
}

/**
 * HsmProcess is one HSM node (or the orchestrator) as a real OS process. It keeps its listening
 * address across restarts (the first start binds port 0).
 */
export class HsmProcess {
  child: ChildProcess | undefined;
  address = '';
  /** Milliseconds from spawn to the node's "listening" line, for the last start. */
  startMs = NaN;
  private readonly tail: string[] = [];
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly options: HsmProcessOptions) {}

  get nodeId(): string {
    return this.options.nodeId;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  async start(): Promise<string> {
    const listen = this.address === '' ? '127.0.0.1:0' : this.address;
    const started = performance.now();
    const ready = this.options.readyMessage ?? READY_MESSAGE;
    const child = spawn(
      process.execPath,
      [
        ...(this.options.execArgv ?? []),
        this.options.main,
        ...this.options.args,
        '--listen',
        listen,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HSMLAB_LOG_LEVEL: 'info' } },
    );
    this.child = child;
    if (child.pid !== undefined) OWN_PIDS.add(child.pid);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (chunk: Buffer) => this.keep(chunk.toString()));
    this.address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.nodeId} did not listen within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      // The pipe is read to the end so a chatty node never blocks on a full pipe.
      createInterface({ input: child.stdout! }).on('line', (line) => {
        this.keep(line);
        if (!line.includes(ready)) return;
        try {
          const record = JSON.parse(line) as { msg?: string; address?: string };
          if (record.msg === ready && record.address) {
            clearTimeout(timer);
            resolve(record.address);
          }
        } catch {
          // Not JSON: only kept for messages.
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.nodeId} exited (${code ?? signal}): ${this.tail.join('\n')}`));
      });
    });
    this.startMs = performance.now() - started;
    return this.address;
  }

  /** kill sends SIGKILL and waits for the exit. */
  async kill(): Promise<void> {
    if (!this.running) return;
    forgetOwnPid(this.pid);
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  pause(): void {
    if (this.running) this.child!.kill('SIGSTOP');
  }

  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** stop ends the node with SIGTERM (SIGKILL after 8 s) and waits for it. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.resume();
    forgetOwnPid(this.pid);
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 8000);
    await this.exited;
    clearTimeout(timer);
  }

  /** rssBytes is the node's resident set size now (0 when it is not running). */
  rssBytes(): number {
    if (!this.running) return 0;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
      return match ? Number(match[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  private keep(text: string): void {
    this.tail.push(text);
    if (this.tail.length > KEPT_LOG_LINES) this.tail.shift();
  }
}
