const UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * parseDurationMs turns a human duration ("250ms", "1s", "5m", "2h", "7d", or
 * a bare number of milliseconds) into milliseconds. It is used only at the
 * edges (flags, environment); the rest of the code holds `…Ms` numbers.
 */
export function parseDurationMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) {
    throw new Error(`"${text}" is not a duration (use a number with ms, s, m, h or d)`);
  }
  return Math.round(Number(match[1]) * UNITS_MS[match[2] ?? 'ms']!);
}
