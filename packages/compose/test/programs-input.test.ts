import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EnvReader,
  clientTransport,
  formatEvent,
  formatSecond,
  loadOrCreateCredentials,
  parseFileOwner,
  parseHsmSpec,
} from '../src';

describe('parseHsmSpec', () => {
  it('reads host:port@az, the host being the node id', () => {
    expect(parseHsmSpec('hsm-b2:2225@b')).toEqual({
      hsmId: 'hsm-b2',
      address: 'hsm-b2:2225',
      az: 'b',
    });
  });
  it.each(['hsm-a:2225', 'hsm-a@a', ':2225@a', 'hsm-a:99999@a', 'hsm a:1@a'])(
    'refuses %j',
    (text) => expect(() => parseHsmSpec(text)).toThrow(),
  );
});

describe('EnvReader and clientTransport', () => {
  it('treats empty variables as unset and names bad values', () => {
    const env = new EnvReader({ A: '', B: 'yes', C: 'maybe', D: '2s', E: 'x, ,y' });
    expect(env.text('A', 'fallback')).toBe('fallback');
    expect(env.flag('B')).toBe(true);
    expect(() => env.flag('C')).toThrow(/C: "maybe" is not a boolean/);
    expect(env.durationMs('D', 1)).toBe(2000);
    expect(env.list('E', [])).toEqual(['x', 'y']);
  });

  it('wants a CA unless plaintext is asked for, and a certificate only with its key', () => {
    expect(clientTransport(new EnvReader({ HSMLAB_INSECURE: '1' }))).toEqual({ kind: 'plaintext' });
    expect(() => clientTransport(new EnvReader({}))).toThrow(/HSMLAB_TLS_CA: not set/);
    const dir = mkdtempSync(join(tmpdir(), 'compose-env-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), 'ca');
      const ca = join(dir, 'ca.pem');
      expect(clientTransport(new EnvReader({ HSMLAB_TLS_CA: ca }))).toMatchObject({
        kind: 'tls',
        mutual: false,
      });
      expect(() =>
        clientTransport(new EnvReader({ HSMLAB_TLS_CA: ca, HSMLAB_TLS_CERT: ca })),
      ).toThrow(/go together/);
      expect(() => clientTransport(new EnvReader({ HSMLAB_TLS_CA: join(dir, 'no') }))).toThrow(
        /cannot read/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseFileOwner', () => {
  it('reads uid:gid or a bare uid', () => {
    expect(parseFileOwner('10001:10002')).toEqual({ uid: 10001, gid: 10002 });
    expect(parseFileOwner('7')).toEqual({ uid: 7, gid: 7 });
    expect(() => parseFileOwner('hsm')).toThrow();
  });
});

describe('loadOrCreateCredentials', () => {
  it('makes the passwords once and reads them back after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-cred-'));
    try {
      const path = join(dir, 'credentials.json');
      const first = await loadOrCreateCredentials(path, 'app');
      expect(first.created).toBe(true);
      expect(first.credentials.cryptoOfficer.username).toBe('admin');
      expect(first.credentials.cryptoUser.password.length).toBeGreaterThanOrEqual(16);
      const second = await loadOrCreateCredentials(path, 'someone-else');
      expect(second).toEqual({ credentials: first.credentials, created: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('example client lines', () => {
  it('prints one stable line a second', () => {
    const node = (nodeId: string, routable: boolean) => ({
      nodeId,
      address: `${nodeId}:2225`,
      az: nodeId.slice(-1),
      health: routable ? ('up' as const) : ('down' as const),
      active: true,
      routable,
      ownInFlight: 0,
      reportedInFlight: 0,
      capacity: 1,
    });
    const line = formatSecond({
      ok: 9,
      failed: 1,
      lastError: 'ClusterUnavailableError: no node',
      answers: new Map([
        ['hsm-c', 4],
        ['hsm-a', 5],
      ]),
      nodes: [node('hsm-a', true), node('hsm-b', false), node('hsm-c', true)] as never,
    });
    expect(line).toBe(
      'signs ok=9 failed=1 by=hsm-a:5,hsm-c:4 routable=hsm-a,hsm-c down=hsm-b ' +
        'error="ClusterUnavailableError: no node"',
    );
    expect(
      formatSecond({ ok: 0, failed: 0, lastError: undefined, answers: new Map(), nodes: [] }),
    ).toBe('signs ok=0 failed=0 by=- routable=- down=-');
  });

  it('prints node events on one line each', () => {
    const ref = { nodeId: 'hsm-b', address: 'hsm-b:2225', az: 'b' };
    expect(
      formatEvent({
        type: 'node-down',
        node: ref,
        reason: 'UNAVAILABLE:\n refused ',
        retryInMs: 100,
        atMs: 0,
      }),
    ).toBe('event node-down hsm-b (AZ b): UNAVAILABLE: refused');
    expect(
      formatEvent({ type: 'node-back', node: ref, from: 'down', outForMs: 1200, atMs: 0 }),
    ).toBe('event node-back hsm-b (AZ b) after 1200 ms down');
  });
});
