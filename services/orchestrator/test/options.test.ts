import { describe, expect, it } from 'vitest';
import { compileOptions } from '../src/options';

const base = { dataDir: '/tmp/x', appliancePassword: 'secret-pw', insecure: true };

describe('options - defaults and validation', () => {
  it('fills the documented defaults', () => {
    const o = compileOptions(base);
    expect(o.resyncIntervalMs).toBe(1000);
    expect(o.healthIntervalMs).toBe(1000);
    expect(o.backupIntervalMs).toBe(86_400_000);
    expect(o.applianceUser).toBe('appliance');
    expect(o.listen).toBe('127.0.0.1:0');
    expect(o.runLoops).toBe(true);
  });

  it('names every bad option and its value in one error', () => {
    expect(() => compileOptions({ ...base, resyncIntervalMs: 0, listen: 'nope' })).toThrow(
      /listen \("nope"\): must be host:port.*resyncIntervalMs \(0\)/,
    );
  });

  it('never shows the appliance password', () => {
    expect(() => compileOptions({ ...base, appliancePassword: '' })).toThrow(
      /appliancePassword \(\[redacted\]\)/,
    );
  });

  it('refuses both or neither of tls and insecure', () => {
    expect(() =>
      compileOptions({ ...base, tls: { caFile: 'a', certFile: 'b', keyFile: 'c' } }),
    ).toThrow(/both set/);
    expect(() => compileOptions({ ...base, insecure: false })).toThrow(/neither tls nor insecure/);
  });
});
