import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureLabPki, leafProblem, pkiLayout, type LabPkiOptions } from '../src';

describe('ensureLabPki', () => {
  let root: string;
  let options: LabPkiOptions;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'compose-pki-'));
    options = {
      root,
      hsmIds: ['hsm-a', 'hsm-b'],
      orchestratorNames: ['orchestrator', 'localhost', '127.0.0.1'],
      clientName: 'tester',
      owner: undefined,
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');

  it('makes both CAs, every certificate and one appliance password on the first run', async () => {
    const steps = await ensureLabPki(options);
    expect(steps.map((s) => `${s.what}: ${s.action}`)).toEqual([
      'lab CA: created',
      'manufacturer CA: created',
      'hsm-a certificate: issued',
      'hsm-b certificate: issued',
      'orchestrator certificate: issued',
      'client certificate: issued',
      'appliance password: created',
    ]);
    const ca = read('ca', 'ca.pem');
    for (const dir of ['hsm-a', 'hsm-b', 'orchestrator', 'client']) {
      expect(read(dir, 'ca.pem')).toBe(ca);
      expect(
        new X509Certificate(read(dir, 'cert.pem')).verify(new X509Certificate(ca).publicKey),
      ).toBe(true);
      expect(statSync(join(root, dir, 'key.pem')).mode & 0o777).toBe(0o600);
    }
    const orchestrator = new X509Certificate(read('orchestrator', 'cert.pem'));
    expect(orchestrator.checkHost('orchestrator')).toBe('orchestrator');
    expect(orchestrator.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new X509Certificate(read('hsm-b', 'cert.pem')).checkHost('hsm-a')).toBeUndefined();
    // The manufacturer CA's key is only in its own directory.
    expect(read('manufacturer', 'manufacturer-ca.key')).toContain('PRIVATE KEY');
    const password = read('ca', 'appliance-password');
    expect(read('hsm-a', 'appliance-password')).toBe(password);
    expect(read('orchestrator', 'appliance-password')).toBe(password);
    expect(() => read('client', 'appliance-password')).toThrow();
  });

  it('keeps everything on a second run and only adds a new HSM', async () => {
    await ensureLabPki(options);
    const layout = pkiLayout(root);
    const before = ['ca/ca-key.pem', 'hsm-a/cert.pem', 'hsm-a/key.pem', 'client/cert.pem'].map(
      (p) => read(p),
    );
    const manufacturerKey = read('manufacturer', 'manufacturer-ca.key');
    const steps = await ensureLabPki({ ...options, hsmIds: ['hsm-a', 'hsm-b', 'hsm-a2'] });
    expect(steps.filter((s) => s.action !== 'kept').map((s) => s.what)).toEqual([
      'hsm-a2 certificate',
    ]);
    expect(
      ['ca/ca-key.pem', 'hsm-a/cert.pem', 'hsm-a/key.pem', 'client/cert.pem'].map((p) => read(p)),
    ).toEqual(before);
    expect(read('manufacturer', 'manufacturer-ca.key')).toBe(manufacturerKey);
    expect(read('hsm-a2', 'appliance-password')).toBe(read('ca', 'appliance-password'));
    expect(layout.hsmDir('hsm-a2')).toBe(join(root, 'hsm-a2'));
  });

  it('reissues a certificate that no longer fits, and says why', async () => {
    await ensureLabPki(options);
    writeFileSync(join(root, 'hsm-a', 'key.pem'), read('hsm-b', 'key.pem'));
    const steps = await ensureLabPki(options);
    expect(steps.find((s) => s.what === 'hsm-a certificate')).toEqual({
      what: 'hsm-a certificate',
      action: 'reissued',
      reason: 'the key does not match',
    });
  });

  it('refuses half a lab CA instead of replacing it', async () => {
    await ensureLabPki(options);
    rmSync(join(root, 'ca', 'ca-key.pem'));
    await expect(ensureLabPki(options)).rejects.toThrow(/only part of the lab CA/);
  });
});

describe('leafProblem', () => {
  it('names the missing name, usage or expiry', async () => {
    const root = mkdtempSync(join(tmpdir(), 'compose-leaf-'));
    try {
      await ensureLabPki({
        root,
        hsmIds: ['hsm-a'],
        orchestratorNames: ['orchestrator'],
        clientName: 'c',
        owner: undefined,
      });
      const cert = readFileSync(join(root, 'hsm-a', 'cert.pem'), 'utf8');
      const key = readFileSync(join(root, 'hsm-a', 'key.pem'), 'utf8');
      const caCertPem = readFileSync(join(root, 'ca', 'ca.pem'), 'utf8');
      const base = {
        caCertPem,
        dnsNames: ['hsm-a'],
        ipAddresses: [],
        serverAuth: true,
        clientAuth: true,
        minRemainingMs: 0,
        nowMs: Date.now(),
      };
      expect(leafProblem(cert, key, base)).toBeUndefined();
      expect(leafProblem(cert, key, { ...base, dnsNames: ['hsm-z'] })).toBe(
        'it does not name hsm-z',
      );
      expect(leafProblem(cert, key, { ...base, minRemainingMs: 10_000 * 86_400_000 })).toBe(
        'it expires soon',
      );
      const client = readFileSync(join(root, 'client', 'cert.pem'), 'utf8');
      const clientKey = readFileSync(join(root, 'client', 'key.pem'), 'utf8');
      expect(leafProblem(client, clientKey, { ...base, dnsNames: [] })).toBe('it lacks serverAuth');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
