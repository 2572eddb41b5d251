/**
 * A new password must be new: the one-time password an admin handed out cannot become one's own
 * (the admin knows it), and a password change to the same password is refused, not reported done.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, signedInAdmin } from '../support/install';

const SAME = { code: 'VALIDATION', messageId: 'session.newPasswordSame', details: { fieldMessages: { newPassword: { id: 'session.newPasswordSame' } } } };

describe('a new password', () => {
  it('at the first sign-in is not the one-time password', async () => {
    const t = await signedInAdmin();
    const created = await t.call('users.create', { username: 'jan', displayName: 'Jan de Vries', role: 'sales' });
    const { oneTimePassword } = (created as unknown as { value: { oneTimePassword: string } }).value;
    await t.call('session.signOut');
    expect(await t.call('session.signIn', { username: 'jan', password: oneTimePassword })).toEqual({ ok: true, value: { next: 'changePassword' } });
    expect(await t.call('session.changeInitialPassword', { newPassword: oneTimePassword })).toMatchObject({ ok: false, error: SAME });
    // Still at the same step, and a password of one's own is taken.
    expect(await t.call('session.changeInitialPassword', { newPassword: 'jan-fietst-langs-de-lange-vliet' })).toEqual({ ok: true, value: { next: 'enrol' } });
  });

  it('on the account page is not the current one', async () => {
    const t = await signedInAdmin();
    const same = await t.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password });
    expect(same).toMatchObject({ ok: false, error: SAME });
    expect((await t.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'twaalf-tulpen-in-de-tuin' })).ok).toBe(true);
  });
});
