import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** ManagedProcessOptions describe one service process. */
export interface ManagedProcessOptions {
  /** Name for messages, such as the node id. */
  name: string;
  /** The service's main script, run with this Node. */
  main: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The `msg` of the JSON log line that says the service is listening. */
  readyMessage: string;
  /** File every stdout and stderr line is appended to, across restarts. */
  logFile: string;
  /** @default 20_000 */
  startTimeoutMs?: number;
}

/** TAIL_LINES is how many recent output lines are kept for error messages. */
const TAIL_LINES = 40;
/** STOP_GRACE_MS is how long stop() waits for SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 8000;

/**
 * ManagedProcess runs one hsmlab service (an HSM node or the orchestrator)
 * as an OS process: it starts it, waits for its "listening" line, and
 * signals it. It can be started again after it exited, with the same
 * arguments, so a restarted service keeps its data dir and port.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private readonly tail: string[] = [];
  private exited: Promise<void> = Promise.resolve();
  /** paused is true between pause() and resume() (or the process's end). */
  paused = false;
  /** starts counts successful starts. */
  starts = 0;

  constructor(readonly options: ManagedProcessOptions) {}

  /** pid of the running process, or undefined. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    const child = this.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** start runs the process and resolves with the address from its ready line. */
  async start(): Promise<string> {
    if (this.running) throw new Error(`${this.options.name} is already running`);
    this.log ??= createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [this.options.main, ...this.options.args], {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.paused = false;
    this.exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const stderr = createInterface({ input: child.stderr! });
    stderr.on('line', (line) => this.keep(line));

    const timeoutMs = this.options.startTimeoutMs ?? 20_000;
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(this.failure(`did not report ready within ${timeoutMs} ms`));
      }, timeoutMs);
      const stdout = createInterface({ input: child.stdout! });
      stdout.on('line', (line) => {
        this.keep(line);
        const ready = readyAddress(line, this.options.readyMessage);
        if (ready !== undefined) {
          clearTimeout(timer);
          resolve(ready);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(this.failure(`exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
    this.starts += 1;
    return address;
  }

  /** signal sends a signal without waiting. */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) return;
    this.child!.kill(signal);
    if (signal === 'SIGSTOP') this.paused = true;
    if (signal === 'SIGCONT') this.paused = false;
  }

  /** pause stops the process in place (SIGSTOP): its sockets stay open, it answers nothing. */
  pause(): void {
    this.signal('SIGSTOP');
  }

  /** resume continues a paused process (SIGCONT). */
  resume(): void {
    this.signal('SIGCONT');
  }

  /** kill sends `signal` (SIGKILL by default) and resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exited;
    this.paused = false;
  }

  /** stop asks the process to exit (SIGTERM) and kills it after a grace period. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.resume();
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_GRACE_MS);
    timer.unref();
    this.child!.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  /** close stops the process and closes its log file. */
  async close(): Promise<void> {
    await this.stop();
    const log = this.log;
    this.log = undefined;
    if (log) await new Promise<void>((resolve) => log.end(() => resolve()));
  }

  /** recentOutput is the last lines the process printed. */
  recentOutput(): string {
    return this.tail.join('\n');
  }

  private keep(line: string): void {
    this.log?.write(`${line}\n`);
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }

  private failure(what: string): Error {
    return new Error(`${this.options.name} ${what}; last output:\n${this.recentOutput()}`);
  }
}

/** readyAddress returns the address of a JSON log line whose msg is `message`. */
function readyAddress(line: string, message: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const record = JSON.parse(line) as { msg?: unknown; address?: unknown };
    return record.msg === message && typeof record.address === 'string'
      ? record.address
      : undefined;
  } catch {
    return undefined;
  }
}
