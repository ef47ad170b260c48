// The data-plane commands of `hsmlab` against a REAL HSM node process, each
// command a real CLI process with --json output parsed.
import { createPublicKey, generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSM_MAIN, NodeProcess, requireBuilt, tempDir } from '../../../test/helpers/node-process';
import { b64, cleanEnv, CLI_MAIN, json, runCli } from './helpers/run-cli';

const OFFICER = { HSMLAB_USER: 'admin', HSMLAB_PASSWORD: 'officer-pass-1' };
const ALICE = { HSMLAB_USER: 'alice', HSMLAB_PASSWORD: 'alice-pass-1' };

describe('cli data plane - hsmlab against a real node', () => {
  let node: NodeProcess;
  let base: NodeJS.ProcessEnv;
  const asOfficer = () => ({ ...base, ...OFFICER });
  const asAlice = () => ({ ...base, ...ALICE });
  const files = tempDir('hsmlab-cli-files-');

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    requireBuilt(CLI_MAIN);
    node = new NodeProcess({ nodeId: 'cli-1', az: 'a' });
    await node.start();
    base = cleanEnv({ HSMLAB_NODES: node.address, HSMLAB_INSECURE: '1' });
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('activates the officer once, then says it is already active', async () => {
    const report = await json(['cluster', 'activate', '--password', OFFICER.HSMLAB_PASSWORD], base);
    expect(report.activated).toEqual(['cli-1']);
    const again = await runCli(['cluster', 'activate', '--password', 'other-pass-1'], base);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'hsmlab: the crypto officer was already activated on every reachable HSM\n',
    );
  });

  it('creates, lists, unlocks, re-passwords and deletes users as the officer', async () => {
    for (const name of ['alice', 'bob', 'carol']) {
      const made = await json(
        [
          'user',
          'create',
          '--username',
          name,
          '--role',
          'crypto-user',
          '--password',
          `${name}-pass-1`,
        ],
        asOfficer(),
      );
      expect(made).toMatchObject({ username: name, role: 'crypto-user', activated: true });
    }
    const listed = await json(['user', 'list'], asOfficer());
    expect(listed.users.map((u: { username: string }) => u.username).sort()).toEqual([
      'admin',
      'alice',
      'bob',
      'carol',
    ]);
    const unlocked = await json(['user', 'unlock', '--username', 'carol'], asOfficer());
    expect(unlocked).toMatchObject({ username: 'carol', locked: false });
    await json(
      ['user', 'change-password', '--username', 'carol', '--password', 'carol-pass-2'],
      asOfficer(),
    );
    const asCarol = { ...base, HSMLAB_USER: 'carol', HSMLAB_PASSWORD: 'carol-pass-2' };
    expect((await json(['key', 'list'], asCarol)).keys).toEqual([]);
    expect(await json(['user', 'delete', '--username', 'carol'], asOfficer())).toEqual({
      deleted: 'carol',
    });
  });

  it('generates AES and generic-secret keys with labels and attributes, and lists them by filter', async () => {
    const aes = await json(
      [
        'key',
        'generate-symmetric',
        'aes',
        '--label',
        'aes-1',
        '--key-length-bytes',
        '32',
        '--attributes',
        'extractable=false',
      ],
      asAlice(),
    );
    expect(aes).toMatchObject({
      keyType: 'aes',
      keyClass: 'secret',
      sizeBits: 256,
      owner: 'alice',
    });
    expect(aes.attributes).toMatchObject({ label: 'aes-1', extractable: false, encrypt: true });
    const mac = await json(
      [
        'key',
        'generate-symmetric',
        'generic-secret',
        '--label',
        'mac-1',
        '--key-length-bytes',
        '32',
      ],
      asAlice(),
    );
    expect(mac).toMatchObject({ keyType: 'generic-secret', sizeBits: 256 });
    const found = await json(['key', 'list', '--filter', 'label=aes-1'], asAlice());
    expect(found.keys.map((k: { handle: string }) => k.handle)).toEqual([aes.handle]);
    const secrets = await json(['key', 'list', '--filter', 'class=secret'], asAlice());
    expect(secrets.keys).toHaveLength(2);
  });

  it('signs with EC, RSA and Ed25519 pairs; the signatures verify through the CLI and outside the HSM', async () => {
    const cases = [
      { args: ['ec', '--curve', 'secp256r1'], mechanism: 'ecdsa', hash: 'sha256' },
      { args: ['rsa', '--modulus-size-bits', '2048'], mechanism: 'rsa-pkcs1', hash: 'sha256' },
      { args: ['ed25519'], mechanism: 'ed25519', hash: null },
    ];
    for (const [i, c] of cases.entries()) {
      const label = `pair-${i}`;
      const pair = await json(
        [
          'key',
          'generate-asymmetric-pair',
          ...c.args,
          '--private-label',
          label,
          '--public-label',
          `${label}-pub`,
        ],
        asAlice(),
      );
      expect(pair.privateKey.attributes.sign).toBe(true);
      const data = b64(`message ${i}`);
      const signed = await json(
        ['crypto', 'sign', c.mechanism, '--key-filter', `label=${label}`, '--data', data],
        asAlice(),
      );
      const verified = await json(
        [
          'crypto',
          'verify',
          c.mechanism,
          '--key-filter',
          `label=${label}-pub`,
          '--data',
          data,
          '--signature',
          signed.signature,
        ],
        asAlice(),
      );
      expect(verified.valid).toBe(true);
      const publicKey = createPublicKey({
        key: Buffer.from(pair.publicKey.publicKeyDer, 'base64'),
        format: 'der',
        type: 'spki',
      });
      const ok = nodeVerify(
        c.hash,
        Buffer.from(data, 'base64'),
        publicKey,
        Buffer.from(signed.signature, 'base64'),
      );
      expect(ok).toBe(true);
    }
  });

  it('encrypts and decrypts with AES-GCM through files, and computes and checks an HMAC', async () => {
    const plainPath = join(files, 'plain.txt');
    const sealedPath = join(files, 'sealed.bin');
    const openedPath = join(files, 'opened.txt');
    writeFileSync(plainPath, 'attack at dawn');
    await json(
      [
        'crypto',
        'encrypt',
        'aes-gcm',
        '--key-filter',
        'label=aes-1',
        '--data-path',
        plainPath,
        '--output-path',
        sealedPath,
      ],
      asAlice(),
    );
    expect(readFileSync(sealedPath).length).toBe(12 + 14 + 16);
    await json(
      [
        'crypto',
        'decrypt',
        'aes-gcm',
        '--key-filter',
        'label=aes-1',
        '--data-path',
        sealedPath,
        '--output-path',
        openedPath,
      ],
      asAlice(),
    );
    expect(readFileSync(openedPath, 'utf8')).toBe('attack at dawn');

    const mac = await json(
      ['crypto', 'hmac', 'sha256', '--key-filter', 'label=mac-1', '--data', b64('abc')],
      asAlice(),
    );
    expect(Buffer.from(mac.mac, 'base64')).toHaveLength(32);
    const check = await json(
      [
        'crypto',
        'verify',
        'hmac',
        '--key-filter',
        'label=mac-1',
        '--data',
        b64('abc'),
        '--signature',
        mac.mac,
      ],
      asAlice(),
    );
    expect(check.valid).toBe(true);
  });

  it('changes attributes, shares and unshares, wraps and unwraps, imports and deletes keys', async () => {
    const key = await json(
      ['key', 'generate-symmetric', 'aes', '--label', 'movable', '--key-length-bytes', '16'],
      asAlice(),
    );
    const relabelled = await json(
      [
        'key',
        'set-attribute',
        '--filter',
        `key-reference=${key.handle}`,
        '--name',
        'label',
        '--value',
        'moved',
      ],
      asAlice(),
    );
    expect(relabelled.attributes.label).toBe('moved');
    const shared = await json(
      ['key', 'share', '--filter', 'label=moved', '--username', 'bob'],
      asAlice(),
    );
    expect(shared.sharedWith).toEqual(['bob']);
    const asBob = { ...base, HSMLAB_USER: 'bob', HSMLAB_PASSWORD: 'bob-pass-1' };
    expect(
      (await json(['key', 'list'], asBob)).keys.map((k: { handle: string }) => k.handle),
    ).toEqual([key.handle]);
    const unshared = await json(
      ['key', 'unshare', '--filter', key.handle, '--username', 'bob'],
      asAlice(),
    );
    expect(unshared.sharedWith).toEqual([]);

    await json(
      [
        'key',
        'generate-symmetric',
        'aes',
        '--label',
        'kek',
        '--key-length-bytes',
        '32',
        '--attributes',
        'wrap=true,unwrap=true,encrypt=false,decrypt=false',
      ],
      asAlice(),
    );
    const wrapped = await json(
      [
        'key',
        'wrap',
        'aes-key-wrap-pad',
        '--payload-filter',
        'label=moved',
        '--wrapping-filter',
        'label=kek',
      ],
      asAlice(),
    );
    const unwrapped = await json(
      [
        'key',
        'unwrap',
        'aes-key-wrap-pad',
        '--unwrapping-filter',
        'label=kek',
        '--data',
        wrapped.wrapped,
        '--key-type-class',
        'aes',
        '--label',
        'unwrapped',
      ],
      asAlice(),
    );
    expect(unwrapped.checkValue).toBe(key.checkValue);

    const pemPath = join(files, 'imported.pem');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(pemPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const imported = await json(
      ['key', 'import', 'pem', '--data-path', pemPath, '--label', 'imported'],
      asAlice(),
    );
    expect(imported).toMatchObject({ keyType: 'ec', keyClass: 'private', curve: 'P-256' });

    expect(await json(['key', 'delete', '--filter', 'label=unwrapped'], asAlice())).toEqual({
      deleted: unwrapped.handle,
    });
    expect((await json(['key', 'list', '--filter', 'label=unwrapped'], asAlice())).keys).toEqual(
      [],
    );
  });

  it('shows the node in status without logging in', async () => {
    const status = await json(['status'], base);
    expect(status.nodes).toHaveLength(1);
    expect(status.nodes[0]).toMatchObject({
      address: node.address,
      reachable: true,
      nodeId: 'cli-1',
      az: 'a',
      officerActivated: true,
    });
    expect(status.nodes[0].objectCount).toBeGreaterThan(5);
  });
});
