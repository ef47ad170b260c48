import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../cli-errors';
import type { CommandContext } from '../command-context';
import { resolveProjectName, type ProjectName } from './compose-project-name';
import { ComposeProject } from './compose-target';
import { ComposeNetwork } from './netns-proxies';

/** ComposeOptions are the flags that send a chaos command to the compose lab. */
export interface ComposeOptions {
  compose?: boolean;
  project?: string;
}

/** withComposeOptions adds `--compose` and `--project` to a chaos command. */
export function withComposeOptions(command: Command): Command {
  return command
    .option(
      '--compose',
      'act on the compose lab (docker-compose.yml) instead of the process-mode lab',
    )
    .option(
      '--project <name>',
      'compose project (default: COMPOSE_PROJECT_NAME, else as Compose names it: the directory of docker-compose.yml)',
    );
}

/**
 * isCompose says whether the command runs against the compose lab;
 * `--project` alone is a usage error, so a process-mode command line never
 * reaches a compose lab by accident.
 */
export function isCompose(options: ComposeOptions): boolean {
  if (options.compose === true) return true;
  if (options.project !== undefined) throw new UsageError('--project goes with --compose');
  return false;
}

/** ComposeTarget is the compose project a chaos command acts on. */
export interface ComposeTarget {
  project: ComposeProject;
  projectName: ProjectName;
  /** Where the project's netns fault proxies keep their records: <lab dir>/compose-chaos/<project>. */
  stateDir: string;
  network: ComposeNetwork;
}

/** composeProjectName resolves the project name (no Docker needed: flag checks come first). */
export function composeProjectName(options: ComposeOptions): ProjectName {
  return resolveProjectName(options.project);
}

/** composeTarget finds the project's containers; see ComposeProject.find for its errors. */
export async function composeTarget(
  context: CommandContext,
  projectName: ProjectName,
): Promise<ComposeTarget> {
  const project = await ComposeProject.find(projectName.name);
  const stateDir = resolve(context.labDir, 'compose-chaos', projectName.name);
  return { project, projectName, stateDir, network: new ComposeNetwork(project, stateDir) };
}
