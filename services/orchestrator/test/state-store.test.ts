import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterRecord } from '../src/model/records';
import { StateStore } from '../src/store/state-store';

const cluster = (clusterId: string): ClusterRecord => ({
  clusterId,
  domainId: clusterId,
  createdAtMs: 1,
  activatedAtMs: 2,
  sourceBackupId: '',
  pendingRestoreBackupId: '',
  lastScheduledBackupMs: 3,
  state: 'ACTIVE',
  stateMessage: '',
  hsms: [],
});

describe('state store - state.json', () => {
  it('starts empty, then returns what was saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-state-'));
    const store = new StateStore(dir);
    expect((await store.load()).clusters).toEqual([]);
    await store.save([cluster('cluster-aaaaaaaaaaa')]);
    expect((await new StateStore(dir).load()).clusters).toEqual([cluster('cluster-aaaaaaaaaaa')]);
  });

  it('writes saves in call order, each a snapshot taken when called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-state-'));
    const store = new StateStore(dir);
    const c = cluster('cluster-aaaaaaaaaaa');
    const first = store.save([c]);
    c.stateMessage = 'second';
    const second = store.save([c]);
    await Promise.all([first, second]);
    expect((await store.load()).clusters[0]!.stateMessage).toBe('second');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('drops half-written temporary files and refuses a corrupt state file, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-state-'));
    writeFileSync(join(dir, '.tmp-state.json-1234'), '{"half');
    writeFileSync(join(dir, 'state.json'), '{"formatVersion":1,"clusters":[{"clusterId":1}]}');
    await expect(new StateStore(dir).load()).rejects.toThrow(
      /state\.json is not an orchestrator state file: clusters\.0\.clusterId/,
    );
    expect(readdirSync(dir)).toEqual(['state.json']);
    writeFileSync(join(dir, 'state.json'), 'not json');
    await expect(new StateStore(dir).load()).rejects.toThrow(/state\.json is not valid JSON/);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe('not json');
  });
});
