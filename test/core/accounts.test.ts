/**
 * Accounts and the second factor, through the dispatcher as the app uses it: enrolment, codes,
 * replay, recovery codes, one-time passwords, step-up, throttling, and what an admin can do.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, SignInProgress, TotpEnrolment, UserSummary } from '../../shared/apiTypes';
import { listAudit, RECENT_SIGN_INS_SQL } from '../../electron/core/audit/chain';
import { audit } from '../../electron/core/session/openInstall';
import { readVaultFile } from '../../electron/core/vault/vaultFile';
import { BUILT_IN_ROLES } from '../../shared/access';
import { ADMIN, installedCore, noKeychain, signIn, signedInAdmin, testCore, totpAt, type TestCore } from '../support/install';

const GENERIC = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username, password or code', messageId: 'common.wrongCredentials' } };

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

/** Admin creates an account; returns the one-time password. */
async function createUser(t: TestCore, username: string, role: string = 'office'): Promise<{ user: UserSummary; oneTimePassword: string }> {
  return value(await t.call('users.create', { username, displayName: `${username} de Vries`, role }));
}

/** A new user's whole first sign-in: one-time password → own password → authenticator. */
async function firstSignIn(t: TestCore, username: string, oneTimePassword: string, newPassword: string): Promise<string> {
  expect(value<SignInProgress>(await t.call('session.signIn', { username, password: oneTimePassword }))).toEqual({ next: 'changePassword' });
  expect(value<SignInProgress>(await t.call('session.changeInitialPassword', { newPassword }))).toEqual({ next: 'enrol' });
  const enrolment = value<TotpEnrolment>(await t.call('mfa.beginEnrolment'));
  const confirmed = value<{ recoveryCodes: string[]; progress: SignInProgress }>(
    await t.call('mfa.confirmEnrolment', { code: totpAt(enrolment.secret, t.clock) }),
  );
  expect(confirmed.progress.next).toBe('done');
  return enrolment.secret;
}

describe('enrolment at the first sign-in', () => {
  it('shows a QR code and the secret, refuses a wrong code, then hands out ten recovery codes once', async () => {
    const t = testCore({ keychain: noKeychain });
    value(await t.call('setup.createInstall', ADMIN));
    expect(value(await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password }))).toEqual({ next: 'enrol' });
    // Nothing else works before the authenticator is set up.
    expect(await t.call('install.status')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.', messageId: 'common.signInFirst' } });

    const enrolment = value<TotpEnrolment>(await t.call('mfa.beginEnrolment'));
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const wrong = await t.call('mfa.confirmEnrolment', { code: '000000' });
    expect(!wrong.ok && wrong.error.code).toBe('VALIDATION');
    expect(t.core.state()).toMatchObject({ phase: 'pending', step: 'enrol' });

    const confirmed = value<{ recoveryCodes: string[]; progress: SignInProgress }>(
      await t.call('mfa.confirmEnrolment', { code: totpAt(enrolment.secret, t.clock) }),
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.progress.next).toBe('done');
    expect(t.core.state().phase).toBe('signedIn');
  });
});

