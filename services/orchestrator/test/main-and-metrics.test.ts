import { execFile, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ORCHESTRATOR_MAIN, REPO_ROOT, requireBuilt } from '../../../test/helpers/node-process';
import { startInProcess, type InProcess } from './helpers/in-process';

function fetchText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const HEALTH_CHECK = join(REPO_ROOT, 'scripts', 'docker', 'grpc-health-check.js');

/** healthCheck runs the compose health-check script (asynchronously: the orchestrator is in this process). */
function healthCheck(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [HEALTH_CHECK, ...args], { env: {} }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('main and metrics - the process edge', () => {
  let p: InProcess | undefined;
  afterEach(async () => {
    await p?.stop();
    p = undefined;
  });

  it('exits 2 naming the bad flag and its value', () => {
    requireBuilt(ORCHESTRATOR_MAIN);
    const missing = spawnSync(process.execPath, [ORCHESTRATOR_MAIN, '--insecure'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--data-dir is required/);
    const bad = spawnSync(
      process.execPath,
      [
        ORCHESTRATOR_MAIN,
        '--data-dir',
        '/tmp/x',
        '--appliance-password-file',
        ORCHESTRATOR_MAIN,
        '--insecure',
        '--resync-interval',
        'soon',
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--resync-interval: "soon" is not a duration/);
  });

  it('serves Prometheus metrics when asked to', async () => {
    p = await startInProcess({ metricsListen: '127.0.0.1:0' });
    await p.orch.clusters.createCluster();
    await p.orch.rounds.resyncRound();
    await p.orch.rounds.healthRound();
    const res = await fetchText(p.orch.metricsPort!, '/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/hsmlab_orchestrator_hsms\{/);
    expect(res.body).toMatch(/hsmlab_orchestrator_process_cpu_seconds_total/);
  });

  it('serves grpc.health.v1: SERVING while up, for the server and the Orchestrator service', async () => {
    p = await startInProcess({});
    const address = p.orch.address;
    expect(await healthCheck(address)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/SERVING/),
    });
    expect(await healthCheck(address, 'hsmlab.orchestrator.v1.Orchestrator')).toMatchObject({
      code: 0,
    });
    expect((await healthCheck(address, 'no.such.Service')).code).toBe(1);
    await p.stop();
    p = undefined;
    expect((await healthCheck(address)).code).toBe(1);
  });
});
