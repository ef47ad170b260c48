import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as compose from 'docker-compose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient, type Cluster } from '@hsmlab/compose';
import {
  convergedWith,
  describeHsms,
  objectsOf,
  waitForClusterState,
} from './helpers/cluster-poll';
import { composeError, composeOptions, RUN_DOCKER_SUITES } from './helpers/compose-project';
import { containerOf, docker, inspectField } from './helpers/docker-cli';
import { followContainer, type LineBuffer } from './helpers/line-buffer';
import { parseSignLine, waitForSteadySigns } from './helpers/sign-lines';

// The compose lab end to end, as a user runs it: `docker-compose up` from
// nothing (the image is built beforehand by scripts/docker/stage.sh --build),
// signs through the example client, one AZ's HSM stopped and started again,
// its resync seen in the orchestrator, and everything removed, volumes too.

const project = `hsmlabtest${randomBytes(3).toString('hex')}`;

describe.skipIf(!RUN_DOCKER_SUITES)('compose lab (docker-compose.yml)', () => {
  let options: compose.IDockerComposeOptions;
  let control: ControlClient | undefined;
  let clusterId = '';
  let client: { buffer: LineBuffer; stop: () => void } | undefined;
  let filesDir = '';
  let cursor = 0;
  const startedMs = Date.now();
  const elapsed = () => `${((Date.now() - startedMs) / 1000).toFixed(0)}s`;

  beforeAll(async () => {
    options = await composeOptions(project, { HSMLAB_MTLS: 'true' });
    filesDir = mkdtempSync(join(tmpdir(), 'hsmlab-compose-'));
  });

  afterAll(async () => {
    client?.stop();
    control?.close();
    rmSync(filesDir, { recursive: true, force: true });
    await compose
      .downAll({ ...options, commandOptions: ['--volumes', '--remove-orphans'] })
      .catch(() => undefined);
  });

  it('comes up from nothing with TLS, three AZ networks and an active cluster', async () => {
    await compose.upAll(options).catch(composeError('docker-compose up'));
    console.log(`[compose-lab ${elapsed()}] up`);

    const init = await containerOf(project, 'init');
    expect(await inspectField(init, '{{.State.ExitCode}}')).toBe('0');
    // Each HSM is on its own AZ network only; the orchestrator is on all of them.
    for (const az of ['a', 'b', 'c']) {
      const hsm = await containerOf(project, `hsm-${az}`);
      const networks = await inspectField(
        hsm,
        '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}',
      );
      expect(networks.trim()).toBe(`${project}_az-${az}`);
      const label = await docker(
        'network',
        'inspect',
        '-f',
        '{{index .Labels "org.hsmlab.az"}}',
        `${project}_az-${az}`,
      );
      expect(label).toBe(az);
    }

    // The host reaches the orchestrator on its published port, with the
    // lab's client certificate (mTLS is on in this run).
    await docker('cp', `${init}:/pki/client/.`, filesDir);
    const port = Number(options.env!.HSMLAB_ORCHESTRATOR_PORT);
    control = new ControlClient({
      address: `127.0.0.1:${port}`,
      transport: {
        kind: 'tls',
        mutual: true,
        tls: {
          caPem: readFileSync(join(filesDir, 'ca.pem')),
          certPem: readFileSync(join(filesDir, 'cert.pem')),
          keyPem: readFileSync(join(filesDir, 'key.pem')),
        },
      },
      serverName: 'localhost',
    });
    const clusters = await control.listClusters();
    expect(clusters).toHaveLength(1);
    const cluster: Cluster = clusters[0]!;
    clusterId = cluster.clusterId;
    expect(cluster.state).toBe('ACTIVE');
    expect(cluster.hsms.map((h) => `${h.hsmId}@${h.az}:${h.state}`).sort()).toEqual([
      'hsm-a@a:ACTIVE',
      'hsm-b@b:ACTIVE',
      'hsm-c@c:ACTIVE',
    ]);
    // Without the client certificate the orchestrator refuses the connection.
    const anonymous = new ControlClient({
      address: `127.0.0.1:${port}`,
      transport: {
        kind: 'tls',
        mutual: false,
        tls: { caPem: readFileSync(join(filesDir, 'ca.pem')) },
      },
      callTimeoutMs: 3000,
      serverName: 'localhost',
    });
    await expect(anonymous.listClusters()).rejects.toThrow();
    anonymous.close();
  });

  it('signs through the example client on every HSM', async () => {
    client = followContainer(await containerOf(project, 'example-client'));
    const steady = await waitForSteadySigns(client.buffer, 'three seconds of good signs', {
      from: 0,
      seconds: 3,
      timeoutMs: 60_000,
      also: (s) => s.failed === 0 && s.routable.length === 3,
    });
    cursor = steady.next;
    console.log(`[compose-lab ${elapsed()}] signing`);
  });

  it("keeps signing while one AZ's HSM is stopped, and takes writes meanwhile", async () => {
    const buffer = client!.buffer;
    await compose.stopOne('hsm-b', options).catch(composeError('stop hsm-b'));
    const out = await buffer.waitFor(
      'the example client to take hsm-b out',
      (line) => (parseSignLine(line)?.down.includes('hsm-b') ? true : undefined),
      30_000,
      cursor,
    );
    const during = await waitForSteadySigns(buffer, 'signs to go on without hsm-b', {
      from: out.next,
      seconds: 5,
      timeoutMs: 30_000,
      also: (s) => !s.answeredBy.includes('hsm-b'),
    });
    // A stopped node refuses connections, so no sign may fail for good.
    expect(during.failedSigns).toBe(0);
    cursor = during.next;
    await waitForClusterState(
      control!,
      clusterId,
      'the orchestrator to see hsm-b down',
      (c) => c.hsms.some((h) => h.hsmId === 'hsm-b' && h.state !== 'ACTIVE'),
      30_000,
    );

    // A write while hsm-b is away: another example client makes its own key.
    await compose
      .run('example-client', [], {
        ...options,
        commandOptions: [
          '--rm',
          '--no-deps',
          ['-e', 'HSMLAB_KEY_LABEL=written-while-b-was-down'],
          ['-e', 'HSMLAB_SIGN_COUNT=5'],
        ],
      })
      .catch(composeError('a one-off example client'));
    console.log(`[compose-lab ${elapsed()}] hsm-b stopped; signs went on; a key was written`);
  });

  it('resyncs the HSM when it comes back', async () => {
    // The orchestrator sees hsm-a holding the new key; stopped hsm-b cannot.
    const before = await waitForClusterState(
      control!,
      clusterId,
      'hsm-a to hold more objects than stopped hsm-b',
      (c) => objectsOf(c, 'hsm-a') > objectsOf(c, 'hsm-b'),
      30_000,
    );
    await compose.execCompose('start', ['hsm-b'], options).catch(composeError('start hsm-b'));
    const back = await waitForClusterState(
      control!,
      clusterId,
      'hsm-b ACTIVE and in sync with the same objects',
      (c) => convergedWith(c, 'hsm-b', objectsOf(before, 'hsm-a')),
      90_000,
    );
    console.log(`[compose-lab ${elapsed()}] resynced: ${describeHsms(back)}`);
    expect(objectsOf(back, 'hsm-b')).toBe(objectsOf(back, 'hsm-a'));

    const again = await client!.buffer.waitFor(
      'hsm-b to answer signs again',
      (line) => (parseSignLine(line)?.answeredBy.includes('hsm-b') ? true : undefined),
      60_000,
      cursor,
    );
    const after = await waitForSteadySigns(client!.buffer, 'signs on three HSMs again', {
      from: again.next,
      seconds: 3,
      timeoutMs: 30_000,
      also: (s) => s.failed === 0 && s.routable.length === 3,
    });
    cursor = after.next;
  });

  it('tears everything down, volumes too', async () => {
    client?.stop();
    await compose
      .downAll({ ...options, commandOptions: ['--volumes', '--remove-orphans'] })
      .catch(composeError('docker-compose down'));
    const left = await docker(
      'ps',
      '-aq',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    expect(left).toBe('');
    const volumes = await docker(
      'volume',
      'ls',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    expect(volumes).toBe('');
    const networks = await docker(
      'network',
      'ls',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    expect(networks).toBe('');
    console.log(`[compose-lab ${elapsed()}] down`);
  });
});
