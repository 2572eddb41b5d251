/**
 * A step-up code cannot be guessed at an unattended, unlocked window: three wrong codes in a row lock
 * Kluis (the password is needed again), and the throttle of that user's codes counts them, also
 * through an unlock with the password.
 */
import { describe, expect, it } from 'vitest';
import { generateSync } from 'otplib';
import { listAudit } from '../../electron/core/audit/chain';
import { STEP_UP_FAILURES_BEFORE_LOCK, STEP_UP_WINDOW_MS } from '../../electron/core/kluis';
import { ADMIN, signedInAdmin, type Installed } from '../support/install';

const CREATE = { username: 'anouk', displayName: 'Anouk', role: 'office' };

/** A code that is not the right one for any step the core accepts in the next few minutes. */
function wrongCode(t: Installed): string {
  const now = Math.floor(t.clock.now() / 1000);
  const right = new Set(Array.from({ length: 12 }, (_, i) => generateSync({ secret: t.totpSecret, epoch: now + (i - 1) * 30 })));
  for (let n = 0; ; n++) {
    const code = String(100_000 + n);
    if (!right.has(code)) return code;
  }
}

async function stepUpNeeded(t: Installed): Promise<void> {
  t.clock.advance(STEP_UP_WINDOW_MS / 1000 + 1);
  const refused = await t.call('users.create', CREATE);
  expect(!refused.ok && refused.error.code).toBe('STEP_UP_REQUIRED');
}

describe('step-up codes', () => {
  it('lock Kluis after three wrong ones in a row; then the right one does nothing until the password unlocks', async () => {
    expect(STEP_UP_FAILURES_BEFORE_LOCK).toBe(3);
    const t = await signedInAdmin();
    await stepUpNeeded(t);
    const wrong = wrongCode(t);
    for (let i = 1; i < STEP_UP_FAILURES_BEFORE_LOCK; i++) {
      expect(await t.call('session.stepUp', { code: wrong })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.codeWrong' } });
    }
    expect(await t.call('session.stepUp', { code: wrong })).toMatchObject({ ok: false, error: { code: 'LOCKED', messageId: 'session.lockedAfterWrongCodes' } });
    expect(await t.call('app.state')).toMatchObject({ ok: true, value: { phase: 'locked', reason: 'wrongCodes' } });
    // Guessing on is over: every call answers LOCKED, the right code too.
    const rightNow = generateSync({ secret: t.totpSecret, epoch: Math.floor(t.clock.now() / 1000) });
    expect(await t.call('session.stepUp', { code: rightNow })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.call('users.create', CREATE)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    // The password unlocks (it was never wrong); the three wrong codes count on for the code's throttle.
    expect((await t.call('session.unlock', { password: ADMIN.password })).ok).toBe(true);
    expect(await t.call('session.stepUp', { code: rightNow })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', messageId: 'session.tooManySignInsOne' } });
    t.clock.advance(2);
    expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    expect((await t.call('users.create', CREATE)).ok).toBe(true);

    const actions = listAudit(t.core.requireActive().db, 50).map((e) => [e.action, e.details]);
    expect(actions.filter(([action]) => action === 'session.stepUp.failed')).toHaveLength(3);
    expect(actions).toContainEqual(['session.lock', { reason: 'wrongCodes' }]);
  });

  it('cannot be guessed on by locking and unlocking with the password: each round locks at the first wrong code and waits twice as long', async () => {
    const t = await signedInAdmin();
    await stepUpNeeded(t);
    const wrong = wrongCode(t);
    for (let i = 1; i <= STEP_UP_FAILURES_BEFORE_LOCK; i++) await t.call('session.stepUp', { code: wrong });
    expect(await t.call('app.state')).toMatchObject({ ok: true, value: { phase: 'locked' } });
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      expect((await t.call('session.unlock', { password: ADMIN.password })).ok).toBe(true);
      const early = await t.call('session.stepUp', { code: wrong });
      expect(early).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const wait = (early as unknown as { error: { details: { retryAfterSeconds: number } } }).error.details.retryAfterSeconds;
      waits.push(wait);
      t.clock.advance(wait);
      // One guess, and Kluis locks again: the count of wrong codes went on through the unlock.
      expect(await t.call('session.stepUp', { code: wrong })).toMatchObject({ ok: false, error: { code: 'LOCKED', messageId: 'session.lockedAfterWrongCodes' } });
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // The owner, with the authenticator, gets in as before once the wait is over.
    t.clock.advance(16);
    expect((await t.call('session.unlock', { password: ADMIN.password })).ok).toBe(true);
    expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    expect(await t.call('session.stepUp', { code: wrong })).toMatchObject({ ok: false, error: { messageId: 'session.codeWrong' } });
  });

  it('count in a row: a right code starts the count again', async () => {
    const t = await signedInAdmin();
    await stepUpNeeded(t);
    const wrong = wrongCode(t);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < STEP_UP_FAILURES_BEFORE_LOCK; i++) expect((await t.call('session.stepUp', { code: wrong })).ok).toBe(false);
      expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    }
    expect(await t.call('app.state')).toMatchObject({ ok: true, value: { phase: 'signedIn' } });
  });
});
