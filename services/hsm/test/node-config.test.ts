import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HSM_MAIN, NodeProcess, requireBuilt, tempDir } from '../../../test/helpers/node-process';
import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { loadNodeConfig } from '../src/config';
import { RawHsm } from '../../../test/helpers/hsm-client';

function run(args: string[]) {
  requireBuilt(HSM_MAIN);
  return spawnSync(process.execPath, [HSM_MAIN, ...args], { encoding: 'utf8', timeout: 20_000 });
}

describe('hsm node - configuration', () => {
  it('names the bad setting and exits 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--data-dir', '/tmp/x', '--insecure'], /--node-id/],
      [['--node-id', 'bad id!', '--data-dir', '/tmp/x', '--insecure'], /--node-id: "bad id!"/],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--listen', 'nowhere'],
        /--listen/,
      ],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--listen', '127.0.0.1:99999'],
        /port/,
      ],
      [['--node-id', 'n1', '--data-dir', '/tmp/x'], /--tls-cert and --tls-key, or --insecure/],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--session-ttl', 'soon'],
        /--session-ttl/,
      ],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--max-failed-logins', '0'],
        /--max-failed-logins/,
      ],
      [['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--no-such-flag'], /no-such-flag/],
      [
        [
          '--node-id',
          'n1',
          '--data-dir',
          '/tmp/x',
          '--insecure',
          '--tls-cert',
          '/nonexistent.pem',
          '--tls-key',
          '/x',
        ],
        /cannot read/,
      ],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--cluster-id', 'CLUSTER'],
        /--cluster-id/,
      ],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--crypto-workers', 'many'],
        /--crypto-workers: "many" is not a whole number/,
      ],
      [
        ['--node-id', 'n1', '--data-dir', '/tmp/x', '--insecure', '--crypto-workers', '65'],
        /--crypto-workers/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/ {4}at /);
    }
  });

  it('refuses an unknown capacity profile with the known ones listed', () => {
    const r = run([
      '--node-id',
      'n1',
      '--data-dir',
      tempDir(),
      '--insecure',
      '--listen',
      '127.0.0.1:0',
      '--profile',
      'hsm9.huge',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/hsm1\.medium/);
  });

  it('takes settings from the environment when no flag is given', () => {
    const c = loadNodeConfig([], {
      HSMLAB_NODE_ID: 'env-node',
      HSMLAB_DATA_DIR: '/tmp/env',
      HSMLAB_INSECURE: '1',
      HSMLAB_AZ: 'b',
      HSMLAB_SESSION_TTL: '30m',
    });
    expect(c.nodeId).toBe('env-node');
    expect(c.az).toBe('b');
    expect(c.sessionTtlMs).toBe(1_800_000);
    const workers = loadNodeConfig(['--node-id', 'n', '--data-dir', '/tmp/w', '--insecure'], {
      HSMLAB_CRYPTO_WORKERS: '0',
    });
    expect(workers.cryptoWorkers).toBe(0);
  });

  it('refuses a second node on a data dir that is in use', async () => {
    const first = new NodeProcess({ nodeId: 'lock-1' });
    await first.start();
    try {
      const r = run([
        '--node-id',
        'lock-2',
        '--data-dir',
        first.dataDir,
        '--insecure',
        '--listen',
        '127.0.0.1:0',
      ]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/in use by process/);
    } finally {
      await first.stop();
    }
  });

  it('serves Prometheus metrics and the gRPC health service', async () => {
    const node = new NodeProcess({
      nodeId: 'metrics-1',
      extraArgs: ['--metrics-listen', '127.0.0.1:0'],
    });
    await node.start();
    try {
      const line = node.lines.find((l) => l.includes('"node listening"'))!;
      const port = (JSON.parse(line) as { metricsPort: number }).metricsPort;
      const client = new RawHsm(node.address);
      await client.call('GetNodeInfo', {});
      client.close();
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(/hsmlab_hsm_calls_total\{[^}]*method="GetNodeInfo"/);
      expect(text).toMatch(/node_id="metrics-1"/);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

      const Health = makeGenericClientConstructor(healthService, 'Health') as any;
      const health = new Health(node.address, credentials.createInsecure());
      const reply = await new Promise<{ status: string }>((resolve, reject) =>
        health.Check(
          { service: 'hsmlab.hsm.v1.Hsm' },
          (err: Error | null, res: { status: string }) => (err ? reject(err) : resolve(res)),
        ),
      );
      health.close();
      expect(reply.status).toBe('SERVING');
    } finally {
      await node.stop();
    }
  });
});
