// `hsmlab lab` in process mode: a real orchestrator and real HSM node
// processes started detached by the CLI, used through the CLI with no flags
// but --lab-dir, stopped, started again with their state, and torn down.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HSM_MAIN,
  ORCHESTRATOR_MAIN,
  requireBuilt,
  tempDir,
} from '../../../test/helpers/node-process';
import { b64, cleanEnv, CLI_MAIN, json, runCli } from './helpers/run-cli';

/** eventually retries a check for up to 20 s and returns its last answer. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('cli lab - process mode', () => {
  const labDir = join(tempDir('hsmlab-cli-lab-'), 'lab');
  const env = cleanEnv();
  const lab = (...args: string[]) => ['--lab-dir', labDir, ...args];
  const pidOf = (name: string) => Number(readFileSync(join(labDir, 'run', `${name}.pid`), 'utf8'));
  let first: any;

  beforeAll(() => {
    requireBuilt(HSM_MAIN);
    requireBuilt(ORCHESTRATOR_MAIN);
    requireBuilt(CLI_MAIN);
  });

  afterAll(async () => {
    if (!existsSync(labDir)) return;
    await runCli(lab('lab', 'down'), env);
  });

  it('comes up with a cluster of HSMs in two AZs, activated, with credentials only its owner reads', async () => {
    first = await json(lab('lab', 'up', '--hsms', '2', '--azs', 'a,b'), env);
    expect(first.clusterId).toMatch(/^cluster-[a-z0-9]{11}$/);
    expect(first.hsms.map((h: { hsmId: string; az: string }) => [h.hsmId, h.az])).toEqual([
      ['hsm-a1', 'a'],
      ['hsm-b1', 'b'],
    ]);
    expect(first.tls).toEqual({ caPath: 'tls/ca.crt' });
    expect(statSync(join(labDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(labDir, 'manufacturer-ca', 'manufacturer-ca.key')).mode & 0o777).toBe(
      0o600,
    );
    const credentials = JSON.parse(readFileSync(join(labDir, 'credentials.json'), 'utf8'));
    expect(credentials.cryptoUser.username).toBe('lab-user');

    const status = await json(lab('status'), env);
    expect(status.state).toBe('ACTIVE');
    expect(status.hsms.map((h: { az: string; state: string }) => [h.az, h.state])).toEqual([
      ['a', 'ACTIVE'],
      ['b', 'ACTIVE'],
    ]);
    // The orchestrator never gets the manufacturer CA key on its command line.
    const orchestratorCmd = readFileSync(`/proc/${pidOf('orchestrator')}/cmdline`, 'utf8');
    expect(orchestratorCmd).not.toContain('manufacturer-ca');
  });

  it('generates a key and signs through the CLI with no flags but the lab directory', async () => {
    const pair = await json(
      lab(
        'key',
        'generate-asymmetric-pair',
        'ec',
        '--curve',
        'secp256r1',
        '--private-label',
        'lab-signer',
        '--public-label',
        'lab-signer-pub',
      ),
      env,
    );
    expect(pair.privateKey.owner).toBe('lab-user');
    const signed = await json(
      lab('crypto', 'sign', 'ecdsa', '--key-filter', 'label=lab-signer', '--data', b64('hello')),
      env,
    );
    const verified = await json(
      lab(
        'crypto',
        'verify',
        'ecdsa',
        '--key-filter',
        'label=lab-signer-pub',
        '--data',
        b64('hello'),
        '--signature',
        signed.signature,
      ),
      env,
    );
    expect(verified.valid).toBe(true);
    const users = await json(lab('user', 'list'), env);
    expect(users.users.map((u: { username: string }) => u.username).sort()).toEqual([
      'admin',
      'lab-user',
    ]);
  });

  it('reports a crashed node in lab status, and lab up restarts it', async () => {
    process.kill(pidOf('hsm-b1'), 'SIGKILL');
    const crashed = await runCli(lab('lab', 'status', '--json'), env);
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toMatch(
      /^hsmlab: 1 lab process\(es\) not running: hsm-b1 \(crashed\)\n$/,
    );
    const rows = JSON.parse(crashed.stdout).processes;
    expect(rows.find((r: { name: string }) => r.name === 'hsm-b1').process).toBe('crashed');

    await json(lab('lab', 'up'), env);
    const healed = await json(lab('lab', 'status'), env);
    expect(healed.processes.every((r: { process: string }) => r.process === 'running')).toBe(true);
  });

  it('stops with lab down and comes back with lab up: same ports, same cluster, same keys', async () => {
    const down = await json(lab('lab', 'down'), env);
    expect(down.stopped.sort()).toEqual(['hsm-a1', 'hsm-b1', 'orchestrator']);
    const stopped = await runCli(lab('lab', 'status'), env);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('the lab is stopped');

    const again = await json(lab('lab', 'up'), env);
    expect(again.clusterId).toBe(first.clusterId);
    expect(again.orchestrator).toBe(first.orchestrator);
    expect(again.hsms).toEqual(first.hsms);
    const keys = await json(lab('key', 'list', '--filter', 'label=lab-signer'), env);
    expect(keys.keys).toHaveLength(1);
    const signed = await json(
      lab('crypto', 'sign', 'ecdsa', '--key-filter', 'label=lab-signer', '--data', b64('again')),
      env,
    );
    expect(signed.signature.length).toBeGreaterThan(0);
  });

  it('adds an HSM that joins and holds the keys, and removes it again', async () => {
    const added = await json(lab('lab', 'add-hsm', '--az', 'c'), env);
    expect(added).toMatchObject({ hsmId: 'hsm-c1', az: 'c', state: 'ACTIVE' });
    // Object counts come from the orchestrator's health checks: wait for one after the join.
    const sameCounts = await eventually(async () => {
      const status = await json(lab('status'), env);
      const counts = status.hsms.map((h: { objectCount: number }) => h.objectCount);
      return status.hsms.length === 3 && new Set(counts).size === 1;
    });
    expect(sameCounts).toBe(true);

    expect(await json(lab('lab', 'remove-hsm', 'hsm-c1'), env)).toEqual({ removed: 'hsm-c1' });
    const after = await json(lab('status'), env);
    expect(after.hsms.map((h: { hsmId: string }) => h.hsmId)).toEqual(['hsm-a1', 'hsm-b1']);
    expect(existsSync(join(labDir, 'hsms', 'hsm-c1'))).toBe(false);
  });

  it('tears down and deletes the lab with lab down --purge', async () => {
    const purged = await json(lab('lab', 'down', '--purge'), env);
    expect(purged.purged).toBe(true);
    expect(existsSync(labDir)).toBe(false);
  });
});
