// `hsmlab chaos ... --compose` without Docker: flag checks that must fail
// before Docker is asked anything, project name resolution as Compose does
// it, `docker inspect` parsing, the iptables rules, and the docker CLI calls
// each command makes, seen through a fake `docker` on PATH.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, tempDir } from '../../../test/helpers/node-process';
import {
  dotEnvProjectName,
  normalizeProjectName,
  resolveProjectName,
} from '../src/compose-chaos/compose-project-name';
import { parseInspect } from '../src/compose-chaos/compose-target';
import {
  bypassRule,
  deletionsOf,
  linkFaultsOf,
  redirectRule,
  RULE_COMMENT,
} from '../src/compose-chaos/netns-proxies';
import { runCli as runInProcess } from '../src/program';
import { cleanEnv, CLI_MAIN, runCli, type CliResult } from './helpers/run-cli';

/**
 * inProcess runs one command line in this process (a CLI process costs
 * seconds on a busy machine) with `env` as the whole environment, and
 * collects its exit code and output (results go to process.stdout).
 */
async function inProcess(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliResult> {
  const saved = { ...process.env };
  const write = process.stdout.write;
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((text: string) => {
    stdout += text;
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runInProcess(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write;
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/** inspected builds one container as `docker inspect` shows it. */
function inspected(
  service: string,
  options: { project?: string; status?: string; pid?: number; cmd?: string; az?: string } = {},
) {
  const hsm = options.cmd === undefined;
  return {
    Id: `id-${service}`,
    Name: `/lab_${service}_1`,
    State: { Status: options.status ?? 'running', Pid: options.pid ?? 4242 },
    Config: {
      Cmd: [options.cmd ?? 'services/hsm/dist/main.js'],
      Env: hsm
        ? [`HSMLAB_AZ=${options.az ?? 'a'}`, 'HSMLAB_LISTEN=0.0.0.0:2225', 'HSMLAB_DATA_DIR=/data']
        : ['HSMLAB_ORCHESTRATOR_LISTEN=0.0.0.0:7400', 'HSMLAB_ORCHESTRATOR_DATA_DIR=/data'],
      Labels: {
        'com.docker.compose.project': options.project ?? 'lab',
        'com.docker.compose.service': service,
        'com.docker.compose.oneoff': 'False',
      },
    },
    Mounts: [
      { Destination: '/data', Source: `/var/lib/docker/volumes/lab_${service}-data/_data` },
      { Destination: '/pki/tls', Source: '/elsewhere' },
    ],
  };
}

/**
 * FAKE_DOCKER answers the few docker CLI calls the compose chaos commands
 * make from files setContainers writes, and records every call in calls.log
 * (bash: a node script per call would cost more than the commands).
 */
const FAKE_DOCKER = `#!/bin/bash
dir="$FAKE_DOCKER_DIR"
printf '%s\n' "$*" >>"$dir/calls.log"
if [ "$FAKE_DOCKER_DOWN" = 1 ]; then
  echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2
  exit 1
fi
case "$1" in
  ps)
    if [[ " $* " == *" --format "* ]]; then cat "$dir/running-projects.txt"; exit 0; fi
    for arg in "$@"; do
      case "$arg" in label=com.docker.compose.project=*) project="\${arg#*project=}" ;; esac
    done
    cat "$dir/ids-$project.txt" 2>/dev/null || true
    ;;
  inspect)
    shift
    sep=''
    printf '['
    for id in "$@"; do
      if [ -f "$dir/inspect-$id.json" ]; then printf '%s' "$sep"; cat "$dir/inspect-$id.json"; sep=','; fi
    done
    printf ']\n'
    ;;
  unpause) echo "Error response from daemon: Container $2 is not paused" >&2; exit 1 ;;
  *) echo "\${@: -1}" ;;
esac
`;

describe('cli chaos --compose - without Docker', () => {
  const root = tempDir('hsmlab-cli-compose-args-');
  const emptyBin = join(root, 'empty-bin');
  const fakeBin = join(root, 'fake-bin');
  const fakeDir = join(root, 'fake-docker');
  /** No docker on PATH at all. */
  const noDocker = cleanEnv({ PATH: emptyBin, COMPOSE_PROJECT_NAME: 'lab' });
  /** The fake docker first on PATH. */
  const fake = (extra: Record<string, string> = {}) =>
    cleanEnv({ PATH: `${fakeBin}:/usr/bin:/bin`, FAKE_DOCKER_DIR: fakeDir, ...extra });
  const calls = (): string[] => readFileSync(join(fakeDir, 'calls.log'), 'utf8').trim().split('\n');
  const setContainers = (containers: ReturnType<typeof inspected>[]) => {
    rmSync(fakeDir, { recursive: true, force: true });
    mkdirSync(fakeDir);
    const projects = new Map<string, string[]>();
    for (const container of containers) {
      const project = container.Config.Labels['com.docker.compose.project'];
      projects.set(project, [...(projects.get(project) ?? []), container.Id]);
      writeFileSync(join(fakeDir, `inspect-${container.Id}.json`), JSON.stringify(container));
    }
    for (const [project, ids] of projects) {
      writeFileSync(join(fakeDir, `ids-${project}.txt`), `${ids.join('\n')}\n`);
    }
    const running = containers.filter((c) => c.State.Status === 'running');
    const names = new Set(running.map((c) => c.Config.Labels['com.docker.compose.project']));
    writeFileSync(join(fakeDir, 'running-projects.txt'), [...names].join('\n'));
    writeFileSync(join(fakeDir, 'calls.log'), '');
  };
  const chaos = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    inProcess(env, ['--lab-dir', join(root, 'lab'), 'chaos', ...args]);
  const chaosProcess = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runCli(['--lab-dir', join(root, 'lab'), 'chaos', ...args], env);
  const expectUsage = (result: CliResult, text: string) => {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(text);
  };

  beforeAll(() => {
    requireBuilt(CLI_MAIN);
    mkdirSync(emptyBin);
    mkdirSync(fakeBin);
    const script = join(fakeBin, 'docker');
    writeFileSync(script, FAKE_DOCKER);
    chmodSync(script, 0o755);
    setContainers([]);
  });

  it('checks every flag before it looks for Docker', async () => {
    const cases: Array<[string[], string]> = [
      [['kill', 'hsm-a', '--compose', '--restart-after', 'soon'], '--restart-after'],
      [['kill-orchestrator', '--compose', '--restart-after', 'soon'], '--restart-after'],
      [['pause', 'hsm-a', '--compose', '--for', 'a while'], '--for'],
      [['clock', 'hsm-a', '--compose'], '--offset is required'],
      [['clock', 'hsm-a', '--compose', '--offset', 'soon'], '--offset'],
      [['storage', 'hsm-a', '--compose', '--fault', 'melt'], '--fault must be'],
      [['partition', '--compose'], '--az <label> or --hsm <hsm-id>'],
      [['partition', '--compose', '--az', 'a', '--hsm', 'hsm-a'], 'not both'],
      [['partition', '--compose', '--az', 'a', '--one-way', 'sideways'], '--one-way must be'],
      [['latency', '--compose', '--az', 'a'], '--ms is required'],
      [['latency', '--compose', '--az', 'a', '--ms', '1.5'], '--ms must be a whole number'],
      [['latency', '--compose', '--hsm', 'hsm-a', '--ms', '5', '--jitter-ms', 'x'], '--jitter-ms'],
      [['heal', '--compose', '--az', 'a', '--hsm', 'hsm-a'], 'not both'],
      [['kill', 'hsm-a', '--compose', '--project', '!!'], 'is not a Compose project name'],
      [['kill', 'hsm-a', '--project', 'lab'], '--project goes with --compose'],
      [['proxies', '--project', 'lab'], '--project goes with --compose'],
      [['detach'], 'chaos detach is for the compose lab (--compose)'],
    ];
    for (const [args, text] of cases) expectUsage(await chaos(noDocker, ...args), text);
  });

  it('checks COMPOSE_PROJECT_NAME as Compose would', async () => {
    const bad = cleanEnv({ PATH: emptyBin, COMPOSE_PROJECT_NAME: '%%' });
    expectUsage(await chaos(bad, 'proxies', '--compose'), 'COMPOSE_PROJECT_NAME "%%"');
  });

  it('says when the docker CLI is missing or the engine does not answer', async () => {
    const missing = await chaosProcess(noDocker, 'kill', 'hsm-a', '--compose');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the docker CLI is not installed');
    const down = await chaos(fake({ FAKE_DOCKER_DOWN: '1' }), 'kill', 'hsm-a', '--compose');
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('the Docker engine does not answer');
  });

  it('names the running projects when the one asked for has no containers', async () => {
    setContainers([inspected('hsm-a', { project: 'otherlab' })]);
    const result = await chaos(fake(), 'pause', 'hsm-a', '--compose', '--project', 'lab');
    expectUsage(result, 'the compose project "lab" has no containers');
    expect(result.stderr).toContain('running Compose projects: otherlab');
  });

  it('knows HSMs by service name and refuses one that is not there or not running', async () => {
    setContainers([
      inspected('hsm-a'),
      inspected('hsm-b', { status: 'exited', pid: 0, az: 'b' }),
      inspected('orchestrator', { cmd: 'services/orchestrator/dist/main.js' }),
    ]);
    const env = fake({ COMPOSE_PROJECT_NAME: 'lab' });
    expectUsage(
      await chaos(env, 'kill', 'hsm-z', '--compose'),
      'the compose project "lab" has no HSM hsm-z (it has: hsm-a, hsm-b)',
    );
    const stopped = await chaos(env, 'pause', 'hsm-b', '--compose');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('hsm-b is not running (container lab_hsm-b_1 is exited)');
    const noAz = await chaos(env, 'partition', '--compose', '--az', 'z');
    expect(noAz.code).toBe(1);
    expect(noAz.stderr).toContain('no HSM in AZ z');
    const notPaused = await chaos(env, 'resume', 'hsm-a', '--compose');
    expect(notPaused.code).toBe(1);
    expect(notPaused.stderr).toContain('is not paused');
  });

  it('maps each process fault to its docker command', async () => {
    setContainers([
      inspected('hsm-a'),
      inspected('orchestrator', { cmd: 'services/orchestrator/dist/main.js' }),
    ]);
    const env = fake();
    const dockerCalls = async (...args: string[]) => {
      writeFileSync(join(fakeDir, 'calls.log'), '');
      const result = await chaos(env, ...args, '--compose', '--project', 'lab', '--json');
      expect(result.code, result.stderr).toBe(0);
      return calls().filter((call) => !call.startsWith('ps ') && !call.startsWith('inspect '));
    };
    expect(await dockerCalls('kill', 'hsm-a')).toEqual(['kill -s KILL lab_hsm-a_1']);
    expect(await dockerCalls('kill', 'hsm-a', '--restart-after', '10ms')).toEqual([
      'kill -s KILL lab_hsm-a_1',
      'start lab_hsm-a_1',
    ]);
    expect(await dockerCalls('pause', 'hsm-a')).toEqual(['pause lab_hsm-a_1']);
    expect(await dockerCalls('kill-orchestrator')).toEqual(['kill -s KILL lab_orchestrator_1']);
    expect(await dockerCalls('restart', 'hsm-a')).toEqual([
      'stop lab_hsm-a_1',
      'start lab_hsm-a_1',
    ]);
    const killed = await chaos(env, 'kill', 'hsm-a', '--compose', '--project', 'lab', '--json');
    expect(JSON.parse(killed.stdout)).toEqual({
      killed: 'hsm-a',
      project: 'lab',
      container: 'lab_hsm-a_1',
      pid: 4242,
      restartedPid: null,
    });
  });

  it('resolves the project name as Compose does', () => {
    expect(normalizeProjectName('My Lab.v2')).toBe('mylabv2');
    expect(normalizeProjectName('_main')).toBe('main');
    const repo = join(root, 'Repo.Dir');
    const nested = join(repo, 'packages', 'cli');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(repo, 'docker-compose.yml'), 'services: {}\n');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    expect(resolveProjectName(undefined, {}, nested, elsewhere)).toEqual({
      name: 'repodir',
      source: 'directory',
    });
    expect(resolveProjectName(undefined, { COMPOSE_PROJECT_NAME: 'Lab1' }, nested)).toEqual({
      name: 'lab1',
      source: 'COMPOSE_PROJECT_NAME',
    });
    expect(resolveProjectName('flagged', { COMPOSE_PROJECT_NAME: 'lab1' }, nested).name).toBe(
      'flagged',
    );
    writeFileSync(join(repo, '.env'), '# settings\nCOMPOSE_PROJECT_NAME="fromdotenv"\n');
    expect(dotEnvProjectName(repo)).toBe('fromdotenv');
    expect(resolveProjectName(undefined, {}, nested)).toEqual({
      name: 'fromdotenv',
      source: '.env',
    });
    // No compose file from the working directory up: the CLI's own checkout decides.
    expect(resolveProjectName(undefined, {}, elsewhere, repo).name).toBe('fromdotenv');
  });

  it('reads what it needs from docker inspect', () => {
    const [hsm, orchestrator, other] = parseInspect([
      inspected('hsm-b2', { az: 'b', pid: 77 }),
      inspected('orchestrator', { cmd: 'services/orchestrator/dist/main.js', status: 'exited' }),
      inspected('example-client', { cmd: 'packages/compose/dist/bin/example-client.js' }),
    ]);
    expect(hsm).toEqual({
      service: 'hsm-b2',
      id: 'id-hsm-b2',
      name: 'lab_hsm-b2_1',
      status: 'running',
      pid: 77,
      role: 'hsm',
      az: 'b',
      port: 2225,
      dataDir: '/data',
      dataHostPath: '/var/lib/docker/volumes/lab_hsm-b2-data/_data',
    });
    expect(orchestrator).toMatchObject({ role: 'orchestrator', port: 7400, pid: 0, az: '' });
    expect(other).toMatchObject({ role: 'other', port: 0, dataHostPath: undefined });
  });

  it('builds the iptables rules and finds them again to delete them', () => {
    expect(redirectRule(2225, 40123).join(' ')).toBe(
      `-t nat -A PREROUTING -p tcp --dport 2225 -m comment --comment ${RULE_COMMENT} -j REDIRECT --to-ports 40123`,
    );
    expect(bypassRule(2225).join(' ')).toBe(
      `-t filter -A INPUT ! -i lo -p tcp --dport 2225 -m comment --comment ${RULE_COMMENT} -j REJECT --reject-with tcp-reset`,
    );
    const listing = [
      '-P PREROUTING ACCEPT',
      '-A PREROUTING -d 10.0.0.1/32 -j OTHER',
      `-A PREROUTING -p tcp -m tcp --dport 2225 -m comment --comment "${RULE_COMMENT}" -j REDIRECT --to-ports 40123`,
    ].join('\n');
    expect(deletionsOf('nat', listing)).toEqual([
      [
        '-t',
        'nat',
        '-D',
        'PREROUTING',
        '-p',
        'tcp',
        '-m',
        'tcp',
        '--dport',
        '2225',
        '-m',
        'comment',
        '--comment',
        RULE_COMMENT,
        '-j',
        'REDIRECT',
        '--to-ports',
        '40123',
      ],
    ]);
  });

  it('carries a proxy’s faults over as faults it can be given again', () => {
    expect(
      linkFaultsOf({
        latencyMs: 200,
        jitterMs: 50,
        bandwidthBytesPerSecond: 0,
        cutUp: true,
        cutDown: false,
        blackhole: false,
        resetProbability: 0,
        refuse: false,
      }),
    ).toEqual({
      latencyMs: 200,
      jitterMs: 50,
      bandwidthBytesPerSecond: 0,
      cut: ['up'],
      blackhole: false,
      resetProbability: 0,
      refuse: false,
    });
  });
});
