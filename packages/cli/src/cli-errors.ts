import { CommanderError } from 'commander';
import { HsmError, InvalidOptionError } from '@hsmlab/client';

/** EXIT_FAILURE is the exit code of a command that ran and failed. */
export const EXIT_FAILURE = 1;
/** EXIT_USAGE is the exit code of a command line that cannot be run as written. */
export const EXIT_USAGE = 2;

/**
 * CliError is a failure the CLI explains in one line: `message` is printed
 * after "hsmlab: " and the process exits with `exitCode`.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
  }
}

/** UsageError says the command line itself is wrong (a flag, a value, a missing target). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, { exitCode: EXIT_USAGE });
    this.name = 'UsageError';
  }
}

/** ExplainedFailure is what the CLI prints and exits with for one error. */
export interface ExplainedFailure {
  message: string;
  exitCode: number;
}

/**
 * explainError turns any error into one line and an exit code. Commander's
 * own parse errors are usage errors; SDK option errors too (they name a bad
 * flag value); every other error is a failure of the command.
 */
export function explainError(err: unknown): ExplainedFailure {
  if (err instanceof CommanderError) {
    return { message: err.message.replace(/^error: /, ''), exitCode: EXIT_USAGE };
  }
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof InvalidOptionError) return { message: err.message, exitCode: EXIT_USAGE };
  if (err instanceof HsmError) return { message: err.message, exitCode: EXIT_FAILURE };
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const path = (err as NodeJS.ErrnoException).path;
    if (code === 'ENOENT' && path !== undefined) {
      return { message: `no such file: ${path}`, exitCode: EXIT_FAILURE };
    }
    if (code === 'EACCES' && path !== undefined) {
      return { message: `permission denied: ${path}`, exitCode: EXIT_FAILURE };
    }
    return { message: err.message, exitCode: EXIT_FAILURE };
  }
  return { message: String(err), exitCode: EXIT_FAILURE };
}
