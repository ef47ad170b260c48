import { describe, expect, it } from 'vitest';
import { compileOptions } from '../src/compile-options';
import { InvalidOptionError } from '../src/errors';
import type { HsmClientOptions } from '../src/options';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const base: HsmClientOptions = { nodes: ['127.0.0.1:5001'], insecure: true, env: {} };

function optionError(options: HsmClientOptions): string {
  try {
    compileOptions(options);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidOptionError);
    return (err as InvalidOptionError).option;
  }
  throw new Error('expected an InvalidOptionError');
}

describe('options', () => {
  it('fills documented defaults', () => {
    const compiled = compileOptions(base);
    expect(compiled).toMatchObject({
      nodes: ['127.0.0.1:5001'],
      minReplicas: undefined,
      defaultDeadlineMs: 5000,
      attemptTimeoutMs: 1500,
      connectTimeoutMs: 10_000,
      healthCheckIntervalMs: 1000,
      probeTimeoutMs: 500,
      maxBatchCalls: 256,
      backoff: {
        initialMs: 100,
        multiplier: 2,
        maxMs: 3000,
        jitter: 0.2,
        busyMultiplier: 4,
        probeMaxMs: 500,
      },
      credentials: undefined,
    });
  });

  it.each<[string, HsmClientOptions]>([
    ['nodes', { ...base, nodes: [] }],
    ['nodes[1]', { ...base, nodes: ['127.0.0.1:1', 'no-port'] }],
    ['nodes', { ...base, nodes: ['h:1', 'h:1'] }],
    ['nodes', { ...base, orchestrator: 'h:2' }],
    ['tls', { nodes: ['h:1'], env: {} }],
    ['insecure', { ...base, tls: { caPem: CA } }],
    ['tls.caPem', { nodes: ['h:1'], tls: { caPem: 'not pem' }, env: {} }],
    ['tls.keyPem', { nodes: ['h:1'], tls: { caPem: CA, certPem: CA }, env: {} }],
    ['minReplicas', { ...base, minReplicas: 0 }],
    ['minReplicas', { ...base, minReplicas: 1.5 }],
    ['defaultDeadlineMs', { ...base, defaultDeadlineMs: -1 }],
    ['backoff.maxMs', { ...base, backoff: { initialMs: 500, maxMs: 100 } }],
    ['backoff.jitter', { ...base, backoff: { jitter: 1.5 } }],
    ['credentials.password', { ...base, credentials: { username: 'u', password: '' } }],
    ['credentials', { ...base, env: { HSMLAB_USER: 'u' } }],
    ['clusterId', { ...base, clusterId: 'c-1' }],
  ])('rejects a bad %s naming it', (option, options) => {
    expect(optionError(options)).toBe(option);
  });

  it('reads credentials from HSMLAB_USER and HSMLAB_PASSWORD', () => {
    const compiled = compileOptions({ ...base, env: { HSMLAB_USER: 'u', HSMLAB_PASSWORD: 'p' } });
    expect(compiled.credentials).toEqual({ username: 'u', password: 'p' });
  });

  it('prefers explicit credentials over the environment', () => {
    const compiled = compileOptions({
      ...base,
      credentials: { username: 'a', password: 'b' },
      env: { HSMLAB_USER: 'u', HSMLAB_PASSWORD: 'p' },
    });
    expect(compiled.credentials).toEqual({ username: 'a', password: 'b' });
  });

  it('accepts TLS with a client certificate for mutual TLS', () => {
    const compiled = compileOptions({
      nodes: ['h:1'],
      tls: { caPem: CA, certPem: CA, keyPem: CA },
      env: {},
    });
    expect(compiled.insecure).toBe(false);
    expect(compiled.tls?.certPem?.toString()).toBe(CA);
  });
});
