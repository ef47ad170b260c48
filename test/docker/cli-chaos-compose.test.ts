import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as compose from 'docker-compose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '@hsmlab/compose';
import { cleanEnv, json, runCli } from '../../packages/cli/test/helpers/run-cli';
import {
  convergedWith,
  describeHsms,
  objectsOf,
  waitForClusterState,
} from './helpers/cluster-poll';
import { composeError, composeOptions, RUN_DOCKER_SUITES } from './helpers/compose-project';
import { containerOf, docker, inspectField } from './helpers/docker-cli';
import { followContainer, type LineBuffer } from './helpers/line-buffer';
import { median, tlsHandshakesFrom } from './helpers/netns-probe';
import { parseSignLine, waitForSteadySigns } from './helpers/sign-lines';

// `hsmlab chaos ... --compose` against the compose lab (docker-compose.yml)
// under its own project name, each fault injected through the CLI binary and
// its effect seen for real: the example client's signs, the orchestrator's
// view (on the published port), `docker inspect`, the node's log, and TLS
// handshakes timed from inside the orchestrator's network namespace (the
// AZ networks are internal: the host cannot reach the HSMs).

const isRoot = process.getuid?.() === 0;
const project = `hsmlabclichaos${randomBytes(2).toString('hex')}`;
const HSM_PORT = 2225;

