/**
 * A change that changes nothing — disabling an account that is disabled already, switching a field
 * off (or on) that already is, saving a role or a user's access as they were, resetting two-step
 * sign-in that was never set up — answers with the state as it is and writes no audit entry and no
 * journal command: the log tells what happened, not how often someone clicked.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { readVaultFile } from '../../electron/core/vault/vaultFile';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { UserAccess, UserSummary } from '../../shared/apiTypes';
import { signedInAdmin, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

const auditActions = (t: Installed) => listAudit(t.core.requireActive().db, 500).map((e) => e.action);
const commandCount = (t: Installed) => (t.core.requireActive().db.prepare('SELECT count(*) AS n FROM commands').get() as { n: number }).n;

describe('a change that changes nothing', () => {
  it('disabling a disabled account answers with the account and audits nothing', async () => {
    const t = await signedInAdmin();
    const piet = value<{ user: UserSummary }>(await t.call('users.create', { username: 'piet', displayName: 'Piet', role: 'office' })).user;
    value(await t.call('users.disable', { userId: piet.id }));
    const audited = auditActions(t);
    const vault = readVaultFile(t.dataDir);

    const again = value<{ user: UserSummary }>(await t.call('users.disable', { userId: piet.id }));
    expect(again.user).toMatchObject({ id: piet.id, username: 'piet', status: 'disabled' });
    expect(auditActions(t)).toEqual(audited);
    expect(readVaultFile(t.dataDir)).toEqual(vault);
  });

  it('switching off a field that is off answers "off, nothing purged" without asking again, and audits and journals nothing', async () => {
    const t = await signedInAdmin();
    value(await t.call('records.create', { entity: 'contact', values: { last_name: 'Bakker', email: 'sanne@bakker.nl' } }));
    expect(value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 1 }))).toEqual({ enabled: false, purged: 1 });
    const audited = auditActions(t);
    const commands = commandCount(t);

    // No count to confirm: the values went with the first switch, and a second click must not ask.
    expect(value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false }))).toEqual({ enabled: false, purged: 0 });
    expect(value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 0 }))).toEqual({ enabled: false, purged: 0 });
    expect(auditActions(t)).toEqual(audited);
    expect(commandCount(t)).toBe(commands);
  });

  it('switching on a field that is on answers "on" and audits nothing', async () => {
    const t = await signedInAdmin();
    const audited = auditActions(t);
    expect(value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: true }))).toEqual({ enabled: true, purged: 0 });
    expect(auditActions(t)).toEqual(audited);

    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 0 }));
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: true }));
    expect(auditActions(t).filter((a) => a.startsWith('fields.'))).toEqual(['fields.enabled', 'fields.disabled']);
  });

  it('saving a role as it was answers with the role and audits nothing; a real change is audited', async () => {
    const t = await signedInAdmin();
    const rights = BUILT_IN_ROLES.find((r) => r.id === 'office')!.rights;
    const role = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Front desk', nl: 'Balie' }, rights }));
    const audited = auditActions(t);

    // The same rights with the tasks listed the other way round are the same role.
    const reordered = { ...rights, tasks: [...rights.tasks].reverse() };
    expect(value(await t.call('roles.save', { id: role.id, name: { en: 'Front desk ', nl: 'Balie' }, rights: reordered }))).toEqual(role);
    expect(auditActions(t)).toEqual(audited);

    value(await t.call('roles.save', { id: role.id, name: { en: 'Front desk', nl: 'Receptie' }, rights }));
    expect(auditActions(t)).toEqual(['roles.saved', ...audited]);
  });

  it("saving a user's access as it was answers with it and audits nothing", async () => {
    const t = await signedInAdmin();
    const piet = value<{ user: UserSummary }>(await t.call('users.create', { username: 'piet', displayName: 'Piet', role: 'office' })).user;
    const a = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    const b = value<{ id: number }>(await t.call('teams.create', { name: 'Zuid' }));
    const overrides = [
      { right: 'task:data.export', effect: 'deny' },
      { right: 'record:contact.delete', effect: 'grant', scope: 'own' },
    ];
    const saved = value<UserAccess>(await t.call('users.setAccess', { userId: piet.id, role: 'office', teamIds: [a.id, b.id], overrides }));
    const audited = auditActions(t);

    const again = value<UserAccess>(await t.call('users.setAccess', { userId: piet.id, role: 'office', teamIds: [b.id, a.id], overrides: [...overrides].reverse() }));
    expect(again).toEqual(saved);
    expect(auditActions(t)).toEqual(audited);
  });

  it('resetting two-step sign-in that was never set up answers with the account and audits nothing', async () => {
    const t = await signedInAdmin();
    const piet = value<{ user: UserSummary }>(await t.call('users.create', { username: 'piet', displayName: 'Piet', role: 'office' })).user;
    const audited = auditActions(t);
    expect(value<{ user: UserSummary }>(await t.call('users.resetMfa', { userId: piet.id })).user).toMatchObject({ id: piet.id, mfaEnrolled: false });
    expect(auditActions(t)).toEqual(audited);
  });
});
