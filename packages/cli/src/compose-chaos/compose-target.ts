import { execFile } from 'node:child_process';
import { CliError, UsageError } from '../cli-errors';

/**
 * The compose lab as `hsmlab chaos --compose` sees it: the containers of one
 * Compose project, found by the labels every Compose version (v1.29 and v2)
 * puts on them, `com.docker.compose.project` and `com.docker.compose.service`,
 * through the `docker` CLI (execFile, never a shell).
 */

/** DOCKER_TIMEOUT_MS bounds one docker CLI call (`docker stop` waits up to its grace period). */
const DOCKER_TIMEOUT_MS = 60_000;

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const ONE_OFF_LABEL = 'com.docker.compose.oneoff';

/** HSM_MAIN and ORCHESTRATOR_MAIN are what the image's services run (docker-compose.yml). */
const HSM_MAIN = 'services/hsm/dist/main.js';
const ORCHESTRATOR_MAIN = 'services/orchestrator/dist/main.js';

/** ContainerRole says what a service of the lab is. */
export type ContainerRole = 'hsm' | 'orchestrator' | 'other';

/** ComposeContainer is one container of the project, as `docker inspect` shows it. */
export interface ComposeContainer {
  /** Compose service name: the HSM id for HSMs (hsm-a, hsm-b2, ...). */
  service: string;
  id: string;
  /** Container name without the leading slash (hsmlab_hsm-a_1 or hsmlab-hsm-a-1). */
  name: string;
  /** running, paused, restarting, exited, created or dead. */
  status: string;
  /** Host pid of the container's first process; 0 when it is not running. */
  pid: number;
  role: ContainerRole;
  /** The HSM's AZ (HSMLAB_AZ); empty for other services. */
  az: string;
  /** The port the service's gRPC server listens on inside the container; 0 when unknown. */
  port: number;
  /** Data directory inside the container (/data), and the host path of the volume mounted there. */
  dataDir: string | undefined;
  dataHostPath: string | undefined;
}

/** DockerFailure is a docker CLI call that ran and failed. */
export class DockerFailure extends CliError {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`docker ${args.join(' ')}: ${firstLine(stderr) || 'failed'}`);
    this.name = 'DockerFailure';
  }
}

/**
 * docker runs the docker CLI and resolves with its standard output. A
 * missing CLI and an engine that does not answer are explained; any other
 * failure is a DockerFailure carrying docker's own message.
 */
export function docker(args: readonly string[], timeoutMs = DOCKER_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'docker',
      args,
      { maxBuffer: 32 * 1024 * 1024, timeout: timeoutMs },
      (err, stdout, stderr) => {
        if (err === null) {
          resolve(stdout);
          return;
        }
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(
            new CliError(
              'the docker CLI is not installed (or not on PATH): --compose drives the compose lab through it',
            ),
          );
        } else if (
          /Cannot connect to the Docker daemon|Is the docker daemon running/i.test(stderr)
        ) {
          reject(
            new CliError(
              `the Docker engine does not answer (${firstLine(stderr)}); start it (bash scripts/docker/start-dockerd.sh)`,
            ),
          );
        } else if (err.killed) {
          reject(new CliError(`docker ${args.join(' ')} did not finish within ${timeoutMs} ms`));
        } else {
          reject(new DockerFailure(args, stderr));
        }
      },
    );
  });
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

/** InspectedContainer is the part of `docker inspect` this module reads. */
interface InspectedContainer {
  Id?: string;
  Name?: string;
  State?: { Status?: string; Pid?: number };
  Config?: { Cmd?: string[] | null; Env?: string[] | null; Labels?: Record<string, string> | null };
  Mounts?: Array<{ Destination?: string; Source?: string }> | null;
}

