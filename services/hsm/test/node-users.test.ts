import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeProcess, HSM_MAIN, requireBuilt } from '../../../test/helpers/node-process';
import { RawHsm, codeOf, status } from '../../../test/helpers/hsm-client';

describe('hsm node - users and sessions', () => {
  let node: NodeProcess;
  let officer: RawHsm;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'users-1', extraArgs: ['--max-failed-logins', '3'] });
    await node.start();
    officer = new RawHsm(node.address);
  });

  afterAll(async () => {
    officer?.close();
    await node?.stop();
  });

  it('starts with one unactivated officer that cannot log in until activated', async () => {
    const info = await officer.call('GetNodeInfo', {});
    expect(info.officerActivated).toBe(false);
    const refused = await codeOf(
      officer.call('Login', { username: 'admin', password: 'whatever1' }),
    );
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    await officer.call('ActivateOfficer', { password: 'officer-pass-1' });
    const again = await codeOf(officer.call('ActivateOfficer', { password: 'officer-pass-2' }));
    expect(again.code).toBe(status.FAILED_PRECONDITION);
    await officer.login('admin', 'officer-pass-1');
    expect((await officer.call('GetNodeInfo', {})).officerActivated).toBe(true);
  });

  it('lets the officer create, list and delete users, and nobody else', async () => {
    await officer.call('CreateUser', {
      username: 'alice',
      role: 'ROLE_CRYPTO_USER',
      password: 'alice-pass-1',
    });
    const dup = await codeOf(
      officer.call('CreateUser', {
        username: 'alice',
        role: 'ROLE_CRYPTO_USER',
        password: 'alice-pass-1',
      }),
    );
    expect(dup.code).toBe(status.ALREADY_EXISTS);
    const users = await officer.call('ListUsers', {});
    expect(users.users.map((u: { username: string }) => u.username).sort()).toEqual([
      'admin',
      'alice',
    ]);

    const alice = new RawHsm(node.address);
    await alice.login('alice', 'alice-pass-1');
    const denied = await codeOf(
      alice.call('CreateUser', {
        username: 'mallory',
        role: 'ROLE_CRYPTO_OFFICER',
        password: 'mallory-pass',
      }),
    );
    expect(denied.code).toBe(status.PERMISSION_DENIED);
    alice.close();

    await officer.call('CreateUser', {
      username: 'bob',
      role: 'ROLE_CRYPTO_USER',
      password: 'bob-pass-123',
    });
    await officer.call('DeleteUser', { username: 'bob' });
    const gone = await codeOf(officer.call('DeleteUser', { username: 'bob' }));
    expect(gone.code).toBe(status.NOT_FOUND);
  });

  it('rejects bad user input with INVALID_ARGUMENT', async () => {
    for (const req of [
      { username: '', role: 'ROLE_CRYPTO_USER', password: 'long-enough' },
      { username: 'x'.repeat(200), role: 'ROLE_CRYPTO_USER', password: 'long-enough' },
      { username: 'carol', role: 'ROLE_CRYPTO_USER', password: 'short' },
      { username: 'carol', role: 'ROLE_APPLIANCE', password: 'long-enough' },
      { username: 'appliance', role: 'ROLE_CRYPTO_USER', password: 'long-enough' },
    ]) {
      expect((await codeOf(officer.call('CreateUser', req))).code).toBe(status.INVALID_ARGUMENT);
    }
  });

  it('locks a user after the configured failed logins until an officer unlocks it', async () => {
    await officer.call('CreateUser', {
      username: 'dave',
      role: 'ROLE_CRYPTO_USER',
      password: 'dave-pass-1',
    });
    const dave = new RawHsm(node.address);
    for (let i = 0; i < 3; i++) {
      expect((await codeOf(dave.login('dave', 'wrong-password'))).code).toBe(
        status.UNAUTHENTICATED,
      );
    }
    const locked = await codeOf(dave.login('dave', 'dave-pass-1'));
    expect(locked.code).toBe(status.UNAUTHENTICATED);
    expect(locked.details).toMatch(/locked/);
    await officer.call('UnlockUser', { username: 'dave' });
    await dave.login('dave', 'dave-pass-1');
    await dave.call('ChangePassword', { username: '', newPassword: 'dave-pass-2' });
    expect((await codeOf(new RawHsm(node.address).login('dave', 'dave-pass-1'))).code).toBe(
      status.UNAUTHENTICATED,
    );
    dave.close();
  });

  it('refuses calls without a session, with an unknown one, and after logout', async () => {
    const anon = new RawHsm(node.address);
    expect((await codeOf(anon.call('ListUsers', {}))).code).toBe(status.UNAUTHENTICATED);
    anon.token = 'not-a-token';
    expect((await codeOf(anon.call('ListUsers', {}))).code).toBe(status.UNAUTHENTICATED);
    await anon.login('alice', 'alice-pass-1');
    await anon.call('Logout', {});
    expect((await codeOf(anon.call('ListUsers', {}))).code).toBe(status.UNAUTHENTICATED);
    anon.close();
  });

  it('keeps the appliance user out unless the node was given its password', async () => {
    const appl = new RawHsm(node.address);
    expect((await codeOf(appl.login('appliance', 'anything-at-all'))).code).toBe(
      status.UNAUTHENTICATED,
    );
    appl.close();
  });

  it('reports its load in the trailing metadata of every reply', async () => {
    const trailer = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const call = officer.hsm.GetNodeInfo({}, (err) => err && reject(err));
      call.on('status', (s) => resolve(s.metadata.getMap()));
    });
    expect(trailer['x-hsmlab-capacity']).toBe('1000');
    expect(trailer['x-hsmlab-inflight']).toBeDefined();
    expect(trailer['x-hsmlab-node']).toBe('users-1');
  });
});
