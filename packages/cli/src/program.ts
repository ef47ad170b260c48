import { Command, CommanderError } from 'commander';
import { explainError } from './cli-errors';
import { registerBackupCommands } from './commands/backup';
import { registerChaosCommands } from './commands/chaos';
import { registerClusterCommands } from './commands/cluster';
import { registerCryptoCommands } from './commands/crypto';
import { registerKeyCommands } from './commands/key';
import { registerLabCommands } from './commands/lab';
import { registerStatusCommand } from './commands/status';
import { registerUserCommands } from './commands/user';
import { addGlobalOptions } from './global-options';

/** VERSION is the CLI's version, printed by `hsmlab --version`. */
export const VERSION = '0.1.0';

/** CliIo is where a run prints; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * buildProgram makes the `hsmlab` command tree. Global options go before
 * the command group, or after the leaf command's name; commander's own
 * exits are turned into exceptions so runCli decides the exit code.
 */
export function buildProgram(io: CliIo = PROCESS_IO): Command {
  const program = new Command('hsmlab')
    .description('command line of hsmlab, a local emulator of a cloud HSM cluster')
    .version(VERSION)
    .enablePositionalOptions()
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .exitOverride();
  addGlobalOptions(program);
  registerLabCommands(program);
  registerStatusCommand(program);
  registerClusterCommands(program);
  registerUserCommands(program);
  registerKeyCommands(program);
  registerCryptoCommands(program);
  registerBackupCommands(program);
  registerChaosCommands(program);
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: () => {},
    });
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((child) => [child, ...allCommands(child)]);
}

/**
 * runCli runs one command line (without the node and script arguments) and
 * resolves to the process exit code: 0, 1 for a failed command, 2 for a
 * command line that cannot run. A failure prints one line, `hsmlab: …`;
 * HSMLAB_DEBUG=1 adds the stack.
 */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
    if (err instanceof CommanderError && err.code === 'commander.help') return 2;
    const failure = explainError(err);
    const hint = err instanceof CommanderError ? ' (see hsmlab --help)' : '';
    io.stderr(`hsmlab: ${failure.message}${hint}\n`);
    if (process.env.HSMLAB_DEBUG === '1' && err instanceof Error && err.stack) {
      io.stderr(`${err.stack}\n`);
    }
    return failure.exitCode;
  }
}
