import { parseDurationMs } from '@hsmlab/common';

/** EnvError names an environment variable whose value cannot be used. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'EnvError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * EnvReader reads the settings of a compose program from its environment;
 * an empty variable counts as unset, so a compose file can blank one out.
 */
export class EnvReader {
  constructor(private readonly env: Env = process.env) {}

  /** optional is the variable's value, or undefined when it is unset or empty. */
  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** text is the variable's value, or fallback. */
  text(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  /** flag reads 1/true/yes/on as true and 0/false/no/off as false. */
  flag(name: string, fallback = false): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off)$/i.test(value)) return false;
    throw new EnvError(name, `${JSON.stringify(value)} is not a boolean (use true or false)`);
  }

  /** positiveNumber reads a number greater than zero. */
  positiveNumber(name: string, fallback: number): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      throw new EnvError(name, `${JSON.stringify(value)} is not a positive number`);
    }
    return n;
  }

  /** durationMs reads a duration such as 500ms, 30s or 3m. */
  durationMs(name: string, fallbackMs: number): number {
    const value = this.optional(name);
    if (value === undefined) return fallbackMs;
    try {
      return parseDurationMs(value);
    } catch (err) {
      throw new EnvError(name, (err as Error).message);
    }
  }

  /** list splits a comma-separated value, dropping blanks. */
  list(name: string, fallback: readonly string[]): string[] {
    const value = this.optional(name);
    if (value === undefined) return [...fallback];
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}
