import type { LineBuffer } from './line-buffer';

/** SignSecond is one per-second line of the example client. */
export interface SignSecond {
  readonly ok: number;
  readonly failed: number;
  /** Node ids that answered signs in that second. */
  readonly answeredBy: readonly string[];
  readonly routable: readonly string[];
  readonly down: readonly string[];
}

const SIGN_LINE = /example-client: signs ok=(\d+) failed=(\d+) by=(\S+) routable=(\S+) down=(\S+)/;

function names(field: string, withCounts: boolean): string[] {
  if (field === '-') return [];
  return field.split(',').map((item) => (withCounts ? item.split(':')[0]! : item));
}

/** parseSignLine reads a per-second line, or undefined for any other line. */
export function parseSignLine(line: string): SignSecond | undefined {
  const match = SIGN_LINE.exec(line);
  if (!match) return undefined;
  return {
    ok: Number(match[1]),
    failed: Number(match[2]),
    answeredBy: names(match[3]!, true),
    routable: names(match[4]!, false),
    down: names(match[5]!, false),
  };
}

/**
 * waitForSteadySigns waits until `seconds` per-second lines in a row (from
 * line `from` on) each show signs that verified and satisfy `also`; it
 * resolves with the index after the last of them and the failures seen in
 * between.
 */
export async function waitForSteadySigns(
  buffer: LineBuffer,
  what: string,
  options: {
    from: number;
    seconds: number;
    timeoutMs: number;
    also?: (second: SignSecond) => boolean;
  },
): Promise<{ next: number; failedSigns: number }> {
  let run = 0;
  let failedSigns = 0;
  const { value, next } = await buffer.waitFor(
    what,
    (line) => {
      const second = parseSignLine(line);
      if (second === undefined) return undefined;
      failedSigns += second.failed;
      const good = second.ok > 0 && (options.also?.(second) ?? true);
      run = good ? run + 1 : 0;
      return run >= options.seconds ? failedSigns : undefined;
    },
    options.timeoutMs,
    options.from,
  );
  return { next, failedSigns: value };
}
