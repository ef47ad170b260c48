import type { Command } from 'commander';

/** registerLabCommands adds `hsmlab lab ...` (process mode). */
export function registerLabCommands(program: Command): void {
  program.command('lab').description('run a local multi-AZ lab as OS processes');
}
