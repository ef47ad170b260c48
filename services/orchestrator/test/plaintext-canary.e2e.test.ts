import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  filesUnder,
  findNeedles,
  needlesFor,
  scanFiles,
  scanProcessMemory,
  type Needle,
} from './helpers/canary-scan';
import { Lab, USER_PASSWORD } from './helpers/lab';
import { waitFor } from './helpers/wait';

/**
 * The orchestrator carries masked objects and wrapped blobs only. This suite
 * imports canary keys with known bytes, uses them, makes the orchestrator
 * resync them, join a node with them and back them up, and then looks for
 * those bytes (raw, hex, base64 at any alignment) everywhere the
 * orchestrator could hold them. Each place is also checked with a positive
 * control, so an empty or unreadable haystack cannot pass by accident.
 */
describe('plaintext canary - the orchestrator never sees key material', () => {
  let lab: Lab;
  let clusterId: string;
  const needles: Needle[] = [];
  let heapSnapshot: Buffer;
  let memory: { found: string[]; bytesRead: number };
  let controlNeedle: Needle;

  beforeAll(async () => {
    lab = await Lab.start();
    clusterId = await lab.activeCluster(
      [
        ['hsm-a1', 'a'],
        ['hsm-b1', 'b'],
        ['hsm-c1', 'c'],
      ],
      { proxied: true },
    );
    controlNeedle = { label: 'cluster id', bytes: Buffer.from(clusterId) };

    const aes = randomBytes(32);
    const hmac = randomBytes(48);
    const message = randomBytes(64);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecDer = ec.privateKey.export({ type: 'pkcs8', format: 'der' });
    const ecScalar = Buffer.from(ec.privateKey.export({ format: 'jwk' }).d!, 'base64url');
    needles.push(
      ...needlesFor('aes key', aes),
      ...needlesFor('hmac key', hmac),
      ...needlesFor('ec private scalar', ecScalar),
      ...needlesFor('ec pkcs8', ecDer),
      ...needlesFor('plaintext message', message),
    );

    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    const imported = async (
      format: string,
      keyType: string,
      material: Buffer,
      attributes: object,
    ) =>
      (
        await alice.call<{ key: { handle: string } }>('ImportKey', {
          format,
          keyType,
          material,
          attributes,
        })
      ).key.handle;
    const aesHandle = await imported('KEY_FORMAT_RAW', 'KEY_TYPE_AES', aes, {
      label: 'canary-aes',
      encrypt: true,
      decrypt: true,
    });
    const hmacHandle = await imported('KEY_FORMAT_RAW', 'KEY_TYPE_GENERIC_SECRET', hmac, {
      label: 'canary-hmac',
      sign: true,
      verify: true,
    });
    const ecHandle = await imported('KEY_FORMAT_DER', 'KEY_TYPE_EC', ecDer, {
      label: 'canary-ec',
      sign: true,
    });
    await alice.call('Encrypt', {
      key: aesHandle,
      mechanism: 'MECHANISM_AES_GCM',
      plaintext: message,
    });
    await alice.call('Sign', {
      key: hmacHandle,
      mechanism: 'MECHANISM_HMAC_SHA256',
      data: message,
    });
    await alice.call('Sign', { key: ecHandle, mechanism: 'MECHANISM_ECDSA_SHA256', data: message });

    // Resync spreads them; a join streams a backup of them; an on-demand backup stores them.
    await lab.waitForSameRoots(['hsm-a1', 'hsm-b1', 'hsm-c1']);
    const onC = await lab.loggedIn('hsm-c1', 'alice', USER_PASSWORD);
    const out = await onC.call<{ ciphertext: Buffer; iv: Buffer; tag: Buffer }>('Encrypt', {
      key: aesHandle,
      mechanism: 'MECHANISM_AES_GCM',
      plaintext: message,
    });
    const back = await alice.call<{ plaintext: Buffer }>('Decrypt', {
      key: aesHandle,
      mechanism: 'MECHANISM_AES_GCM',
      ...out,
    });
    expect(back.plaintext.equals(message)).toBe(true);
    await lab.startNode('hsm-d1', 'a', { proxied: true });
    await lab.addHsm(clusterId, 'hsm-d1');
    await lab.waitForHsmState(clusterId, 'hsm-d1', 'ACTIVE');
    await lab.control.createBackup({ clusterId });

    // A heap snapshot through the admin hook, then the live process memory.
    lab.orchestrator.child!.kill('SIGUSR2');
    const written = await waitFor('heap snapshot', () =>
      lab.orchestrator.logRecords().find((r) => r.msg === 'heap snapshot written'),
    );
    const path = String(written.path);
    await waitFor(
      'snapshot file complete',
      () => existsSync(path) && readFileSync(path).length > 1_000_000,
    );
    heapSnapshot = readFileSync(path);
    memory = scanProcessMemory(lab.orchestrator.child!.pid!, [...needles, controlNeedle]);
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('holds no canary in its files: state.json and every backup', () => {
    const files = filesUnder(lab.orchestrator.dataDir);
    expect(files.some((f) => f.endsWith('parts.bin'))).toBe(true);
    expect(scanFiles(files, [controlNeedle]).size).toBeGreaterThan(0);
    expect(Object.fromEntries(scanFiles(files, needles))).toEqual({});
  });

  it('writes no canary to its logs', () => {
    const logs = Buffer.from(lab.orchestrator.lines.join('\n'));
    expect(findNeedles(logs, [controlNeedle])).toEqual(['cluster id']);
    expect(findNeedles(logs, needles)).toEqual([]);
  });

  it('receives no canary from any node: every byte on its sync-plane connections', () => {
    const received = Buffer.concat([...lab.proxies.values()].map((p) => p.receivedBytes()));
    expect(received.length).toBeGreaterThan(100_000);
    expect(findNeedles(received, [controlNeedle])).toEqual(['cluster id']);
    expect(findNeedles(received, needles)).toEqual([]);
  });

  it('holds no canary in a heap snapshot of its process', () => {
    expect(findNeedles(heapSnapshot, [controlNeedle])).toEqual(['cluster id']);
    expect(findNeedles(heapSnapshot, needles)).toEqual([]);
  });

  it('finds the canary with the same memory scan in an HSM node, which does hold the key', () => {
    const node = scanProcessMemory(lab.node('hsm-a1').child!.pid!, needles);
    expect(node.found).toEqual(expect.arrayContaining(['aes key raw', 'hmac key raw']));
  });

  it('holds no canary anywhere in its live process memory', () => {
    expect(memory.bytesRead).toBeGreaterThan(10_000_000);
    expect(memory.found).toContain('cluster id');
    expect(memory.found.filter((l) => l !== 'cluster id')).toEqual([]);
  });
});