/** proxyProcesses lists the pids of netns fault proxies keeping state under `dir`. */
function proxyProcesses(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('netns-proxy-main.js') && cmdline.includes(dir))
        pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe.skipIf(!RUN_DOCKER_SUITES)('hsmlab chaos --compose (compose lab)', () => {
  let options: compose.IDockerComposeOptions;
  let control: ControlClient | undefined;
  let clusterId = '';
  let client: { buffer: LineBuffer; stop: () => void } | undefined;
  let cursor = 0;
  let filesDir = '';
  let labDir = '';
  let stateDir = '';
  const env = cleanEnv();
  const startedMs = Date.now();
  const elapsed = () => `${((Date.now() - startedMs) / 1000).toFixed(0)}s`;
  const say = (what: string) => console.log(`[cli-chaos-compose ${elapsed()}] ${what}`);

  /** chaos runs `hsmlab chaos <args> --compose --project <project> --json` and parses it. */
  const chaos = <T = any>(...args: string[]): Promise<T> =>
    json<T>(['--lab-dir', labDir, 'chaos', ...args, '--compose', '--project', project], env);
  const container = (service: string) => containerOf(project, service);
  const statusOf = async (service: string) =>
    inspectField(await container(service), '{{.State.Status}}');
  const pidOf = async (service: string) =>
    Number(await inspectField(await container(service), '{{.State.Pid}}'));
  /** handshakes times TLS handshakes to an HSM from the orchestrator's netns. */
  const handshakes = async (hsm: string, count = 3, timeoutMs = 3_000) => {
    const ip = await inspectField(
      await container(hsm),
      '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
    );
    return tlsHandshakesFrom(
      await pidOf('orchestrator'),
      { host: ip, port: HSM_PORT, serverName: hsm },
      { count, timeoutMs },
    );
  };
  const waitFor = (what: string, ready: Parameters<typeof waitForClusterState>[3], ms = 90_000) =>
    waitForClusterState(control!, clusterId, what, ready, ms);
  const isActive = (hsm: string) => (c: Awaited<ReturnType<ControlClient['describeCluster']>>) =>
    c.hsms.some((h) => h.hsmId === hsm && h.state === 'ACTIVE' && h.inSync);

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'hsmlab-cli-chaos-compose-'));
    labDir = join(filesDir, 'lab');
    stateDir = join(labDir, 'compose-chaos', project);
    options = await composeOptions(project);
    await compose.upAll(options).catch(composeError('docker-compose up'));
    say('up');
    const init = await container('init');
    expect(await inspectField(init, '{{.State.ExitCode}}')).toBe('0');
    await docker('cp', `${init}:/pki/client/.`, filesDir);
    control = new ControlClient({
      address: `127.0.0.1:${options.env!.HSMLAB_ORCHESTRATOR_PORT}`,
      transport: {
        kind: 'tls',
        mutual: false,
        tls: { caPem: readFileSync(join(filesDir, 'ca.pem')) },
      },
      serverName: 'localhost',
    });
    const [cluster] = await control.listClusters();
    clusterId = cluster!.clusterId;
    client = followContainer(await container('example-client'));
    cursor = (
      await waitForSteadySigns(client.buffer, 'three seconds of good signs on three HSMs', {
        from: 0,
        seconds: 3,
        timeoutMs: 60_000,
        also: (s) => s.failed === 0 && s.routable.length === 3,
      })
    ).next;
    say('signing');
  });

  afterAll(async () => {
    client?.stop();
    control?.close();
    if (options !== undefined) {
      await compose
        .downAll({ ...options, commandOptions: ['--volumes', '--remove-orphans'] })
        .catch(() => undefined);
    }
    if (stateDir !== '') for (const pid of proxyProcesses(stateDir)) process.kill(pid, 'SIGTERM');
    if (filesDir !== '') rmSync(filesDir, { recursive: true, force: true });
  });

  it('pauses an HSM (docker pause): it stops answering until resumed', async () => {
    expect(await chaos('pause', 'hsm-a')).toMatchObject({ paused: 'hsm-a', resumedAfterMs: null });
    expect(await statusOf('hsm-a')).toBe('paused');
    if (isRoot) expect(await handshakes('hsm-a', 1, 2_000)).toEqual([-1]);
    expect(await chaos('resume', 'hsm-a')).toMatchObject({ resumed: 'hsm-a' });
    expect(await statusOf('hsm-a')).toBe('running');
    if (isRoot) expect((await handshakes('hsm-a', 1))[0]).toBeGreaterThan(0);

    const timed = await chaos('pause', 'hsm-a', '--for', '500ms');
    expect(timed).toMatchObject({ paused: 'hsm-a', resumedAfterMs: 500 });
    expect(await statusOf('hsm-a')).toBe('running');
    say('paused and resumed hsm-a');
  });

  it('kills an HSM: it stays down (unless-stopped counts a kill as a stop); restart and --restart-after bring it back ACTIVE', async () => {
    const killed = await chaos('kill', 'hsm-b');
    expect(killed).toMatchObject({ killed: 'hsm-b', restartedPid: null });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await statusOf('hsm-b')).toBe('exited');
    expect(await inspectField(await container('hsm-b'), '{{.RestartCount}}')).toBe('0');

    const restarted = await chaos('restart', 'hsm-b');
    expect(restarted.pid).toBeGreaterThan(0);
    expect(await statusOf('hsm-b')).toBe('running');

    const again = await chaos('kill', 'hsm-b', '--restart-after', '1s');
    expect(again.restartedPid).toBeGreaterThan(0);
    expect(again.restartedPid).not.toBe(again.pid);
    const back = await waitFor('hsm-b ACTIVE and in sync again', isActive('hsm-b'));
    say(`hsm-b killed and back: ${describeHsms(back)}`);
  });

  it("moves one HSM's clock (chaos.json in its volume + SIGUSR2) and puts it back", async () => {
    const moved = await chaos('clock', 'hsm-c', '--offset', '-30m');
    expect(moved).toMatchObject({ hsmId: 'hsm-c', clockOffsetMs: -1_800_000 });
    const logs = async () => {
      const id = await container('hsm-c');
      const out = spawnSync('docker', ['logs', id], { encoding: 'utf8' });
      return out.stdout + out.stderr;
    };
    const deadline = Date.now() + 10_000;
    while (!(await logs()).includes('"toMs":-1800000') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await logs()).toContain('"fromMs":0,"toMs":-1800000');
    expect((await chaos('clock', 'hsm-c', '--offset', '0')).clockOffsetMs).toBe(0);
    say('moved hsm-c clock');
  });

  it("damages an HSM's journal (crash, torn frames, restart) and the cluster resyncs it", async () => {
    const before = await waitFor('every HSM ACTIVE before the storage fault', (c) =>
      c.hsms.every((h) => h.state === 'ACTIVE' && h.inSync),
    );
    const report = await chaos('storage', 'hsm-c', '--fault', 'torn-tail');
    expect(report).toMatchObject({ hsmId: 'hsm-c', kind: 'torn-last-record', changed: true });
    expect(report.framesLost).toBeGreaterThan(0);
    expect(await statusOf('hsm-c')).toBe('running');
    // The node finds the torn frame when it starts again, and cuts it.
    const logs = async () => {
      const out = spawnSync('docker', ['logs', await container('hsm-c')], { encoding: 'utf8' });
      return out.stdout + out.stderr;
    };
    const deadline = Date.now() + 30_000;
    while (!(await logs()).includes('"stop":"torn-tail"') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(await logs()).toContain('"stop":"torn-tail"');
    // Past a few health checks, the orchestrator's counts are the restarted node's.
    await new Promise((r) => setTimeout(r, 3_000));
    const back = await waitFor('hsm-c ACTIVE, in sync, with every object again', (c) =>
      convergedWith(c, 'hsm-c', objectsOf(before, 'hsm-a')),
    );
    say(`hsm-c journal damaged (${report.detail}) and resynced: ${describeHsms(back)}`);
  });

  describe.skipIf(!isRoot)('network faults (netns fault proxies; root)', () => {
    it('partitions AZ b: its HSM is cut off from clients and the orchestrator, the others keep signing; heal brings it back', async () => {
      const cut = await chaos('partition', '--az', 'b');
      expect(cut.proxies).toHaveLength(1);
      expect(cut.proxies[0]).toMatchObject({ hsmId: 'hsm-b', description: 'cut both ways' });

      const buffer = client!.buffer;
      const without = await waitForSteadySigns(buffer, 'signs on hsm-a and hsm-c only', {
        from: cursor,
        seconds: 3,
        timeoutMs: 60_000,
        also: (s) => s.failed === 0 && !s.answeredBy.includes('hsm-b'),
      });
      cursor = without.next;
      await waitFor(
        'the orchestrator to lose hsm-b',
        (c) => c.hsms.some((h) => h.hsmId === 'hsm-b' && h.state !== 'ACTIVE'),
        60_000,
      );
      expect(await handshakes('hsm-b', 1, 2_000)).toEqual([-1]);
      // The container's own health check (127.0.0.1) does not go through the proxy.
      expect(await inspectField(await container('hsm-b'), '{{.State.Health.Status}}')).toBe(
        'healthy',
      );
      say('AZ b partitioned; signs go on without hsm-b');

      const healed = await chaos('heal');
      expect(healed.proxies.map((p: { description: string }) => p.description)).toEqual([
        'healthy',
      ]);
      await waitFor('hsm-b ACTIVE after heal', isActive('hsm-b'));
      const again = await buffer.waitFor(
        'hsm-b to answer signs again',
        (line) => (parseSignLine(line)?.answeredBy.includes('hsm-b') ? true : undefined),
        60_000,
        cursor,
      );
      cursor = again.next;
      say('healed; hsm-b signs again');
    });

    it('cuts one way only, and heals', async () => {
      const oneWay = await chaos('partition', '--hsm', 'hsm-b', '--one-way', 'to-node');
      expect(oneWay.proxies[0].description).toBe('cut up');
      expect(await handshakes('hsm-b', 1, 2_000)).toEqual([-1]);
      await chaos('heal', '--hsm', 'hsm-b');
      expect((await handshakes('hsm-b', 1))[0]).toBeGreaterThan(0);
    });

    it('slows one HSM measurably, keeps its faults across a restart, and heals', async () => {
      const baseline = await handshakes('hsm-c');
      const slow = await chaos('latency', '--hsm', 'hsm-c', '--ms', '300', '--jitter-ms', '20');
      expect(slow.proxies[0]).toMatchObject({
        hsmId: 'hsm-c',
        faults: { latencyMs: 300, jitterMs: 20 },
      });
      // A TLS handshake needs a round trip through the proxy: at least 2 × 300 ms.
      const slowed = await handshakes('hsm-c');
      for (const ms of slowed) expect(ms).toBeGreaterThanOrEqual(590);
      expect(median(baseline)).toBeLessThan(300);

      // A restart gives the container a new netns; the proxy and its faults follow.
      await chaos('restart', 'hsm-c');
      const listed = await chaos('proxies');
      const hsmC = listed.proxies.find((p: { hsmId: string }) => p.hsmId === 'hsm-c');
      expect(hsmC).toMatchObject({ description: 'latency 300±20 ms', nodeStatus: 'running' });
      const stillSlow = await handshakes('hsm-c', 1);
      expect(stillSlow[0]).toBeGreaterThanOrEqual(590);

      await chaos('heal', '--hsm', 'hsm-c');
      expect(median(await handshakes('hsm-c'))).toBeLessThan(300);
      await waitFor('hsm-c ACTIVE after its restart', isActive('hsm-c'));
      say(
        `latency: baseline ${median(baseline).toFixed(0)} ms, slowed ${median(slowed).toFixed(0)} ms`,
      );
    });

    it('detaches: no rule, no proxy, connections straight to the nodes', async () => {
      expect(proxyProcesses(stateDir)).toHaveLength(2);
      const detached = await chaos('detach');
      expect(detached.detached).toEqual(['hsm-b', 'hsm-c']);
      expect(proxyProcesses(stateDir)).toEqual([]);
      for (const hsm of ['hsm-b', 'hsm-c']) {
        const pid = await pidOf(hsm);
        const rules = spawnSync(
          'nsenter',
          [`--net=/proc/${pid}/ns/net`, 'iptables', '-w', '-t', 'nat', '-S', 'PREROUTING'],
          { encoding: 'utf8' },
        );
        expect(rules.stdout).not.toContain('hsmlab-chaos');
      }
      expect((await chaos('proxies')).proxies).toEqual([]);
      const refused = await runCli(
        [
          '--lab-dir',
          labDir,
          'chaos',
          'latency',
          '--az',
          'z',
          '--ms',
          '5',
          '--compose',
          '--project',
          project,
        ],
        env,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('no HSM in AZ z');
    });
  });

  it('tears down; a proxy still attached leaves with its container', async () => {
    if (isRoot) {
      await chaos('latency', '--hsm', 'hsm-a', '--ms', '1');
      expect(proxyProcesses(stateDir)).toHaveLength(1);
    }
    client?.stop();
    await compose
      .downAll({ ...options, commandOptions: ['--volumes', '--remove-orphans'] })
      .catch(composeError('docker-compose down'));
    const deadline = Date.now() + 15_000;
    while (proxyProcesses(stateDir).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(proxyProcesses(stateDir)).toEqual([]);
    const left = await docker(
      'ps',
      '-aq',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    expect(left).toBe('');
    const gone = await runCli(
      ['--lab-dir', labDir, 'chaos', 'pause', 'hsm-a', '--compose', '--project', project],
      env,
    );
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`the compose project "${project}" has no containers`);
    say('down');
  });
});
