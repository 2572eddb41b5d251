/**
 * Administration and Audit gate their tasks now (TASK_MODULE): unticking the module takes the tasks
 * away. Migration 18 gives what held such a task before, without its module, the module it needs,
 * so nobody loses a right with the update; a personal deny of the module is left to do what it says.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition, type RoleRights } from '../../shared/access';
import type { UserSummary } from '../../shared/apiTypes';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser } from '../support/install';
import { refusal, value } from '../support/results';

const READ_ONLY = BUILT_IN_ROLES.find((r) => r.id === 'readonly')!.rights;

describe('a task-only module denied', () => {
  it('takes its tasks away: an administrator denied Audit may not read the log', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'adam', 'admin', { overrides: [{ right: 'module:audit', effect: 'deny' }] });
    expect(refusal(await t.call('audit.list', {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('users.list')).ok).toBe(true);
  });
});

describe('migration 18', () => {
  it('gives roles and personal grants that held an admin or audit task the module, unless a deny says otherwise', async () => {
    const t = await signedInAdmin();
    const keeperRights: RoleRights = { ...READ_ONLY, tasks: ['roles.manage', 'audit.read'] };
    const keeper = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Keeper', nl: 'Beheerder light' }, rights: keeperRights }));
    const add = async (username: string, overrides: { right: string; effect: 'grant' | 'deny' }[]) => {
      const { user } = value<{ user: UserSummary }>(await t.call('users.create', { username, displayName: username, role: 'office' }));
      value(await t.call('users.setAccess', { userId: user.id, role: 'office', teamIds: [], overrides }));
      return user.id;
    };
    const otto = await add('otto', [{ right: 'task:users.manage', effect: 'grant' }]);
    const dirk = await add('dirk', [{ right: 'task:audit.read', effect: 'grant' }, { right: 'module:audit', effect: 'deny' }]);
    const { db } = t.core.requireActive();
    // As an install of the version before left them: the module was never needed.
    db.prepare('UPDATE roles SET rights = ? WHERE id = ?').run(JSON.stringify(keeperRights), keeper.id);
    db.pragma('user_version = 17');

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    const role = value<RoleDefinition[]>(await t.call('roles.list')).find((r) => r.id === keeper.id)!;
    expect(role.rights.modules).toEqual([...READ_ONLY.modules, 'admin', 'audit']);
    const overridesOf = (userId: number) => reopened.prepare('SELECT "right", effect FROM user_overrides WHERE user_id = ? ORDER BY "right", effect').all(userId);
    expect(overridesOf(otto)).toEqual([
      { right: 'module:admin', effect: 'grant' },
      { right: 'task:users.manage', effect: 'grant' },
    ]);
    expect(overridesOf(dirk)).toEqual([
      { right: 'module:audit', effect: 'deny' },
      { right: 'task:audit.read', effect: 'grant' },
    ]);
  });
});
