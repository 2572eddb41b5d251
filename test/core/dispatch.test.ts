/**
 * The wall: every call passes sender → channel → schema → session → permission → step-up →
 * handler, and what comes back is a typed value, never a stack trace or a secret.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, JOURNALED_CHANNELS } from '../../shared/channels';
import { api } from '../../shared/api';
import { ERROR_CODES } from '../../shared/errors';
import { createDispatcher, originOf } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import { readVaultFile, vaultPath } from '../../electron/core/vault/vaultFile';
import { ADMIN, installedCore, noKeychain, signedInAdmin, testCore } from '../support/install';

const STACK_FRAME = /\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|node:internal/;
const GENERIC = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username, password or code', messageId: 'common.wrongCredentials' } };

describe('the dispatcher', () => {
  it('has a handler for every channel of the contract, and no more', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('counts as a journal step only what writes: every channel the window treats as one mutates', () => {
    expect(JOURNALED_CHANNELS.filter((channel) => !api[channel].mutates)).toEqual([]);
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

  it('says what is wrong with each refused field as data, with the limit, so no caller reads zod\'s English', async () => {
    const { call } = testCore({ keychain: noKeychain });
    const result = await call('setup.createInstall', { orgName: 'x'.repeat(201), adminUsername: 'a b c', password: 'kort-geheim' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect((result.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({
      orgName: { kind: 'tooLong', max: 200 },
      // The schema's own words for the format come along; zod's default sentence would not.
      adminUsername: { kind: 'badFormat', hint: 'Use 2–64 letters, digits, dots, dashes or underscores' },
      password: { kind: 'tooShort', min: 12 },
    });
    const blank = await call('setup.createInstall', { orgName: '   ', adminUsername: 'anouk', password: 'fietsen-langs-de-amstel' });
    expect(blank.ok ? null : (blank.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({ orgName: { kind: 'empty' } });
    const wrongType = await call('session.signIn', { username: 'anouk', password: 12 });
    expect(wrongType.ok ? null : (wrongType.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({ password: { kind: 'wrongType', expected: 'string' } });
    const outOfRange = await call('policy.update', { trashRetentionDays: 0, bulkConfirmThreshold: 5_000 });
    expect(outOfRange.ok ? null : (outOfRange.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({
      trashRetentionDays: { kind: 'tooSmall', min: 1, inclusive: true },
      bulkConfirmThreshold: { kind: 'tooLarge', max: 1_000, inclusive: true },
    });
  });

  it('refuses a "__proto__" key anywhere in the input, and writes nothing', async () => {
    const t = await signedInAdmin();
    const created = await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen' } });
    const id = (created as { ok: true; value: { id: number } }).value.id;
    const history = JSON.stringify(await t.call('history.list', {}));
    for (const [channel, input] of [
      ['records.update', `{"entity":"contact","id":${id},"values":{"__proto__":{"polluted":"yes"}}}`],
      ['records.create', '{"entity":"contact","values":{"last_name":"de Vries","__proto__":"x"}}'],
      ['records.list', '{"entity":"contact","where":{"__proto__":"x"}}'],
    ] as const) {
      const result = await t.call(channel, JSON.parse(input));
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    expect(JSON.stringify(await t.call('history.list', {}))).toBe(history);
    expect(({}) as Record<string, unknown>).not.toHaveProperty('polluted');
  });

  it('answers UNAUTHENTICATED to a session channel before sign-in, and after sign-out', async () => {
    const t = await installedCore({ keychain: noKeychain });
    expect(await t.call('install.status')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.', messageId: 'common.signInFirst' } });
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('install.status')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.', messageId: 'common.signInFirst' } });
    expect((await t.call('session.verifyCode', { code: t.nextCode() })).ok).toBe(true);
    expect((await t.call('install.status')).ok).toBe(true);
    expect((await t.call('session.signOut')).ok).toBe(true);
    const after = await t.call('install.status');
    expect(!after.ok && after.error.code).toBe('UNAUTHENTICATED');
  });

  it('gives one generic message for a wrong password, an unknown user and a wrong code', async () => {
    const t = await installedCore({ keychain: noKeychain });
    const attempts = [
      { username: ADMIN.adminUsername, password: 'not the password at all', code: t.nextCode() },
      { username: 'nobody', password: ADMIN.password, code: t.nextCode() },
      { username: ADMIN.adminUsername, password: ADMIN.password, code: '000000' },
    ];
    for (const attempt of attempts) {
      // The first step never tells: it always asks for a code.
      expect(await t.call('session.signIn', { username: attempt.username, password: attempt.password })).toEqual({ ok: true, value: { next: 'code' } });
      expect(await t.call('session.verifyCode', { code: attempt.code })).toEqual(GENERIC);
      expect(t.core.state().phase).toBe('signedOut');
    }
  });

  it('signs in case-insensitively on the username', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await t.call('session.signIn', { username: ADMIN.adminUsername.toUpperCase(), password: ADMIN.password });
    expect((await t.call('session.verifyCode', { code: t.nextCode() })).ok).toBe(true);
  });

  it('refuses callers that are not our page', async () => {
    const { core } = await signedInAdmin();
    const dispatcher = createDispatcher(core, { trustedOrigins: ['app://kluis', 'http://127.0.0.1:5183'] });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'This caller may not use Kluis.', messageId: 'session.untrustedCaller' } };
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
    t.core.requireActive().db.close(); // the handler's database call now throws a TypeError
    const result = await dispatcher.dispatch('install.status', {}, { kind: 'cli' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Kluis. Nothing was changed.', messageId: 'common.internal' },
    });
    expect(JSON.stringify(result)).not.toMatch(STACK_FRAME);
    expect(JSON.stringify(logged)).not.toMatch(STACK_FRAME);
    expect(logged).toHaveLength(1);
  });

  it('reports a damaged vault.json as a typed error, not a crash', async () => {
    const { call, dataDir } = await installedCore({ keychain: noKeychain });
    writeFileSync(vaultPath(dataDir), '{ not json');
    const result = await call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'vault.json is damaged: it is not valid JSON.', messageId: 'access.vaultNotJson' } });
  });

  it('never puts the password or a code in any answer, on any path', async () => {
    const t = testCore({ keychain: noKeychain });
    const answers = [
      await t.call('setup.createInstall', ADMIN),
      await t.call('session.signIn', { username: ADMIN.adminUsername, password: `${ADMIN.password}x` }),
      await t.call('session.verifyCode', { code: '123456' }),
      await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password }),
      await t.call('app.state'),
      await t.call('setup.createInstall', ADMIN),
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(ADMIN.password);
      expect(JSON.stringify(answer)).not.toContain('123456');
      if (!answer.ok) expect(ERROR_CODES).toContain(answer.error.code);
    }
  });

  it('says vault.json is damaged when the right password opens a slot whose sealed database key was altered', async () => {
    const { dataDir, clock } = await installedCore({ keychain: noKeychain });
    const vault = readVaultFile(dataDir);
    const slot = vault.slots[0]!;
    const ciphertext = Buffer.from(slot.sealedDek.ciphertext, 'base64');
    ciphertext[0] = ciphertext[0]! ^ 1;
    writeFileSync(vaultPath(dataDir), JSON.stringify({ ...vault, slots: [{ ...slot, sealedDek: { ...slot.sealedDek, ciphertext: ciphertext.toString('base64') } }] }));
    const t = testCore({ dataDir, clock, keychain: noKeychain });
    const result = await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    // An answer the admin can act on, not "something went wrong inside Kluis" (common.internal).
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageId: 'access.vaultKeyDamaged' } });
  });

  it('refuses a second setup in the same folder and changes nothing', async () => {
    const { call, dataDir } = await installedCore({ keychain: noKeychain });
    const before = readVaultFile(dataDir);
    const again = await call('setup.createInstall', { ...ADMIN, orgName: 'Other BV', adminUsername: 'other' });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(readVaultFile(dataDir)).toEqual(before);
  });
});
