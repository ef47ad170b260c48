import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * LineBuffer collects a container's output line by line and lets a test wait
 * for lines that match, with a timeout that names what it waited for and
 * shows the last lines seen.
 */
export class LineBuffer {
  readonly lines: string[] = [];
  private partial = '';
  private readonly listeners = new Set<() => void>();

  /** push adds a chunk of output. */
  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') this.lines.push(line);
    for (const listener of [...this.listeners]) listener();
  }

  /** attach reads a stream into the buffer. */
  attach(stream: Readable): void {
    stream.on('data', (chunk: Buffer) => this.push(chunk));
  }

  /** tail is the last count lines, for failure messages. */
  tail(count = 15): string {
    return this.lines.slice(-count).join('\n');
  }

  /**
   * waitFor calls check on each line from index `from` on (and on every new
   * line) until it returns a value; it resolves with that value and the
   * index of the line after it.
   */
  waitFor<T>(
    what: string,
    check: (line: string, index: number) => T | undefined,
    timeoutMs: number,
    from = 0,
  ): Promise<{ value: T; next: number }> {
    return new Promise((resolve, reject) => {
      let index = from;
      const scan = (): boolean => {
        for (; index < this.lines.length; index += 1) {
          const value = check(this.lines[index]!, index);
          if (value !== undefined) {
            finish();
            resolve({ value, next: index + 1 });
            return true;
          }
        }
        return false;
      };
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(onLine);
      };
      const onLine = () => void scan();
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; last lines:\n${this.tail()}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(onLine);
      scan();
    });
  }
}

/** followContainer streams `docker logs -f` of a container into a LineBuffer. */
export function followContainer(id: string): { buffer: LineBuffer; stop: () => void } {
  const buffer = new LineBuffer();
  const child: ChildProcess = spawn('docker', ['logs', '-f', id], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  buffer.attach(child.stdout!);
  buffer.attach(child.stderr!);
  return { buffer, stop: () => void child.kill() };
}
