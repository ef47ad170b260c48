// How `hsmlab` fails: one line on stderr starting "hsmlab: ", no stack trace,
// exit code 2 for a command line that cannot run and 1 for a failed command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSM_MAIN, NodeProcess, requireBuilt, tempDir } from '../../../test/helpers/node-process';
import { b64, cleanEnv, CLI_MAIN, json, runCli, type CliResult } from './helpers/run-cli';

/** expectOneLine checks the failure shape every error must have. */
function expectOneLine(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^hsmlab: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('cli errors - bad command lines and failed commands', () => {
  let node: NodeProcess;
  let base: NodeJS.ProcessEnv;
  let alice: NodeJS.ProcessEnv;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    requireBuilt(CLI_MAIN);
    node = new NodeProcess({ nodeId: 'cli-err-1' });
    await node.start();
    base = cleanEnv({ HSMLAB_NODES: node.address, HSMLAB_INSECURE: '1' });
    await json(['cluster', 'activate', '--password', 'officer-pass-1'], base);
    await json(
      [
        '--user',
        'admin',
        '--password',
        'officer-pass-1',
        'user',
        'create',
        '--username',
        'alice',
        '--role',
        'crypto-user',
        '--password',
        'alice-pass-1',
      ],
      base,
    );
    alice = { ...base, HSMLAB_USER: 'alice', HSMLAB_PASSWORD: 'alice-pass-1' };
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('exits 2 with one line for unknown commands, unknown flags and bad values', async () => {
    expectOneLine(await runCli(['frobnicate'], base), 2, /unknown command 'frobnicate'/);
    expectOneLine(await runCli(['key', 'list', '--colour'], alice), 2, /unknown option '--colour'/);
    expectOneLine(
      await runCli(['key', 'generate-symmetric', 'aes', '--key-length-bytes', 'lots'], alice),
      2,
      /--key-length-bytes must be a whole number/,
    );
    expectOneLine(
      await runCli(
        ['crypto', 'sign', 'ecdsa', '--key-filter', 'label=x', '--data', 'not base64!'],
        alice,
      ),
      2,
      /--data must be base64/,
    );
    expectOneLine(
      await runCli(['crypto', 'sign', 'md5', '--key-filter', 'x', '--data', b64('x')], alice),
      2,
      /unknown signing mechanism "md5"/,
    );
    expectOneLine(
      await runCli(['key', 'list', '--filter', 'colour=red'], alice),
      2,
      /unknown filter "colour"/,
    );
    expectOneLine(
      await runCli(['user', 'create', '--username', 'dave'], alice),
      2,
      /--role is required/,
    );
  });

  it('exits 2 when no cluster or no security is named', async () => {
    const labDir = tempDir('hsmlab-cli-nolab-');
    expectOneLine(
      await runCli(['key', 'list', '--lab-dir', labDir], cleanEnv()),
      2,
      /no cluster to talk to: give --nodes or --orchestrator/,
    );
    expectOneLine(
      await runCli(['status', '--nodes', node.address], cleanEnv()),
      2,
      /give --ca FILE to verify the servers over TLS, or --insecure for plaintext/,
    );
    expectOneLine(
      await runCli(['status', '--nodes', 'no-port'], cleanEnv()),
      2,
      /--nodes: "no-port" is not host:port/,
    );
    expectOneLine(
      await runCli(['key', 'list', '--user', 'alice'], base),
      2,
      /--user alice needs --password/,
    );
  });

  it('exits 1 with a clear line for a wrong password, and the flag beats the environment', async () => {
    const wrong = await runCli(['key', 'list', '--password', 'wrong-pass'], alice);
    expectOneLine(wrong, 1, /refused the credentials: .*wrong password/);
    const officerOnly = await runCli(['user', 'list'], {
      ...base,
      HSMLAB_USER: 'nobody',
      HSMLAB_PASSWORD: 'x-pass-1234',
    });
    expectOneLine(officerOnly, 1, /refused the credentials/);
  });

  it('exits 1 when a key filter matches nothing or too much, and when the role is wrong', async () => {
    await json(
      ['key', 'generate-symmetric', 'aes', '--label', 'twin', '--key-length-bytes', '16'],
      alice,
    );
    await json(
      ['key', 'generate-symmetric', 'aes', '--label', 'twin', '--key-length-bytes', '16'],
      alice,
    );
    expectOneLine(
      await runCli(
        ['crypto', 'encrypt', 'aes-gcm', '--key-filter', 'label=nothing', '--data', b64('x')],
        alice,
      ),
      1,
      /--key-filter label=nothing matches no key/,
    );
    expectOneLine(
      await runCli(
        ['crypto', 'encrypt', 'aes-gcm', '--key-filter', 'label=twin', '--data', b64('x')],
        alice,
      ),
      1,
      /matches 2 keys .*narrow it or give a handle/,
    );
    const asUser = await runCli(
      [
        'user',
        'create',
        '--username',
        'mallory',
        '--role',
        'crypto-officer',
        '--password',
        'mallory-pass-1',
      ],
      alice,
    );
    expectOneLine(asUser, 1, /officer/);
  });

  it('exits 1 for a signature that does not verify, printing the verdict', async () => {
    await json(
      [
        'key',
        'generate-asymmetric-pair',
        'ed25519',
        '--private-label',
        'ed',
        '--public-label',
        'ed-pub',
      ],
      alice,
    );
    const signed = await json(
      ['crypto', 'sign', 'ed25519', '--key-filter', 'label=ed', '--data', b64('one')],
      alice,
    );
    const result = await runCli(
      [
        'crypto',
        'verify',
        'ed25519',
        '--key-filter',
        'label=ed-pub',
        '--data',
        b64('two'),
        '--signature',
        signed.signature,
        '--json',
      ],
      alice,
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).valid).toBe(false);
  });

  it('exits 1 when no node answers, and prints a stack only with HSMLAB_DEBUG=1', async () => {
    const env = cleanEnv({
      HSMLAB_NODES: '127.0.0.1:1',
      HSMLAB_INSECURE: '1',
      HSMLAB_DEADLINE_MS: '1000',
    });
    expectOneLine(await runCli(['status'], env), 1, /no node answered/);
    const debug = await runCli(['status'], { ...env, HSMLAB_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
