/**
 * An install never loses its last user manager: a change after which no active user could manage
 * users (`users.manage`) is refused with access.lastUserManager, and nothing of it is kept — whether
 * it is a role saved, a user's role or exceptions, or an account disabled.
 */
import { describe, expect, it } from 'vitest';
import { setUserAccess } from '../../electron/core/access/admin';
import { listAudit } from '../../electron/core/audit/chain';
import { disableUser } from '../../electron/core/auth/userAdmin';
import { KluisError } from '../../electron/core/errors';
import { readVaultFile } from '../../electron/core/vault/vaultFile';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { UserSummary } from '../../shared/apiTypes';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

const ADMIN_RIGHTS = BUILT_IN_ROLES.find((r) => r.id === 'admin')!.rights;
const WITHOUT_USER_MANAGEMENT = { ...ADMIN_RIGHTS, tasks: ADMIN_RIGHTS.tasks.filter((task) => task !== 'users.manage') };
const LAST_USER_MANAGER = {
  ok: false,
  error: {
    code: 'CONFLICT',
    messageId: 'access.lastUserManager',
    message: 'Nothing was changed: afterwards no active user could manage users, and nobody could give that right back. Let another active user manage users first.',
  },
};

/**
 * The situation of the user test: Jan holds a custom copy of Administrator ("Beheer") and is the
 * only one who can manage users, since he made the first admin Office staff. Jan is signed in.
 * (A copy without users.manage, "Systeem", is there for Roos: see roosSignsIn.)
 */
async function janManagesAlone(): Promise<{ t: Installed; adminId: number; janId: number }> {
  const t = await signedInAdmin();
  const adminId = t.core.requireActive().user.id;
  value(await t.call('roles.save', { name: { en: 'Beheer', nl: 'Beheer' }, rights: ADMIN_RIGHTS }));
  value(await t.call('roles.save', { name: { en: 'Systeem', nl: 'Systeem' }, rights: WITHOUT_USER_MANAGEMENT }));
  const jan = await signInAsNewUser(t, 'jan', 'custom-beheer');
  value(await t.call('users.setAccess', { userId: adminId, role: 'office', teamIds: [], overrides: [] }));
  return { t, adminId, janId: jan.id };
}

/**
 * Nobody saves the role they hold (roleBounds.ts), so Jan's role is saved by another role manager:
 * Roos, whom Jan adds with "Systeem" — every right of Beheer but users.manage, so the rights she
 * saves are within her own. Roos is signed in afterwards.
 */
async function roosSignsIn(t: Installed): Promise<void> {
  await signInAsNewUser(t, 'roos', 'custom-systeem');
}

const auditActions = (t: Installed) => listAudit(t.core.requireActive().db, 500).map((e) => e.action);

describe('the last user manager', () => {
  it('keeps users.manage in the role they hold: roles.save is refused and the role stays as it was', async () => {
    const { t } = await janManagesAlone();
    await roosSignsIn(t);
    const before = auditActions(t);

    const saved = await t.call('roles.save', { id: 'custom-beheer', name: { en: 'Beheer', nl: 'Beheer' }, rights: WITHOUT_USER_MANAGEMENT });
    expect(saved).toEqual(LAST_USER_MANAGER);

    const role = value<RoleDefinition[]>(await t.call('roles.list')).find((r) => r.id === 'custom-beheer');
    expect(role?.rights.tasks).toContain('users.manage');
    expect(auditActions(t).filter((a) => a === 'roles.saved')).toEqual(before.filter((a) => a === 'roles.saved'));
  });

  it('lets the role lose users.manage once another active user can manage users', async () => {
    const { t, adminId } = await janManagesAlone();
    value(await t.call('users.setAccess', { userId: adminId, role: 'admin', teamIds: [], overrides: [] }));
    await roosSignsIn(t);

    const role = value<RoleDefinition>(await t.call('roles.save', { id: 'custom-beheer', name: { en: 'Beheer', nl: 'Beheer' }, rights: WITHOUT_USER_MANAGEMENT }));
    expect(role.rights.tasks).not.toContain('users.manage');
  });

  // Through the dispatcher only a user manager reaches users.setAccess and users.disable, and they
  // keep the right themselves (their own role and exceptions are guarded apart). The rule is the
  // core's all the same: called by someone who is not a user manager, it still holds.
  it('refuses a role or an exception that takes users.manage from the last one, called by anyone', async () => {
    const { t, adminId, janId } = await janManagesAlone();
    const session = t.core.requireActive();
    const asAdmin = { ...session, user: { ...session.user, id: adminId } };
    const refusal = (change: () => unknown) => {
      try {
        change();
      } catch (error) {
        return error instanceof KluisError ? { code: error.code, messageId: error.messageId } : error;
      }
      return 'not refused';
    };
    const expected = { code: 'CONFLICT', messageId: 'access.lastUserManager' };

    expect(refusal(() => setUserAccess(asAdmin, { userId: janId, role: 'office', teamIds: [], overrides: [] }))).toEqual(expected);
    const deny = [{ right: 'task:users.manage', effect: 'deny' }] as const;
    expect(refusal(() => setUserAccess(asAdmin, { userId: janId, role: 'custom-beheer', teamIds: [], overrides: [...deny] }))).toEqual(expected);
    expect(value<{ role: string; overrides: unknown[] }>(await t.call('users.access', { userId: janId }))).toMatchObject({ role: 'custom-beheer', overrides: [] });

    const slots = readVaultFile(t.dataDir).slots;
    expect(refusal(() => disableUser(session.open, adminId, janId))).toEqual(expected);
    expect(value<UserSummary[]>(await t.call('users.list')).find((u) => u.id === janId)?.status).toBe('active');
    expect(readVaultFile(t.dataDir).slots).toEqual(slots);
    expect(auditActions(t)).not.toContain('users.disabled');
  });

  it('counts only active users: a disabled administrator manages nobody', async () => {
    const t = await signedInAdmin();
    const els = value<{ user: UserSummary }>(await t.call('users.create', { username: 'els', displayName: 'Els', role: 'admin' })).user;
    value(await t.call('users.disable', { userId: els.id }));
    const adminId = t.core.requireActive().user.id;
    value(await t.call('roles.save', { name: { en: 'Beheer', nl: 'Beheer' }, rights: ADMIN_RIGHTS }));
    value(await t.call('roles.save', { name: { en: 'Systeem', nl: 'Systeem' }, rights: WITHOUT_USER_MANAGEMENT }));
    await signInAsNewUser(t, 'jan', 'custom-beheer');
    value(await t.call('users.setAccess', { userId: adminId, role: 'office', teamIds: [], overrides: [] }));
    await roosSignsIn(t);

    expect(await t.call('roles.save', { id: 'custom-beheer', name: { en: 'Beheer', nl: 'Beheer' }, rights: WITHOUT_USER_MANAGEMENT })).toEqual(LAST_USER_MANAGER);
  });
});