/** parseInspect turns `docker inspect` output (a JSON array) into ComposeContainers. */
export function parseInspect(json: unknown): ComposeContainer[] {
  if (!Array.isArray(json)) throw new CliError('docker inspect did not answer a JSON array');
  return (json as InspectedContainer[]).map((raw) => {
    const labels = raw.Config?.Labels ?? {};
    const cmd = raw.Config?.Cmd ?? [];
    const env = new Map<string, string>();
    for (const entry of raw.Config?.Env ?? []) {
      const eq = entry.indexOf('=');
      if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    const role: ContainerRole = cmd.some((arg) => arg.endsWith(HSM_MAIN))
      ? 'hsm'
      : cmd.some((arg) => arg.endsWith(ORCHESTRATOR_MAIN))
        ? 'orchestrator'
        : 'other';
    const listen =
      role === 'hsm'
        ? env.get('HSMLAB_LISTEN')
        : role === 'orchestrator'
          ? env.get('HSMLAB_ORCHESTRATOR_LISTEN')
          : undefined;
    const dataDir =
      role === 'hsm'
        ? env.get('HSMLAB_DATA_DIR')
        : role === 'orchestrator'
          ? env.get('HSMLAB_ORCHESTRATOR_DATA_DIR')
          : undefined;
    const mount =
      dataDir === undefined
        ? undefined
        : (raw.Mounts ?? []).find((m) => m.Destination === dataDir.replace(/\/+$/, ''));
    const status = raw.State?.Status ?? 'unknown';
    return {
      service: labels[SERVICE_LABEL] ?? '',
      id: raw.Id ?? '',
      name: (raw.Name ?? '').replace(/^\//, ''),
      status,
      pid: status === 'running' || status === 'paused' ? (raw.State?.Pid ?? 0) : 0,
      role,
      az: role === 'hsm' ? (env.get('HSMLAB_AZ') ?? '') : '',
      port: listenPort(listen),
      dataDir,
      dataHostPath: mount?.Source,
    };
  });
}

function listenPort(listen: string | undefined): number {
  if (listen === undefined) return 0;
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : 0;
}

/** inspectContainers runs `docker inspect` on container ids. */
export async function inspectContainers(ids: readonly string[]): Promise<ComposeContainer[]> {
  if (ids.length === 0) return [];
  return parseInspect(JSON.parse(await docker(['inspect', ...ids])));
}

/**
 * ComposeProject is one Compose project's containers (one-off `run`
 * containers left out), looked up once per command; `refresh` reads one
 * again after the command changed it.
 */
export class ComposeProject {
  private constructor(
    readonly name: string,
    readonly containers: ComposeContainer[],
  ) {}

  /**
   * find lists the project's containers. A project with none (never started,
   * or `down`) is a usage error that names the Compose projects that do run.
   */
  static async find(name: string): Promise<ComposeProject> {
    const ids = (
      await docker([
        'ps',
        '-aq',
        '--filter',
        `label=${PROJECT_LABEL}=${name}`,
        '--filter',
        `label=${ONE_OFF_LABEL}=False`,
      ])
    )
      .split('\n')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const containers = (await inspectContainers(ids)).filter((c) => c.service !== '');
    if (containers.length === 0) {
      const running = await runningProjects();
      const hint =
        running.length === 0
          ? 'no Compose project runs on this engine'
          : `running Compose projects: ${running.join(', ')}`;
      throw new UsageError(
        `the compose project "${name}" has no containers (${hint}): start it with "bash scripts/docker/lab.sh up" or "docker-compose up -d", or name it with --project or COMPOSE_PROJECT_NAME`,
      );
    }
    containers.sort((a, b) => a.service.localeCompare(b.service));
    return new ComposeProject(name, containers);
  }

  /** hsms are the project's HSM containers, by service name. */
  get hsms(): ComposeContainer[] {
    return this.containers.filter((c) => c.role === 'hsm');
  }

  /** hsm finds an HSM by id (its service name); a usage error lists the known ones. */
  hsm(hsmId: string): ComposeContainer {
    const found = this.hsms.find((c) => c.service === hsmId);
    if (found === undefined) {
      const known = this.hsms.map((c) => c.service).join(', ') || 'none';
      throw new UsageError(
        `the compose project "${this.name}" has no HSM ${hsmId} (it has: ${known})`,
      );
    }
    return found;
  }

  /** orchestrator is the project's orchestrator container. */
  orchestrator(): ComposeContainer {
    const found = this.containers.find((c) => c.role === 'orchestrator');
    if (found === undefined) {
      throw new UsageError(`the compose project "${this.name}" has no orchestrator container`);
    }
    return found;
  }

  /**
   * select picks HSMs for a network fault: one by id, those of one AZ, or
   * (neither given) all of them.
   */
  select(selector: { az?: string; hsmId?: string }): ComposeContainer[] {
    if (selector.hsmId !== undefined) return [this.hsm(selector.hsmId)];
    if (selector.az !== undefined) {
      const inAz = this.hsms.filter((c) => c.az === selector.az);
      if (inAz.length === 0) {
        const azs = [...new Set(this.hsms.map((c) => c.az))].sort().join(', ') || 'none';
        throw new CliError(`no HSM in AZ ${selector.az} (the project's AZs: ${azs})`);
      }
      return inAz;
    }
    return this.hsms;
  }
}

/** refresh inspects one container again (its state and pid after a start or stop). */
export async function refresh(container: ComposeContainer): Promise<ComposeContainer> {
  const [again] = await inspectContainers([container.id]);
  if (again === undefined) throw new CliError(`container ${container.name} is gone`);
  return again;
}

/** requireRunning fails when a container is not running (paused counts as running). */
export function requireRunning(container: ComposeContainer, what = container.service): number {
  if (container.pid <= 0) {
    throw new CliError(
      `${what} is not running (container ${container.name} is ${container.status}); "hsmlab chaos restart --compose ${container.service}" or "docker-compose start ${container.service}" starts it`,
    );
  }
  return container.pid;
}

/** runningProjects names the Compose projects with running containers, for hints. */
async function runningProjects(): Promise<string[]> {
  const out = await docker([
    'ps',
    '--filter',
    `label=${PROJECT_LABEL}`,
    '--format',
    `{{.Label "${PROJECT_LABEL}"}}`,
  ]).catch(() => '');
  return [
    ...new Set(
      out
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ].sort();
}
