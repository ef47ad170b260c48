import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type * as compose from 'docker-compose';
import { dockerAvailable, imageExists } from './docker-cli';
import { freePort } from './free-port';

/** REPO_ROOT holds docker-compose.yml. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** LAB_IMAGE is the image every compose service runs. */
export const LAB_IMAGE = process.env.HSMLAB_IMAGE ?? 'hsmlab/hsmlab:dev';

/**
 * RUN_DOCKER_SUITES: run when a Docker engine answers; in CI a missing
 * engine is a failure (the suite runs and fails), never a silent skip.
 */
export const RUN_DOCKER_SUITES = dockerAvailable() || process.env.CI === 'true';

/** The Compose v2 plugin when the engine has it, else Debian's docker-compose v1. */
const executable: compose.IDockerComposeOptions['executable'] =
  spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0
    ? undefined
    : { standalone: true };

/** composeError turns the docker-compose package's rejection (an output object) into an Error. */
export function composeError(what: string) {
  return (result: unknown): never => {
    const r = result as Partial<compose.IDockerComposeResult>;
    throw new Error(`${what} failed (exit ${r.exitCode}): ${r.err ?? String(result)}`);
  };
}

/**
 * composeOptions are the docker-compose options of a lab under its own
 * project name, with the orchestrator published on a free host port. It
 * fails early, saying how to build it, when the image is missing.
 */
export async function composeOptions(
  project: string,
  env: Record<string, string> = {},
): Promise<compose.IDockerComposeOptions> {
  if (!imageExists(LAB_IMAGE)) {
    throw new Error(`${LAB_IMAGE} is missing: run bash scripts/docker/stage.sh --build first`);
  }
  return {
    cwd: REPO_ROOT,
    config: 'docker-compose.yml',
    executable,
    env: {
      ...process.env,
      COMPOSE_PROJECT_NAME: project,
      HSMLAB_IMAGE: LAB_IMAGE,
      HSMLAB_ORCHESTRATOR_PORT: String(await freePort()),
      ...env,
    },
  };
}
