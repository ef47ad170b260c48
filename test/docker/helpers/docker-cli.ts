import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** dockerAvailable says whether a Docker engine answers (the suites skip without one). */
export function dockerAvailable(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

/** imageExists says whether the engine holds the image. */
export function imageExists(image: string): boolean {
  return spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0;
}

/** docker runs a docker CLI command and returns its standard output, trimmed. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('docker', args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** containerOf is the id of the compose project's container for a service (running or not). */
export async function containerOf(project: string, service: string): Promise<string> {
  const id = await docker(
    'ps',
    '-aq',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--filter',
    `label=com.docker.compose.service=${service}`,
  );
  const first = id.split('\n')[0] ?? '';
  if (first === '') throw new Error(`no container for ${service} in project ${project}`);
  return first;
}

/** inspectField reads one Go-template field of `docker inspect`. */
export function inspectField(id: string, template: string): Promise<string> {
  return docker('inspect', '-f', template, id);
}
