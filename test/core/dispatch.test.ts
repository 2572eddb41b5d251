/**
 * The wall: every call passes sender → channel → schema → session → permission → handler, and
 * what comes back is a typed value, never a stack trace or a secret.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/channels';
import { api } from '../../shared/api';
import { ERROR_CODES } from '../../shared/errors';
import { insertUser } from '../../electron/core/auth/users';
import { createDispatcher, originOf } from '../../electron/core/dispatch';
import { createSlot } from '../../electron/core/vault/slots';
import { readVaultFile, vaultPath, writeVaultFile } from '../../electron/core/vault/vaultFile';
import { ADMIN, FAST_KDF, installedCore, noKeychain, testCore } from '../support/install';

const STACK_FRAME = /\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|node:internal/;

async function signedInAdmin() {
  const t = await installedCore({ keychain: noKeychain });
  const signedIn = await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
  expect(signedIn.ok).toBe(true);
  return t;
}

describe('the dispatcher', () => {
  it('lists every channel of the contract with a handler', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each([
    ['an unknown channel', 'contacts.dropAll', {}],
    ['a channel name that is not a string', 42, {}],
    ['input that is not an object', 'session.signIn', 'admin:password'],
    ['a missing field', 'session.signIn', { username: 'x' }],
    ['a field of the wrong type', 'session.signIn', { username: 'x', password: 12 }],
    ['an unknown key', 'app.state', { verbose: true }],
    ['an unknown key beside valid ones', 'session.signIn', { username: 'x', password: 'y', remember: true }],
    ['a password that is too short for setup', 'setup.createInstall', { orgName: 'A', adminUsername: 'ab', password: 'short' }],
  ])('answers VALIDATION to %s', async (_case, channel, input) => {
    const { dispatcher } = testCore({ keychain: noKeychain });
    const result = await dispatcher.dispatch(channel, input, { kind: 'cli' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('names the failing fields without echoing the values', async () => {
    const { call } = testCore({ keychain: noKeychain });
    const result = await call('setup.createInstall', { orgName: 'Acme', adminUsername: 'a b c', password: 'kort-geheim' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const details = result.error.details as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(details.fieldErrors).sort()).toEqual(['adminUsername', 'password']);
    expect(JSON.stringify(result)).not.toContain('kort-geheim');
  });

  it('answers UNAUTHENTICATED to a session channel before sign-in', async () => {
    const { call } = await installedCore({ keychain: noKeychain });
    expect(await call('install.status')).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' },
    });
    expect((await call('session.signOut')).ok).toBe(false);
  });

  it('answers UNAUTHENTICATED again after sign-out', async () => {
    const { call } = await signedInAdmin();
    expect((await call('install.status')).ok).toBe(true);
    expect((await call('session.signOut')).ok).toBe(true);
    const after = await call('install.status');
    expect(!after.ok && after.error.code).toBe('UNAUTHENTICATED');
  });

  it('gives one generic message for a wrong password and for an unknown user', async () => {
    const { call } = await installedCore({ keychain: noKeychain });
    const wrongPassword = await call('session.signIn', { username: ADMIN.adminUsername, password: 'not the password at all' });
    const unknownUser = await call('session.signIn', { username: 'nobody', password: ADMIN.password });
    const expected = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password' } };
    expect(wrongPassword).toEqual(expected);
    expect(unknownUser).toEqual(expected);
  });

  it('signs in case-insensitively on the username', async () => {
    const { call } = await installedCore({ keychain: noKeychain });
    const result = await call('session.signIn', { username: ADMIN.adminUsername.toUpperCase(), password: ADMIN.password });
    expect(result.ok).toBe(true);
  });

  it('answers FORBIDDEN when the role lacks the right', async () => {
    const t = await signedInAdmin();
    // A second, non-admin user, made the way the accounts issue will: a slot sealed with the DEK.
    const { db } = t.core.requireSession();
    const vault = readVaultFile(t.dataDir);
    const dek = (t.core as unknown as { session: { dek: Buffer } }).session.dek;
    const slot = await createSlot({ installId: vault.installId, username: 'piet', password: 'piet-zijn-wachtwoord', deviceSecret: null, dek, kdfCost: FAST_KDF });
    insertUser(db, { username: 'piet', displayName: 'Piet', role: 'user', slotId: slot.id });
    writeVaultFile(t.dataDir, { ...vault, slots: [...vault.slots, slot] });
    await t.call('session.signOut');

    expect((await t.call('session.signIn', { username: 'piet', password: 'piet-zijn-wachtwoord' })).ok).toBe(true);
    expect(await t.call('install.status')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You do not have the right "install.read".' },
    });
  });

  it('refuses callers that are not our page', async () => {
    const { core } = await signedInAdmin();
    const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis', 'http://127.0.0.1:5183'] });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'This caller may not use Kluis.' } };
    expect(await dispatcher.dispatch('app.state', {}, { kind: 'ipc', url: 'https://evil.example/', isMainFrame: true })).toEqual(forbidden);
    expect(await dispatcher.dispatch('app.state', {}, { kind: 'ipc', url: 'app://kluis/index.html', isMainFrame: false })).toEqual(forbidden);
    expect(await dispatcher.dispatch('app.state', {}, { kind: 'ipc', url: 'file:///etc/passwd', isMainFrame: true })).toEqual(forbidden);
    expect(await dispatcher.dispatch('app.state', {}, { kind: 'ipc', url: 'not a url', isMainFrame: true })).toEqual(forbidden);
    expect(await dispatcher.dispatch('app.state', {}, { kind: 'bridge', origin: 'http://127.0.0.1:9999' })).toEqual(forbidden);
    expect((await dispatcher.dispatch('app.state', {}, { kind: 'ipc', url: 'app://kluis/index.html', isMainFrame: true })).ok).toBe(true);
    expect((await dispatcher.dispatch('app.state', {}, { kind: 'bridge', origin: 'http://127.0.0.1:5183' })).ok).toBe(true);
  });

  it('reads the origin of custom-scheme URLs', () => {
    expect(originOf('app://kluis/index.html?x=1')).toBe('app://kluis');
    expect(originOf('http://127.0.0.1:5183/')).toBe('http://127.0.0.1:5183');
    expect(originOf('file:///tmp/x')).toBeNull();
  });

  it('turns an unexpected failure into INTERNAL without a stack trace, and logs only its class', async () => {
    const t = await signedInAdmin();
    const logged: unknown[] = [];
    const dispatcher = createDispatcher(t.core, { trustedOrigins: [], logger: { error: (event, fields) => logged.push({ event, fields }) } });
    t.core.requireSession().db.close(); // the handler's database call now throws a TypeError
    const result = await dispatcher.dispatch('install.status', {}, { kind: 'cli' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Kluis. Nothing was changed.' },
    });
    expect(JSON.stringify(result)).not.toMatch(STACK_FRAME);
    expect(JSON.stringify(logged)).not.toMatch(STACK_FRAME);
    expect(logged).toHaveLength(1);
  });

  it('reports a damaged vault.json as a typed error, not a crash', async () => {
    const { call, dataDir } = await installedCore({ keychain: noKeychain });
    writeFileSync(vaultPath(dataDir), '{ not json');
    const result = await call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'vault.json is damaged: it is not valid JSON.' } });
  });

  it('never puts the password in any answer, on any path', async () => {
    const t = testCore({ keychain: noKeychain });
    const answers = [
      await t.call('setup.createInstall', ADMIN),
      await t.call('session.signIn', { username: ADMIN.adminUsername, password: `${ADMIN.password}x` }),
      await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password }),
      await t.call('install.status'),
      await t.call('app.state'),
      await t.call('setup.createInstall', ADMIN),
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(ADMIN.password);
      if (!answer.ok) expect(ERROR_CODES).toContain(answer.error.code);
    }
  });

  it('refuses a second setup in the same folder and changes nothing', async () => {
    const { call, dataDir } = await installedCore({ keychain: noKeychain });
    const before = readVaultFile(dataDir);
    const again = await call('setup.createInstall', { ...ADMIN, orgName: 'Other BV', adminUsername: 'other' });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(readVaultFile(dataDir)).toEqual(before);
  });
});
