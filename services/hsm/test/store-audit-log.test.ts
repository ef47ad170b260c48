import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_LOG_FILE, AuditLog, type AuditRecord } from '../src/store/audit-log';
import { StoreCorruptError } from '../src/store/errors';
import { captureLogger, quietLogger, tempDir } from './store-helpers';

describe('store audit log', () => {
  let dir: string;
  let path: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    path = join(dir, AUDIT_LOG_FILE);
  });
  afterEach(async () => cleanup());

  const open = (restart: number, logger = quietLogger()) =>
    AuditLog.open({ dataDir: dir, nodeId: 'hsm-1', restart, logger, clock: { nowMs: () => 0 } });

  async function lines(): Promise<AuditRecord[]> {
    const text = await readFile(path, 'utf8');
    return text
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as AuditRecord);
  }

  it('numbers lines without gaps across reopen', async () => {
    let log = await open(1);
    for (let i = 0; i < 5; i++) {
      expect(await log.append({ action: 'login', actor: 'alice', outcome: 'ok' })).toBe(i + 1);
    }
    await log.close();
    log = await open(2);
    expect(log.lastSeq).toBe(5);
    await log.append({ action: 'logout', actor: 'alice', outcome: 'ok', requestId: 'r-1' });
    await log.close();
    const all = await lines();
    expect(all.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all[5]).toEqual({
      seq: 6,
      ts: '1970-01-01T00:00:00.000Z',
      restart: 2,
      nodeId: 'hsm-1',
      action: 'logout',
      actor: 'alice',
      requestId: 'r-1',
      outcome: 'ok',
    });
    expect(Object.keys(all[5]!).slice(0, 4)).toEqual(['seq', 'ts', 'restart', 'nodeId']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('cuts a torn last line and goes on from the last whole one', async () => {
    let log = await open(1);
    for (let i = 0; i < 3; i++) await log.append({ action: 'a', actor: 'x', outcome: 'ok' });
    await log.close();
    await appendFile(path, '{"seq":4,"ts":"1970-01-01T00:0');
    const { logger, lines: logLines } = captureLogger();
    log = await open(2, logger);
    expect(log.lastSeq).toBe(3);
    expect(logLines.find((l) => l.msg.includes('torn'))?.cutBytes).toBe(30);
    expect(await log.append({ action: 'b', actor: 'x', outcome: 'ok' })).toBe(4);
    await log.close();
    expect((await lines()).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
  });

  it('starts at 1 when the only line is torn', async () => {
    await appendFile(path, '{"seq":1,');
    const log = await open(1);
    expect(log.lastSeq).toBe(0);
    expect(log.record({ action: 'a', actor: 'x', outcome: 'ok' })).toBe(1);
    await log.flush();
    await log.close();
    expect((await lines()).map((l) => l.seq)).toEqual([1]);
  });

  it('refuses a whole last line that is not JSON', async () => {
    await appendFile(path, '{"seq":1}\nnot json\n');
    await expect(open(1)).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('group-fsyncs concurrent appends and keeps seq order in the file', async () => {
    const log = await open(1);
    const seqs = Array.from({ length: 500 }, (_, i) =>
      log.record({ action: 'sign', actor: 'bob', outcome: 'ok', n: i }),
    );
    expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const last = await log.append({ action: 'sign', actor: 'bob', outcome: 'ok' });
    expect(last).toBe(501);
    await log.close();
    const all = await lines();
    expect(all.map((l) => l.seq)).toEqual(Array.from({ length: 501 }, (_, i) => i + 1));
    expect(all[10]?.n).toBe(10);
  });

  it('redacts secret-named fields and keeps reserved fields its own', async () => {
    const log = await open(3);
    await log.append({
      action: 'user.create',
      actor: 'officer',
      outcome: 'ok',
      password: 'hunter2',
      nested: { material: 'c2VjcmV0', Plaintext: 'hello', keep: 1 },
      list: [{ pin: '1234' }],
      seq: 999,
      restart: 42,
    });
    await log.close();
    const text = await readFile(path, 'utf8');
    for (const secret of ['hunter2', 'c2VjcmV0', 'hello', '1234'])
      expect(text).not.toContain(secret);
    const [line] = await lines();
    expect(line).toMatchObject({
      seq: 1,
      restart: 3,
      password: '[redacted]',
      nested: { material: '[redacted]', Plaintext: '[redacted]', keep: 1 },
      list: [{ pin: '[redacted]' }],
    });
  });
});