describe('sign-in with a second factor', () => {
  it('is not complete with the password alone', async () => {
    const t = await installedCore({ keychain: noKeychain });
    expect(value(await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password }))).toEqual({ next: 'code' });
    expect(t.core.state()).toMatchObject({ phase: 'pending', step: 'code' });
    expect((await t.call('users.list')).ok).toBe(false);
  });

  it('refuses a replayed code and accepts the next step', async () => {
    const t = await installedCore({ keychain: noKeychain });
    const code = t.nextCode();
    await signIn(t, ADMIN.adminUsername, ADMIN.password, code);
    await t.call('session.signOut');
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code })).toEqual(GENERIC);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
  });

  it('accepts a code one step old or one step ahead, not two', async () => {
    const t = await installedCore({ keychain: noKeychain });
    const at = (offsetSteps: number) => {
      t.clock.advance(offsetSteps * 30);
      const code = totpAt(t.totpSecret, t.clock);
      t.clock.advance(-offsetSteps * 30);
      return code;
    };
    t.clock.advance(300);
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code: at(-2) })).toEqual(GENERIC);
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code: at(2) })).toEqual(GENERIC);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, at(-1));
  });

  it('accepts a recovery code once only', async () => {
    const t = await installedCore({ keychain: noKeychain });
    const [recovery] = t.recoveryCodes;
    await signIn(t, ADMIN.adminUsername, ADMIN.password, recovery!.toUpperCase());
    await t.call('session.signOut');
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code: recovery })).toEqual(GENERIC);
  });

  it('slows down a guesser: after three failures the next attempt must wait, doubling each time', async () => {
    const t = await installedCore({ keychain: noKeychain });
    for (let i = 0; i < 3; i++) {
      await t.call('session.signIn', { username: ADMIN.adminUsername, password: `fout-wachtwoord-${i}` });
      expect(await t.call('session.verifyCode', { code: '111111' })).toEqual(GENERIC);
    }
    const refused = await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Too many failed sign-ins. Try again in 1 second.',
        messageId: 'session.tooManySignInsOne',
        details: { retryAfterSeconds: 1 },
      },
    });
    t.clock.advance(2);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
  });

  it('makes a guesser wait the same after a wrong password as after a right one with a wrong code', async () => {
    /** After three wrong passwords (waited out), one more failed sign-in of the given kind: how long the next must wait. */
    const waitAfter = async (password: string): Promise<unknown> => {
      const t = await installedCore({ keychain: noKeychain });
      for (let i = 0; i < 3; i++) {
        await t.call('session.signIn', { username: ADMIN.adminUsername, password: `fout-wachtwoord-${i}` });
        expect(await t.call('session.verifyCode', { code: '111111' })).toEqual(GENERIC);
      }
      t.clock.advance(5);
      expect(await t.call('session.signIn', { username: ADMIN.adminUsername, password })).toEqual({ ok: true, value: { next: 'code' } });
      expect(await t.call('session.verifyCode', { code: '111111' })).toEqual(GENERIC);
      const next = await t.call('session.signIn', { username: ADMIN.adminUsername, password });
      return next.ok ? 'let through' : next.error.details;
    };
    const afterWrongPassword = await waitAfter('nog-een-fout-wachtwoord');
    expect(afterWrongPassword).toEqual({ retryAfterSeconds: 2 });
    expect(await waitAfter(ADMIN.password)).toEqual(afterWrongPassword);
  });

  it('audits failures (written at the next unlock) and successes, without names or secrets', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: 'helemaal-niet-goed' });
    await t.call('session.verifyCode', { code: '222222' });
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const log = listAudit(t.core.requireActive().db, 50).map((e) => e.action);
    expect(log).toContain('session.signIn.failed');
    expect(log[0]).toBe('session.signIn');
    // What the log holds (the list joins in the actor's name when it is read; the rows never hold it).
    const text = JSON.stringify(t.core.requireActive().db.prepare('SELECT * FROM audit_log').all());
    expect(text).not.toContain(ADMIN.adminUsername);
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toContain('helemaal-niet-goed');
    const recent = value<{ outcome: string }[]>(await t.call('account.recentSignIns'));
    expect(recent.map((r) => r.outcome)).toEqual(['success', 'failure']);
  });

  it('counts the recovery codes left, ten at first and one fewer after signing in with one, and marks that sign-in', async () => {
    const t = await signedInAdmin();
    expect(value<{ unused: number }>(await t.call('account.recoveryCodesLeft'))).toEqual({ unused: 10 });
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.recoveryCodes[3]!);
    expect(value<{ unused: number }>(await t.call('account.recoveryCodesLeft'))).toEqual({ unused: 9 });
    // The sign-in says it used a recovery code; the one before, with the authenticator, does not.
    const recent = value<{ outcome: string; recoveryCode?: true }[]>(await t.call('account.recentSignIns'));
    expect(recent.slice(0, 2)).toEqual([
      { at: expect.any(String), outcome: 'success', recoveryCode: true },
      { at: expect.any(String), outcome: 'success' },
    ]);
  });

  it("reads one's sign-ins from an index of sign-ins only, so a record edit writes no audit index", async () => {
    const t = await signedInAdmin();
    const db = t.core.requireActive().db;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RECENT_SIGN_INS_SQL}`).all('user:1') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING INDEX audit_sign_ins (target=?)');
    expect(plan).not.toContain('TEMP B-TREE');
    // The audit log's one index is partial: an edit's entry (target contact:N) is not in it.
    expect(db.prepare("SELECT name, partial FROM pragma_index_list('audit_log')").all()).toEqual([{ name: 'audit_sign_ins', partial: 1 }]);
  });
});

describe('accounts an admin manages', () => {
  it('a new user signs in with the one-time password, must change it and enrol; disabling stops them at once', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'jan.devries');
    expect(user).toMatchObject({ username: 'jan.devries', role: 'office', status: 'active', mfaEnrolled: false, mustChangePassword: true });
    expect(readVaultFile(t.dataDir).slots).toHaveLength(2);
    await t.call('session.signOut');

    // A weak new password is refused with a reason, and nothing changes.
    await t.call('session.signIn', { username: 'jan.devries', password: oneTimePassword });
    const weak = await t.call('session.changeInitialPassword', { newPassword: 'password1234' });
    expect(!weak.ok && weak.error.code).toBe('VALIDATION');
    expect(!weak.ok && (weak.error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.newPassword?.[0]).toMatch(/too easy to guess/);
    await t.call('session.signOut');

    const janSecret = await firstSignIn(t, 'jan.devries', oneTimePassword, 'tulpen-in-de-lente-bij-lisse');
    expect(t.core.state()).toMatchObject({ phase: 'signedIn', session: { user: { username: 'jan.devries' }, permissions: ['data.import', 'data.export'] } });
    await t.call('session.signOut');
    // The one-time password no longer opens anything.
    await t.call('session.signIn', { username: 'jan.devries', password: oneTimePassword });
    expect(await t.call('session.verifyCode', { code: t.nextCode() })).toEqual(GENERIC);

    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const disabled = value<{ user: UserSummary }>(await t.call('users.disable', { userId: user.id }));
    expect(disabled.user.status).toBe('disabled');
    expect(readVaultFile(t.dataDir).slots).toHaveLength(1);
    await t.call('session.signOut');

    await t.call('session.signIn', { username: 'jan.devries', password: 'tulpen-in-de-lente-bij-lisse' });
    t.clock.advance(30);
    expect(await t.call('session.verifyCode', { code: totpAt(janSecret, t.clock) })).toEqual(GENERIC);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
  });

  it('audit.list names each actor as they are called now; nobody for the install\'s own entries or a removed user', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: 'helemaal-niet-goed' });
    await t.call('session.verifyCode', { code: '222222' });
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const { open, user } = t.core.requireActive();
    open.db.transaction(() => audit(open, { actor: 999, action: 'records.created', target: 'contact:1' }))();
    const entries = value<AuditEntry[]>(await t.call('audit.list', { limit: 50 }));
    expect(entries[0]).toMatchObject({ actor: 999, actorName: null, action: 'records.created' });
    expect(entries[1]).toMatchObject({ actor: user.id, actorName: ADMIN.adminUsername, action: 'session.signIn' });
    // A failed sign-in is written by the install itself, at the next unlock.
    expect(entries.find((e) => e.action === 'session.signIn.failed')).toMatchObject({ actor: null, actorName: null });
    expect(listAudit(open.db, 50)).toEqual(entries);
  });

  it('audit.list pages down by seq: each page the next older entries, none twice, down to the first', async () => {
    const t = await signedInAdmin();
    const { open, user } = t.core.requireActive();
    open.db.transaction(() => {
      for (let i = 0; i < 7; i++) audit(open, { actor: user.id, action: 'records.created', target: `contact:${i + 1}` });
    })();
    const all = value<AuditEntry[]>(await t.call('audit.list', { limit: 500 }));
    const paged: AuditEntry[] = [];
    let before: number | undefined;
    for (;;) {
      const page = value<AuditEntry[]>(await t.call('audit.list', before === undefined ? { limit: 3 } : { limit: 3, before }));
      paged.push(...page);
      if (page.length < 3) break;
      before = page[page.length - 1]?.seq;
    }
    expect(paged).toEqual(all);
    expect(all.at(-1)?.seq).toBe(1);
    expect(all.length).toBeGreaterThan(7);
    expect((await t.call('audit.list', { limit: 3, before: 0 })).ok).toBe(false);

    // One record's trail: only its entries, newest first, paged as the whole log.
    for (let i = 0; i < 3; i++) audit(open, { actor: user.id, action: 'records.updated', target: 'contact:2' });
    const trail = value<AuditEntry[]>(await t.call('audit.list', { limit: 500, target: 'contact:2' }));
    expect(trail.map((e) => e.action)).toEqual(['records.updated', 'records.updated', 'records.updated', 'records.created']);
    expect(trail.every((e) => e.target === 'contact:2')).toBe(true);
    const older = value<AuditEntry[]>(await t.call('audit.list', { limit: 2, target: 'contact:2', before: trail[1]!.seq }));
    expect(older).toEqual(trail.slice(2, 4));
    // A target is a record's kind and id, nothing else.
    expect((await t.call('audit.list', { limit: 3, target: "contact:2' OR 1=1" })).ok).toBe(false);
  });

  it('a user without the right gets FORBIDDEN, and the refusal is audited', async () => {
    const t = await signedInAdmin();
    const { oneTimePassword } = await createUser(t, 'piet');
    await t.call('session.signOut');
    await firstSignIn(t, 'piet', oneTimePassword, 'fietsen-langs-de-oude-rijn');
    expect(await t.call('users.list')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'You do not have the right "Manage users and their access".', messageId: 'common.noRight', values: { right: { en: 'Manage users and their access', nl: 'Gebruikers en hun toegang beheren' } } } });
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const denied = listAudit(t.core.requireActive().db, 50).find((e) => e.action === 'access.denied');
    expect(denied).toMatchObject({ details: { channel: 'users.list', code: 'FORBIDDEN' } });
  });

  it('needs a fresh code for sensitive actions (step-up), and retries work after it', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.recoveryCodes[0]!);
    const create = { username: 'anouk', displayName: 'Anouk', role: 'office' };
    expect(await t.call('users.create', create)).toEqual({
      ok: false,
      error: { code: 'STEP_UP_REQUIRED', message: 'Enter a code from your authenticator app to confirm it is you.', messageId: 'session.stepUpRequired' },
    });
    expect(await t.call('session.stepUp', { code: '123456' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'That code is not right.', messageId: 'session.codeWrong' } });
    expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    expect((await t.call('users.create', create)).ok).toBe(true);
    t.clock.advance(5 * 60 + 1);
    const later = await t.call('users.disable', { userId: 2 });
    expect(!later.ok && later.error.code).toBe('STEP_UP_REQUIRED');
  });

  it('reset password: the old password stops working, the new one-time password forces a change', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'bert');
    await t.call('session.signOut');
    await firstSignIn(t, 'bert', oneTimePassword, 'grachten-en-bruggen-van-delft');
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reset = value<{ oneTimePassword: string }>(await t.call('users.resetPassword', { userId: user.id }));
    await t.call('session.signOut');

    await t.call('session.signIn', { username: 'bert', password: 'grachten-en-bruggen-van-delft' });
    expect(await t.call('session.verifyCode', { code: '333333' })).toEqual(GENERIC);
    // Bert still has his authenticator: code first, then the forced change.
    expect(value(await t.call('session.signIn', { username: 'bert', password: reset.oneTimePassword }))).toEqual({ next: 'code' });
  });

  it('reset MFA: the user sets up the authenticator again at the next sign-in', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'els');
    await t.call('session.signOut');
    await firstSignIn(t, 'els', oneTimePassword, 'molens-langs-de-zaan-draaien');
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    expect(value<{ user: UserSummary }>(await t.call('users.resetMfa', { userId: user.id })).user.mfaEnrolled).toBe(false);
    await t.call('session.signOut');
    expect(value(await t.call('session.signIn', { username: 'els', password: 'molens-langs-de-zaan-draaien' }))).toEqual({ next: 'enrol' });
  });

  it('a role changed or an account disabled from another instance counts from the signed-in user\'s next call', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'roos');
    await t.call('session.signOut');
    await firstSignIn(t, 'roos', oneTimePassword, 'rozen-bloeien-in-de-tuin-van-roos');
    expect((await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen' } })).ok).toBe(true);

    // The administrator, in a second instance on the same install (the CLI, another window).
    const admin = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock });
    await signIn(admin, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    value(await admin.call('users.setAccess', { userId: user.id, role: 'readonly', teamIds: [], overrides: [] }));
    const refused = await t.call('records.create', { entity: 'contact', values: { last_name: 'de Vries' } });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(t.core.state()).toMatchObject({ phase: 'signedIn', session: { user: { username: 'roos', role: 'readonly' } } });

    value(await admin.call('users.disable', { userId: user.id }));
    const events: unknown[] = [];
    const off = t.dispatcher.onEvent((name, payload) => events.push([name, payload]));
    expect(await t.call('records.list', { entity: 'contact' })).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Your account has been disabled, so you are signed out. Ask an administrator if you need it again.',
        messageId: 'session.accountDisabled',
      },
    });
    expect(t.core.state().phase).toBe('signedOut');
    // The window hears why, so the sign-in screen can say it.
    off();
    expect(events).toEqual([['session.changed', { reason: 'accountDisabled' }]]);
    expect(listAudit(admin.core.requireActive().db, 5).find((e) => e.action === 'session.ended')).toMatchObject({ actor: user.id, details: { reason: 'accountDisabled' } });
  });

  it('a password reset from another instance ends the user\'s session at their next call, and the one-time password does not unlock it', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'jan');
    await t.call('session.signOut');
    const secret = await firstSignIn(t, 'jan', oneTimePassword, 'jan-fietst-langs-de-vecht');
    const admin = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock });
    await signIn(admin, ADMIN.adminUsername, ADMIN.password, t.nextCode());

    // Locked first: the one-time password opens his key now, but starts a first sign-in, not his session.
    value(await t.call('session.lock'));
    const reset = value<{ oneTimePassword: string }>(await admin.call('users.resetPassword', { userId: user.id }));
    const events: unknown[] = [];
    const off = t.dispatcher.onEvent((name, payload) => events.push([name, payload]));
    expect(await t.call('session.unlock', { password: reset.oneTimePassword })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.passwordReset' } });
    expect(t.core.state().phase).toBe('signedOut');
    expect(events).toEqual([['session.changed', { reason: 'passwordReset' }]]);
    off();
    // Signing in with it asks for his own password, as the reset meant.
    expect(value<SignInProgress>(await t.call('session.signIn', { username: 'jan', password: reset.oneTimePassword }))).toEqual({ next: 'code' });

    // Signed in again, and reset while working: the next call ends the session.
    await t.call('session.signOut');
    const again = value<{ oneTimePassword: string }>(await admin.call('users.resetPassword', { userId: user.id }));
    expect(value<SignInProgress>(await t.call('session.signIn', { username: 'jan', password: again.oneTimePassword }))).toEqual({ next: 'code' });
    t.clock.advance(30);
    value(await t.call('session.verifyCode', { code: totpAt(secret, t.clock) }));
    value(await t.call('session.changeInitialPassword', { newPassword: 'jan-roeit-op-de-vecht-bij-maarssen' }));
    expect(t.core.state().phase).toBe('signedIn');
    value(await admin.call('users.resetPassword', { userId: user.id }));
    expect(await t.call('records.list', { entity: 'contact' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.passwordReset' } });
    expect(t.core.state().phase).toBe('signedOut');
    expect(listAudit(admin.core.requireActive().db, 10).filter((e) => e.action === 'session.ended').map((e) => e.details)).toEqual([{ reason: 'passwordReset' }, { reason: 'passwordReset' }]);
  });

  it('a reset of the second factor (a lost phone) ends the user\'s session at their next call', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'priya');
    await t.call('session.signOut');
    await firstSignIn(t, 'priya', oneTimePassword, 'priya-zeilt-over-het-ijsselmeer');
    const admin = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock });
    await signIn(admin, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    expect((await t.call('records.list', { entity: 'contact' })).ok).toBe(true);

    const events: unknown[] = [];
    const off = t.dispatcher.onEvent((name, payload) => events.push([name, payload]));
    value(await admin.call('users.resetMfa', { userId: user.id }));
    expect(await t.call('records.list', { entity: 'contact' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.mfaReset' } });
    expect(t.core.state().phase).toBe('signedOut');
    expect(events).toEqual([['session.changed', { reason: 'mfaReset' }]]);
    off();
    // Her password now leads to setting up an authenticator anew, not into the app.
    expect(value<SignInProgress>(await t.call('session.signIn', { username: 'priya', password: 'priya-zeilt-over-het-ijsselmeer' }))).toMatchObject({ next: 'enrol' });
    expect(listAudit(admin.core.requireActive().db, 10).filter((e) => e.action === 'session.ended').map((e) => e.details)).toEqual([{ reason: 'mfaReset' }]);
  });

  it('a change of a signed-in user\'s rights from another instance is told to their window at their next call', async () => {
    const t = await signedInAdmin();
    const { user, oneTimePassword } = await createUser(t, 'ottilie');
    await t.call('session.signOut');
    await firstSignIn(t, 'ottilie', oneTimePassword, 'ottilie-ordent-het-archief-opnieuw');
    const admin = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock });
    await signIn(admin, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const events: unknown[] = [];
    const off = t.dispatcher.onEvent((name, payload) => events.push([name, payload]));
    expect((await t.call('records.list', { entity: 'contact' })).ok).toBe(true);
    expect((await t.call('records.list', { entity: 'contact' })).ok).toBe(true);
    expect(events).toEqual([]);

    // Demoted to Read-only: her next call works with the new rights, and her window hears of it once.
    await admin.call('session.stepUp', { code: t.nextCode() });
    value(await admin.call('users.setAccess', { userId: user.id, role: 'readonly', teamIds: [], overrides: [] }));
    const refused = await t.call('records.create', { entity: 'contact', values: { last_name: 'Nieuw' } });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(events).toEqual([['session.changed', { reason: 'rightsChanged' }]]);
    const state = value<{ phase: string; session: { rights: { tasks: string[] } } }>(await t.call('app.state'));
    expect(state.session.rights.tasks).not.toContain('data.import');
    // So does a personal exception alone.
    value(await admin.call('users.setAccess', { userId: user.id, role: 'readonly', teamIds: [], overrides: [{ right: 'module:contacts', effect: 'deny' }] }));
    await t.call('records.list', { entity: 'deal' });
    expect(events).toHaveLength(2);
    off();
  });

  it('admins cannot disable or reset themselves through the users page', async () => {
    const t = await signedInAdmin();
    const self = await t.call('users.disable', { userId: 1 });
    expect(!self.ok && self.error.code).toBe('CONFLICT');
  });

  it('refuses a taken username, whatever its case', async () => {
    const t = await signedInAdmin();
    await createUser(t, 'karin');
    const again = await t.call('users.create', { username: 'KARIN', displayName: 'K', role: 'office' });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    // Also in capitals beyond ASCII, which sign-in folds as it folds these (one key slot for both).
    await createUser(t, 'jöran');
    const other = await t.call('users.create', { username: 'JÖRAN', displayName: 'J', role: 'office' });
    expect(other.ok ? null : other.error).toMatchObject({ code: 'CONFLICT', messageId: 'access.usernameTaken' });
    // A letter typed with a separate accent is the same letter.
    expect((await t.call('users.create', { username: 'jo\u0308ran', displayName: 'J', role: 'office' })).ok).toBe(false);
    const typedApart = value<{ user: UserSummary }>(await t.call('users.create', { username: 'e\u0301lise', displayName: 'É', role: 'office' }));
    expect(typedApart.user.username).toBe('\u00e9lise');
  });

  it('refuses a new username that can pass for another: full-width letters, or letters of two alphabets', async () => {
    const t = await signedInAdmin();
    await createUser(t, 'sander');
    for (const [username, hint] of [
      ['s\u0430nder', 'Use letters of one alphabet: a name mixing, say, Latin and Cyrillic can pass for another'],
      ['\uff53\uff41\uff4e\uff44\uff45\uff52', 'Use ordinary letters, not full-width or other look-alike forms'],
    ] as const) {
      const refused = await t.call('users.create', { username, displayName: 'Nep', role: 'office' });
      expect(refused.ok ? null : (refused.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({ username: { kind: 'invalid', hint } });
    }
    // One alphabet, another than Latin, is a name like any.
    expect((await t.call('users.create', { username: 'дмитрий', displayName: 'Dmitri', role: 'office' })).ok).toBe(true);
  });

  it('refuses a new username wholly in another alphabet that reads as an existing one', async () => {
    const t = await signedInAdmin();
    await createUser(t, 'copy');
    await createUser(t, 'kato');
    // All Cyrillic "сору" beside "copy"; Greek capitals "ΚΑΤΟ" beside "kato" (a name is shown as
    // typed, and signed in with in any case).
    for (const [username, existing] of [
      ['\u0441\u043e\u0440\u0443', 'copy'],
      ['\u039a\u0391\u03a4\u039f', 'kato'],
    ] as const) {
      const refused = await t.call('users.create', { username, displayName: 'Nep', role: 'office' });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', messageId: 'access.usernameLooksTaken', values: { username: existing } });
      expect(refused.ok ? null : (refused.error.details as { fieldMessages: unknown }).fieldMessages).toEqual({ username: { id: 'access.usernameLooksTaken', values: { username: existing } } });
    }
    expect(value<UserSummary[]>(await t.call('users.list', {})).map((u) => u.username).sort()).toEqual([ADMIN.adminUsername, 'copy', 'kato'].sort());
    // A Cyrillic name that reads as nobody's is a name like any.
    expect((await t.call('users.create', { username: '\u0434\u043c\u0438\u0442\u0440\u0438\u0439', displayName: 'Dmitri', role: 'office' })).ok).toBe(true);
  });

  it('refuses a name with a line break, a terminal escape or a direction override, which could forge a row of `user list`', async () => {
    const t = await signedInAdmin();
    for (const displayName of ['Evil\nanna   Administrator active', 'Rood\u001b[31m', 'Anna\u202Eavaj', 'Tab\there']) {
      const refused = await t.call('users.create', { username: 'nep', displayName, role: 'office' });
      expect(refused.ok ? null : (refused.error.details as { fieldProblems: unknown }).fieldProblems).toEqual({
        displayName: { kind: 'badFormat', hint: 'Use one line of text, without control characters' },
      });
    }
    expect(value<UserSummary[]>(await t.call('users.list', {})).map((u) => u.username)).toEqual([ADMIN.adminUsername]);
    // Letters from anywhere, and a trailing newline (trimmed), are fine.
    expect(value<{ user: UserSummary }>(await t.call('users.create', { username: 'zoe', displayName: 'Zoë Ñúñez 王\n', role: 'office' })).user.displayName).toBe('Zoë Ñúñez 王');
  });

  it('refuses a role that does not exist and creates no account; a copied role is accepted', async () => {
    const t = await signedInAdmin();
    const unknown = await t.call('users.create', { username: 'baas', displayName: 'Baas', role: 'boss' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'access.unknownRole', values: { role: 'boss' } } });
    expect(value<UserSummary[]>(await t.call('users.list', {})).map((u) => u.username)).toEqual([ADMIN.adminUsername]);
    const copy = value<{ id: string }>(await t.call('roles.save', { name: { en: 'Sales lead', nl: 'Verkoopleider' }, rights: BUILT_IN_ROLES.find((r) => r.id === 'sales')!.rights }));
    expect(value<{ user: UserSummary }>(await t.call('users.create', { username: 'lead', displayName: 'Lead', role: copy.id })).user.role).toBe(copy.id);
  });
});

describe('the own account', () => {
  it('changes the password by rewrapping the own slot: the old one stops working', async () => {
    const t = await signedInAdmin();
    const wrong = await t.call('account.changePassword', { currentPassword: 'niet-mijn-wachtwoord', newPassword: 'een-nieuw-lang-wachtwoord-hier' });
    expect(!wrong.ok && wrong.error.code).toBe('VALIDATION');
    value(await t.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'een-nieuw-lang-wachtwoord-hier' }));
    await t.call('session.signOut');
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code: t.nextCode() })).toEqual(GENERIC);
    await signIn(t, ADMIN.adminUsername, 'een-nieuw-lang-wachtwoord-hier', t.nextCode());
  });

  it('slows down and logs guesses of the current password at an open window, as at the lock screen', async () => {
    const t = await signedInAdmin();
    const guess = (n: number) => t.call('account.changePassword', { currentPassword: `misschien-dit-wachtwoord-${n}`, newPassword: 'een-nieuw-lang-wachtwoord-hier' });
    for (let n = 1; n <= 3; n++) expect(await guess(n)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'session.currentPasswordWrong' } });
    // The fourth waits, and is not even tried: the right password would be refused too until then.
    expect(await guess(4)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.tooManySignInsOne' } });
    const early = await t.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password });
    expect(early).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The lock screen waits the same: one count of wrong passwords per user.
    expect((await t.call('session.lock')).ok).toBe(true);
    expect(await t.call('session.unlock', { password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.tooManySignInsOne' } });
    t.clock.advance(2);
    expect((await t.call('session.unlock', { password: ADMIN.password })).ok).toBe(true);
    const failed = listAudit(t.core.requireActive().db, 50).filter((e) => e.action === 'account.password.changeFailed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({ actor: t.core.requireActive().user.id, target: `user:${t.core.requireActive().user.id}` });
    // The right password cleared the count: a slip now is just a slip.
    expect(await guess(5)).toMatchObject({ ok: false, error: { messageId: 'session.currentPasswordWrong' } });
  });

  it('regenerates recovery codes after a step-up; the old ones stop working', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    // The sign-in's code does not count: new codes need one confirmed for them.
    expect(await t.call('account.regenerateRecoveryCodes')).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', messageId: 'session.stepUpEachTime' } });
    expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    const fresh = value<{ recoveryCodes: string[] }>(await t.call('account.regenerateRecoveryCodes'));
    expect(fresh.recoveryCodes).toHaveLength(10);
    await t.call('session.signOut');
    await t.call('session.signIn', { username: ADMIN.adminUsername, password: ADMIN.password });
    expect(await t.call('session.verifyCode', { code: t.recoveryCodes[1] })).toEqual(GENERIC);
    await signIn(t, ADMIN.adminUsername, ADMIN.password, fresh.recoveryCodes[0]!);
  });
});
