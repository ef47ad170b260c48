// The control-plane commands of `hsmlab` against a REAL orchestrator process
// and a REAL HSM node process, with --json output parsed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeManufacturerCa } from '@hsmlab/hsm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HSM_MAIN,
  NodeProcess,
  ORCHESTRATOR_MAIN,
  requireBuilt,
  ServiceProcess,
  tempDir,
} from '../../../test/helpers/node-process';
import { cleanEnv, CLI_MAIN, json, runCli } from './helpers/run-cli';

const APPLIANCE_PASSWORD = 'appliance-pass-1';

describe('cli control plane - hsmlab against a real orchestrator', () => {
  let orchestrator: ServiceProcess;
  let node: NodeProcess;
  let env: NodeJS.ProcessEnv;
  let clusterId: string;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    requireBuilt(ORCHESTRATOR_MAIN);
    requireBuilt(CLI_MAIN);
    const dir = tempDir('hsmlab-cli-control-');
    const passwordFile = join(dir, 'appliance.pw');
    writeFileSync(passwordFile, APPLIANCE_PASSWORD, { mode: 0o600 });
    const ca = await writeManufacturerCa(join(dir, 'manufacturer-ca'));
    orchestrator = new ServiceProcess({
      main: ORCHESTRATOR_MAIN,
      args: ['--data-dir', join(dir, 'orchestrator'), '--appliance-password-file', passwordFile],
      env: { HSMLAB_ORCHESTRATOR_LISTEN: '127.0.0.1:0', HSMLAB_ORCHESTRATOR_INSECURE: '1' },
      readyMessage: 'orchestrator listening',
    });
    node = new NodeProcess({
      nodeId: 'hsm-a1',
      az: 'a',
      appliancePassword: APPLIANCE_PASSWORD,
      manufacturerCa: { certPath: ca.certPath, keyPath: ca.keyPath },
    });
    await Promise.all([orchestrator.start(), node.start()]);
    env = cleanEnv({ HSMLAB_ORCHESTRATOR: orchestrator.address, HSMLAB_INSECURE: '1' });
  });

  afterAll(async () => {
    await Promise.all([orchestrator?.stop(), node?.stop()]);
  });

  it('creates a cluster, adds an HSM, initialises it and describes it', async () => {
    const created = await json(['cluster', 'create'], env);
    expect(created.state).toBe('UNINITIALIZED');
    clusterId = created.clusterId;
    // --wait returns at once while the cluster waits for `cluster initialize`.
    const added = await json(
      ['cluster', 'add-hsm', '--address', node.address, '--az', 'a', '--wait'],
      env,
    );
    expect(added).toMatchObject({ hsmId: 'hsm-a1', az: 'a', state: 'CREATE_IN_PROGRESS' });
    const initialised = await json(['cluster', 'initialize'], env);
    expect(initialised.domainId).toBe(clusterId);
    const described = await json(['cluster', 'describe', '--cluster-id', clusterId], env);
    expect(described.hsms.map((h: { hsmId: string; state: string }) => [h.hsmId, h.state])).toEqual(
      [['hsm-a1', 'ACTIVE']],
    );
  });

  it('activates the officer through the orchestrator and shows the HSM in status', async () => {
    const report = await json(['cluster', 'activate', '--password', 'officer-pass-1'], env);
    expect(report.activated).toEqual(['hsm-a1']);
    const status = await json(['status'], env);
    expect(status.clusterId).toBe(clusterId);
    expect(status.hsms[0]).toMatchObject({ hsmId: 'hsm-a1', az: 'a', state: 'ACTIVE' });
  });

  it('takes, lists, deletes and restores a backup', async () => {
    const taken = await json(['backup', 'create'], env);
    expect(taken).toMatchObject({ clusterId, state: 'READY', trigger: 'ON_DEMAND' });
    const listed = await json(['backup', 'list'], env);
    expect(listed.backups.map((b: { backupId: string }) => b.backupId)).toContain(taken.backupId);
    const deleted = await json(['backup', 'delete', '--backup-id', taken.backupId], env);
    expect(deleted.state).toBe('PENDING_DELETION');
    const restored = await json(['backup', 'restore', '--backup-id', taken.backupId], env);
    expect(restored.state).toBe('READY');
  });

  it('refuses what the orchestrator refuses, in one line, and removes the HSM', async () => {
    const bad = await runCli(['backup', 'delete', '--backup-id', 'nope'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^hsmlab: orchestrator DeleteBackup: .*\(INVALID_ARGUMENT\)\n$/);
    const removed = await json(['cluster', 'remove-hsm', '--hsm-id', 'hsm-a1'], env);
    expect(removed).toMatchObject({ hsmId: 'hsm-a1', state: 'DELETE_IN_PROGRESS' });
  });
});
