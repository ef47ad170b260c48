// `hsmlab chaos ...` against a real process-mode lab started with
// --fault-proxies: two HSM node processes in AZs a and b behind a fault proxy
// host, each fault injected through the CLI and its effect seen through the
// CLI (`status`, `lab status`) or the OS (/proc).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HSM_MAIN,
  ORCHESTRATOR_MAIN,
  requireBuilt,
  tempDir,
} from '../../../test/helpers/node-process';
import { cleanEnv, CLI_MAIN, json, runCli } from './helpers/run-cli';

/** HsmRow is what `status --json` says of one HSM. */
interface HsmRow {
  hsmId: string;
  address: string;
  state: string;
}

/** eventually retries a check for up to timeoutMs and returns whether it passed. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** processStateLetter is the kernel's state of a pid: R/S running or sleeping, T stopped. */
function processStateLetter(pid: number): string {
  return /State:\s+(\S)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
}

describe('cli chaos - process-mode lab with fault proxies', () => {
  const root = tempDir('hsmlab-cli-chaos-');
  const labDir = join(root, 'lab');
  const env = cleanEnv();
  const lab = (...args: string[]) => ['--lab-dir', labDir, ...args];
  const pidOf = (name: string) => Number(readFileSync(join(labDir, 'run', `${name}.pid`), 'utf8'));
  const hsmStates = async (): Promise<Record<string, string>> => {
    const status = await json<{ hsms: HsmRow[] }>(lab('status'), env);
    return Object.fromEntries(status.hsms.map((h) => [h.hsmId, h.state]));
  };
  const allActive = async () => {
    const states = await hsmStates();
    return states['hsm-a1'] === 'ACTIVE' && states['hsm-b1'] === 'ACTIVE';
  };

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    requireBuilt(ORCHESTRATOR_MAIN);
    requireBuilt(CLI_MAIN);
    await json(lab('lab', 'up', '--hsms', '2', '--azs', 'a,b', '--fault-proxies'), env);
  });

  afterAll(async () => {
    if (existsSync(labDir)) await runCli(lab('lab', 'down'), env);
  });

  it('registers every HSM with the orchestrator at its proxy, as lab.json records', async () => {
    const file = JSON.parse(readFileSync(join(labDir, 'lab.json'), 'utf8'));
    expect(Object.keys(file.faultProxies.proxies)).toEqual(['hsm-a1', 'hsm-b1']);
    expect(file.faultProxies.control).toMatch(/^127\.0\.0\.1:\d+$/);
    const status = await json<{ hsms: HsmRow[] }>(lab('status'), env);
    for (const hsm of status.hsms) {
      expect(hsm.address).toBe(file.faultProxies.proxies[hsm.hsmId]);
      expect(hsm.address).not.toBe(file.hsms.find((h: HsmRow) => h.hsmId === hsm.hsmId).address);
    }
    const proxies = await json(lab('chaos', 'proxies'), env);
    expect(proxies.proxies.map((p: { description: string }) => p.description)).toEqual([
      'healthy',
      'healthy',
    ]);
  });

  it('pauses a node with SIGSTOP and resumes it with SIGCONT', async () => {
    const pid = pidOf('hsm-a1');
    const paused = await runCli(lab('chaos', 'pause', 'hsm-a1'), env);
    expect(paused.code).toBe(0);
    expect(processStateLetter(pid)).toBe('T');
    expect((await runCli(lab('chaos', 'resume', 'hsm-a1'), env)).code).toBe(0);
    expect(processStateLetter(pid)).not.toBe('T');

    const timed = await json(lab('chaos', 'pause', 'hsm-a1', '--for', '300ms'), env);
    expect(timed).toMatchObject({ paused: 'hsm-a1', pid, resumedAfterMs: 300 });
    expect(processStateLetter(pid)).not.toBe('T');
  });

  it('kills a node (lab status shows it crashed), restarts it, and the cluster takes it back', async () => {
    const pid = pidOf('hsm-b1');
    expect(await json(lab('chaos', 'kill', 'hsm-b1'), env)).toMatchObject({
      killed: 'hsm-b1',
      pid,
      restartedPid: null,
    });
    const down = await runCli(lab('lab', 'status', '--json'), env);
    expect(down.code).toBe(1);
    const rows = JSON.parse(down.stdout).processes as Array<{ name: string; process: string }>;
    expect(rows.find((r) => r.name === 'hsm-b1')?.process).toBe('crashed');

    const restarted = await json(lab('chaos', 'restart', 'hsm-b1'), env);
    expect(restarted.pid).not.toBe(pid);
    expect(await eventually(allActive)).toBe(true);

    const again = await json(lab('chaos', 'kill', 'hsm-b1', '--restart-after', '500ms'), env);
    expect(again.restartedPid).toBe(pidOf('hsm-b1'));
    expect(existsSync(`/proc/${again.pid}`)).toBe(false);
    expect(await eventually(allActive)).toBe(true);
  });

  it("moves one node's clock and puts it back", async () => {
    const log = join(labDir, 'logs', 'hsm-a1.log');
    const moved = await json(lab('chaos', 'clock', 'hsm-a1', '--offset', '-30m'), env);
    expect(moved).toEqual({ hsmId: 'hsm-a1', clockOffsetMs: -1_800_000 });
    const logged = () => Promise.resolve(readFileSync(log, 'utf8').includes('"toMs":-1800000'));
    expect(await eventually(logged, 5_000)).toBe(true);
    expect((await json(lab('chaos', 'clock', 'hsm-a1', '--offset', '0'), env)).clockOffsetMs).toBe(
      0,
    );
    const bad = await runCli(lab('chaos', 'clock', 'hsm-a1', '--offset', 'soon'), env);
    expect(bad.code).toBe(2);
  });

  it('partitions AZ b: the orchestrator reports its HSM DEGRADED; heal brings it back ACTIVE', async () => {
    const cut = await json(lab('chaos', 'partition', '--az', 'b'), env);
    expect(cut.proxies.map((p: { hsmId: string }) => p.hsmId)).toEqual(['hsm-b1']);
    expect(cut.proxies[0].description).toBe('cut both ways');
    const degraded = async () => {
      const states = await hsmStates();
      return states['hsm-b1'] === 'DEGRADED' && states['hsm-a1'] === 'ACTIVE';
    };
    expect(await eventually(degraded)).toBe(true);

    const healed = await json(lab('chaos', 'heal'), env);
    expect(healed.proxies.map((p: { description: string }) => p.description)).toEqual([
      'healthy',
      'healthy',
    ]);
    expect(await eventually(allActive)).toBe(true);
  });

  it('adds latency with jitter to one HSM and heals it', async () => {
    const slow = await json(
      lab('chaos', 'latency', '--hsm', 'hsm-a1', '--ms', '200', '--jitter-ms', '50'),
      env,
    );
    expect(slow.proxies[0]).toMatchObject({
      hsmId: 'hsm-a1',
      faults: { latencyMs: 200, jitterMs: 50 },
      description: 'latency 200±50 ms',
    });
    const healed = await json(lab('chaos', 'heal', '--hsm', 'hsm-a1'), env);
    expect(healed.proxies[0].description).toBe('healthy');

    const missing = await runCli(lab('chaos', 'latency', '--ms', '10'), env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--az <label> or --hsm <hsm-id>');
    const unknown = await runCli(lab('chaos', 'partition', '--az', 'z'), env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no HSM in AZ z');
  });

  it('refuses network faults on a lab started without --fault-proxies, saying how to get them', async () => {
    // A lab file as a plain `lab up` writes it: the same lab, no fault proxy record.
    const plainDir = join(root, 'plain');
    mkdirSync(plainDir);
    const file = JSON.parse(readFileSync(join(labDir, 'lab.json'), 'utf8'));
    delete file.faultProxies;
    writeFileSync(join(plainDir, 'lab.json'), JSON.stringify(file));
    for (const args of [
      ['partition', '--az', 'b'],
      ['latency', '--az', 'b', '--ms', '200'],
      ['heal'],
    ]) {
      const refused = await runCli(['--lab-dir', plainDir, 'chaos', ...args], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('network faults need fault proxies');
      expect(refused.stderr).toContain('hsmlab lab up --fault-proxies');
    }
  });
});
