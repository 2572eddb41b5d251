/**
 * A change that changes nothing — disabling an account that is disabled already, switching a field
 * off (or on) that already is — answers with the state as it is and writes no audit entry and no
 * journal command: the log tells what happened, not how often someone clicked.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { readVaultFile } from '../../electron/core/vault/vaultFile';
import type { UserSummary } from '../../shared/apiTypes';
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
});
