import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeProcess, HSM_MAIN, requireBuilt } from '../../../test/helpers/node-process';
import { RawHsm, codeOf, status } from '../../../test/helpers/hsm-client';

/**
 * A node acknowledges a write only once it is on disk, so a node killed with
 * SIGKILL at any moment must come back with every acknowledged write.
 */
describe('hsm node - durability', () => {
  let node: NodeProcess;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'durable-1', extraArgs: ['--snapshot-every', '150'] });
    await node.start();
    const officer = new RawHsm(node.address);
    await officer.call('ActivateOfficer', { password: 'officer-pass-1' });
    await officer.login('admin', 'officer-pass-1');
    await officer.call('CreateUser', {
      username: 'writer',
      role: 'ROLE_CRYPTO_USER',
      password: 'writer-pass-1',
    });
    officer.close();
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('keeps every acknowledged write across SIGKILL at random moments', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const client = new RawHsm(node.address);
      await client.login('writer', 'writer-pass-1');
      let stop = false;
      const worker = async () => {
        while (!stop) {
          try {
            const { key } = await client.call(
              'GenerateSymmetricKey',
              { keyType: 'KEY_TYPE_AES', sizeBits: 256, attributes: { label: `r${round}` } },
              2000,
            );
            acknowledged.push(key.handle);
          } catch {
            return; // the node died under this call: not acknowledged
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      await node.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      client.close();
      await node.start();
    }
    expect(acknowledged.length).toBeGreaterThan(50);

    const check = new RawHsm(node.address);
    await check.login('writer', 'writer-pass-1');
    const found = await check.call('FindKeys', {});
    const present = new Set(found.keys.map((k: { handle: string }) => k.handle));
    const lost = acknowledged.filter((h) => !present.has(h));
    expect(lost).toEqual([]);
    const info = await check.call('GetNodeInfo', {});
    expect(info.restartCount).toBe(4);
    check.close();
  }, 60_000);

  it('drops a torn last journal record at start and serves the rest', async () => {
    const client = new RawHsm(node.address);
    await client.login('writer', 'writer-pass-1');
    const { key } = await client.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 128,
    });
    client.close();
    await node.kill('SIGKILL');
    const journal = readdirSync(node.dataDir)
      .filter((f) => f.includes('journal'))
      .map((f) => join(node.dataDir, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    // A frame header that promises 4 KiB, then only a few bytes: a torn write.
    const torn = Buffer.alloc(12);
    torn.writeUInt32BE(4096, 0);
    appendFileSync(journal, torn);
    await node.start();
    expect(
      node.lines.some((l) => l.includes('truncatedBytes') && !l.includes('"truncatedBytes":0')),
    ).toBe(true);
    const again = new RawHsm(node.address);
    await again.login('writer', 'writer-pass-1');
    expect((await again.call('GetKey', { handle: key.handle })).key.handle).toBe(key.handle);
    expect((await codeOf(again.call('GetKey', { handle: 'key-cccccccccccccccccccc' }))).code).toBe(
      status.NOT_FOUND,
    );
    again.close();
  });
});
