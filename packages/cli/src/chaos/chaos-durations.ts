import { parseDurationMs } from '@hsmlab/common';
import { UsageError } from '../cli-errors';

/** durationFlag parses a duration flag such as "2s" or "500ms"; a usage error names the flag. */
export function durationFlag(text: string, flag: string): number {
  try {
    return parseDurationMs(text);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}

/** optionalDuration parses an optional duration flag: undefined when it was not given. */
export function optionalDuration(text: string | undefined, flag: string): number | undefined {
  return text === undefined ? undefined : durationFlag(text, flag);
}

/** signedDurationFlag parses a duration that may be negative: "1h", "+90s", "-30m". */
export function signedDurationFlag(text: string, flag: string): number {
  const trimmed = text.trim();
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const body = trimmed.startsWith('-') || trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  return sign * durationFlag(body, flag);
}

/** millisecondsFlag parses a whole number of milliseconds ≥ 0. */
export function millisecondsFlag(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0) {
    throw new UsageError(`${flag} must be a whole number of milliseconds ≥ 0; got ${text}`);
  }
  return value;
}
