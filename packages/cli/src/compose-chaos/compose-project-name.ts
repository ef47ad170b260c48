import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli-errors';

/** COMPOSE_FILES are the file names Compose looks for, walking up from the working directory. */
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * CLI_REPO_DIR is the checkout this CLI was built in (dist/compose-chaos is
 * four levels below it): the compose lab's directory when the working
 * directory holds no compose file.
 */
const CLI_REPO_DIR = resolve(__dirname, '..', '..', '..', '..');

/** ProjectName is the Compose project a command acts on and where the name came from. */
export interface ProjectName {
  name: string;
  source: '--project' | 'COMPOSE_PROJECT_NAME' | '.env' | 'directory';
}

/**
 * normalizeProjectName does what Compose does to a project name: lower
 * case, and only letters, digits, `-` and `_` kept (v2 also drops leading
 * `-` and `_`).
 */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '');
}

/** findComposeDir walks up from `start` to the first directory holding a compose file. */
export function findComposeDir(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (COMPOSE_FILES.some((file) => existsSync(join(dir, file)))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** dotEnvProjectName reads COMPOSE_PROJECT_NAME from a project directory's `.env`, if any. */
export function dotEnvProjectName(dir: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.env'), 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?COMPOSE_PROJECT_NAME\s*=\s*(.*?)\s*$/.exec(line);
    if (match) return match[1]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return undefined;
}

function checked(raw: string, source: ProjectName['source']): ProjectName {
  const name = normalizeProjectName(raw);
  if (name === '') {
    throw new UsageError(
      `${source} "${raw}" is not a Compose project name (lower-case letters, digits, - and _)`,
    );
  }
  return { name, source };
}

/**
 * resolveProjectName picks the Compose project as Compose itself would:
 * `--project`, else COMPOSE_PROJECT_NAME from the environment, else from the
 * `.env` of the project directory, else that directory's name. The project
 * directory is the first one holding a compose file from `cwd` up, else the
 * hsmlab checkout the CLI belongs to (whose directory name gives `main` for
 * a checkout in .../main).
 */
export function resolveProjectName(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  fallbackDir: string = CLI_REPO_DIR,
): ProjectName {
  if (flag !== undefined) return checked(flag, '--project');
  const fromEnv = env.COMPOSE_PROJECT_NAME;
  if (fromEnv !== undefined && fromEnv !== '') return checked(fromEnv, 'COMPOSE_PROJECT_NAME');
  const dir = findComposeDir(cwd) ?? fallbackDir;
  const fromFile = dotEnvProjectName(dir);
  if (fromFile !== undefined && fromFile !== '') return checked(fromFile, '.env');
  return checked(basename(dir), 'directory');
}
