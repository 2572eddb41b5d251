/**
 * Locking: after the policy's idle time, or on demand, the core closes the database and zeroes
 * every key it held; every channel answers LOCKED until the password (and, by policy, a code)
 * opens it again.
 */
import { describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../shared/api';
import { ADMIN, noKeychain, signIn, signedInAdmin, testCore, type TestCore } from '../support/install';
import { value } from '../support/results';

const GENERIC = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username, password or code', messageId: 'common.wrongCredentials' } };
const LOCKED = { ok: false, error: { code: 'LOCKED', message: 'Kluis is locked. Unlock it to go on.', messageId: 'session.locked' } };

function nextLock(t: Pick<TestCore, 'core'>): Promise<void> {
  return new Promise((resolve) => {
    const off = t.core.events.on((name, payload) => {
      if (name === 'session.changed' && (payload as EventPayloads['session.changed']).reason === 'locked') {
        off();
        resolve();
      }
    });
  });
}

describe('locking', () => {
  it('locks by itself after the idle time: database closed, keys zeroed, every call answers LOCKED', async () => {
    const t = await signedInAdmin();
    const { db } = t.core.requireActive();
    const heldKeys = [...t.secrets.buffers];
    expect(heldKeys.length).toBeGreaterThanOrEqual(3); // DEK, private key, audit key
    expect(heldKeys.every((key) => key.some((byte) => byte !== 0))).toBe(true);

    const locked = nextLock(t);
    expect((await t.call('policy.update', { idleLockSeconds: 5 })).ok).toBe(true);
    await locked;

    expect(t.core.state()).toEqual({ phase: 'locked', user: { username: ADMIN.adminUsername, displayName: ADMIN.adminUsername }, keyMode: 'passphrase-only', unlockNeedsCode: false, reason: 'idle' });
    expect(db.open).toBe(false);
    expect(heldKeys.every((key) => key.every((byte) => byte === 0))).toBe(true);
    expect(t.secrets.buffers).toHaveLength(0);
    for (const channel of ['install.status', 'users.list', 'audit.list', 'session.touch']) {
      expect(await t.call(channel)).toEqual(LOCKED);
    }
  });

  it('stays unlocked while the user is active', async () => {
    const t = await signedInAdmin();
    await t.call('policy.update', { idleLockSeconds: 5 });
    let lockedAt = 0;
    t.core.events.on((name, payload) => {
      if (name === 'session.changed' && (payload as { reason: string }).reason === 'locked') lockedAt = Date.now();
    });
    const started = Date.now();
    const locked = nextLock(t);
    // Activity every second for four seconds keeps it open past the first five seconds.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await t.call('session.touch')).ok).toBe(true);
    }
    await locked;
    expect(lockedAt - started).toBeGreaterThanOrEqual(8_000);
  });

  it('unlocks only with the right password, and then works again', async () => {
    const t = await signedInAdmin();
    expect(await t.call('session.lock')).toEqual({ ok: true, value: { locked: true } });
    expect(await t.call('session.unlock', { password: 'niet-het-goede-wachtwoord' })).toEqual(GENERIC);
    expect(t.core.state().phase).toBe('locked');
    const unlocked = await t.call('session.unlock', { password: ADMIN.password });
    expect(unlocked.ok).toBe(true);
    expect((await t.call('install.status')).ok).toBe(true);
  });

  it('asks for a code too when the policy says so', async () => {
    const t = await signedInAdmin();
    await t.call('policy.update', { unlockRequiresCode: true });
    await t.call('session.lock');
    expect(t.core.state()).toMatchObject({ phase: 'locked', unlockNeedsCode: true });
    expect(await t.call('session.unlock', { password: ADMIN.password })).toEqual(GENERIC);
    expect((await t.call('session.unlock', { password: ADMIN.password, code: t.nextCode() })).ok).toBe(true);
  });

  it('follows a policy changed in another instance on the file from the next call', async () => {
    const t = await signedInAdmin();
    const other = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock });
    await signIn(other, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    value(await other.call('policy.update', { unlockRequiresCode: true }));
    expect((await t.call('records.count', { entity: 'contact' })).ok).toBe(true);
    await t.call('session.lock');
    expect(t.core.state()).toMatchObject({ phase: 'locked', unlockNeedsCode: true });
  });

  it('locks an idle window by a shorter idle time set in another instance, though it makes no call', async () => {
    const t = await signedInAdmin();
    // A window nobody touches, in an instance that reads the policy again every half second.
    const idle = testCore({ dataDir: t.dataDir, keychain: noKeychain, clock: t.clock, policyRecheckMs: 500 });
    await signIn(idle, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const locked = nextLock(idle);
    value(await t.call('policy.update', { idleLockSeconds: 5 }));
    await locked;
    expect(idle.core.state()).toMatchObject({ phase: 'locked', reason: 'idle' });
  });

  it('takes a recovery code for that code, once, as sign-in does: no phone at hand, no work lost', async () => {
    const t = await signedInAdmin();
    await t.call('policy.update', { unlockRequiresCode: true });
    await t.call('session.lock');
    const [code] = t.recoveryCodes;
    expect((await t.call('session.unlock', { password: ADMIN.password, code: code! })).ok).toBe(true);
    const { db } = t.core.requireActive();
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'mfa.recoveryCode.used'").pluck().get()).toBe(1);
    await t.call('session.lock');
    expect(await t.call('session.unlock', { password: ADMIN.password, code: code! })).toEqual(GENERIC);
  });

  it('can be signed out from the lock screen, for another user to sign in', async () => {
    const t = await signedInAdmin();
    await t.call('session.lock');
    expect((await t.call('session.signOut')).ok).toBe(true);
    expect(t.core.state().phase).toBe('signedOut');
  });
});
