/**
 * "View as" shows what both the admin and the previewed user may see and do (previewAccess): the
 * preview never lifts one of the admin's own denies nor lends the admin a task or a field right
 * they lack; where the admin reads everything, it shows exactly the previewed user's view; where
 * the admin's own scope is narrower than "all", the preview shows none of that kind (fail closed).
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { BUILT_IN_ROLES, type Override } from '../../shared/access';
import type { SessionInfo } from '../../shared/apiTypes';
import type { ListPage, RecordDetail, RecordView, SearchGroup } from '../../shared/recordTypes';
import { firstSignIn, signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const MARKER = 'geheimpost';

/** The admin's own exceptions (user 1), replacing whatever they were. */
async function adminOverrides(t: Installed, overrides: Override[]): Promise<void> {
  value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides }));
}

/** A contact with an e-mail address, notes and a date of birth (planted with a passing right). */
async function plantContact(t: Installed): Promise<number> {
  await adminOverrides(t, [{ right: 'field:contact.birth_date', effect: 'grant', access: 'edit' }]);
  const contact = value<RecordView>(
    await t.call('records.create', {
      entity: 'contact',
      values: { first_name: 'Sanne', last_name: 'Veenstra', email: `${MARKER}@veenstra.nl`, notes: 'Belt liever na vieren', birth_date: '1980-12-31' },
    }),
  );
  await adminOverrides(t, []);
  return contact.id;
}

const newUser = async (t: Installed, username: string, role: string) =>
  value<{ user: { id: number }; oneTimePassword: string }>(await t.call('users.create', { username, displayName: `${username} de Vries`, role }));

describe('view as keeps the admin\'s own denies', () => {
  it('refuses an export and hides the e-mail address the admin may not see, also as an Office user who may (the finding)', async () => {
    const t = await signedInAdmin();
    const id = await plantContact(t);
    const olga = (await newUser(t, 'olga', 'office')).user;
    await adminOverrides(t, [
      { right: 'task:data.export', effect: 'deny' },
      { right: 'field:contact.email', effect: 'deny' },
    ]);
    // Directly: no export, no e-mail address.
    expect(refusal(await t.call('records.export', { entity: 'contact' })).code).toBe('FORBIDDEN');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id })).record.values).not.toHaveProperty('email');

    const preview = value<SessionInfo>(await t.call('access.viewAs', { userId: olga.id }));
    expect(preview.viewAs?.username).toBe('olga');
    expect(preview.rights.role).toBe('office');
    expect(preview.permissions).not.toContain('data.export');
    expect(preview.rights.fields['contact.email']).toBe('hidden');
    expect(preview.rights.fields['contact.notes']).toBe('edit');

    expect(refusal(await t.call('records.export', { entity: 'contact' }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'common.noRight', values: { right: { en: 'Export data' } } });
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id }));
    expect(detail.record.values).not.toHaveProperty('email');
    expect(detail.record.values).toMatchObject({ last_name: 'Veenstra', notes: 'Belt liever na vieren' });
    const list = value<ListPage>(await t.call('records.list', { entity: 'contact' }));
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain(MARKER);
    // A search for the address finds nothing; a search for the name finds her, without the address.
    expect(value<SearchGroup[]>(await t.call('search.query', { text: MARKER }))).toEqual([]);
    const byName = value<SearchGroup[]>(await t.call('search.query', { text: 'veenstra' }));
    expect(byName.flatMap((g) => g.hits.map((h) => h.id))).toEqual([id]);
    expect(JSON.stringify(byName)).not.toContain(MARKER);
    expect(refusal(await t.call('records.reveal', { entity: 'contact', id, field: 'email' }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'access.fieldHidden' });

    // Stopped, the admin's own rights are as they were.
    value(await t.call('access.viewAs', { userId: null }));
    expect(refusal(await t.call('records.export', { entity: 'contact' })).code).toBe('FORBIDDEN');
  });

  it('keeps the date of birth as the Administrator sees it and lends no privacy task, previewing the Privacy officer', async () => {
    const t = await signedInAdmin();
    const id = await plantContact(t);
    const pia = (await newUser(t, 'pia', 'privacy')).user;

    const preview = value<SessionInfo>(await t.call('access.viewAs', { userId: pia.id }));
    // The officer reads special-category fields; the Administrator sees them masked: masked it is.
    expect(preview.rights.fields['contact.birth_date']).toBe('masked');
    expect(preview.permissions).not.toContain('privacy.dsar');
    expect(preview.permissions).not.toContain('privacy.erase');
    expect(preview.permissions).toContain('data.export');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id })).record.values).toMatchObject({ birth_date: '••••', email: `${MARKER}@veenstra.nl` });
    // A masked field is left out of an export: the officer's would hold the date, the preview's not.
    const csv = value<{ csv: string }>(await t.call('records.export', { entity: 'contact' })).csv;
    expect(csv).toContain('Veenstra');
    expect(csv).not.toContain('1980');
    expect(refusal(await t.call('privacy.mentions', { entity: 'contact', id }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'common.noRight', values: { right: { en: 'Answer access requests (DSAR)' } } });
    // A masked special-category value is never revealed, in a preview or out of it.
    expect(refusal(await t.call('records.reveal', { entity: 'contact', id, field: 'birth_date' }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'access.specialNotRevealed' });
    const audit = listAudit(t.core.requireActive().db, 500);
    expect(audit.find((e) => e.action === 'records.revealed')).toBeUndefined();
    expect(audit.find((e) => e.action === 'access.viewAsStarted')?.actor).toBe(1);
    value(await t.call('access.viewAs', { userId: null }));

    // With the admin's own deny on the field, the preview leaves it out altogether.
    await adminOverrides(t, [{ right: 'field:contact.birth_date', effect: 'deny' }]);
    value(await t.call('access.viewAs', { userId: pia.id }));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id })).record.values).not.toHaveProperty('birth_date');
    value(await t.call('access.viewAs', { userId: null }));

    // An admin who was given privacy.dsar sees the officer's task in the preview; the access report
    // (past the field rights, audited in the officer's name) stays refused in any preview.
    await adminOverrides(t, [{ right: 'task:privacy.dsar', effect: 'grant' }]);
    value(await t.call('access.viewAs', { userId: pia.id }));
    value(await t.call('privacy.mentions', { entity: 'contact', id }));
    expect(refusal(await t.call('privacy.accessReport', { entity: 'contact', id })).messageId).toBe('session.previewNoAccessReport');
  });
});

describe('an ordinary preview', () => {
  it('shows exactly what the previewed user sees, where the admin reads everything', async () => {
    const t = await signedInAdmin();
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
    const sjors = await newUser(t, 'sjors', 'sales');
    const noor = (await newUser(t, 'noor', 'office')).user;
    for (const user of [sjors.user.id, noor.id]) value(await t.call('users.setAccess', { userId: user, role: user === noor.id ? 'office' : 'sales', teamIds: [team], overrides: [] }));
    // One contact of the admin's, one of Sjors's, one of his team mate's: Field sales reads his team's.
    const ids: number[] = [];
    for (const [name, owner] of [['Admin', null], ['Sjors', sjors.user.id], ['Noor', noor.id]] as const) {
      const contact = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: name, last_name: 'Veenstra', email: `${name.toLowerCase()}@veenstra.nl` } }));
      if (owner !== null) value(await t.call('records.reassign', { entity: 'contact', id: contact.id, ownerId: owner }));
      ids.push(contact.id);
    }
    const view = async () => ({
      rights: t.core.sessionInfo().rights,
      list: await t.call('records.list', { entity: 'contact' }),
      details: await Promise.all(ids.map((id) => t.call('records.get', { entity: 'contact', id }))),
      search: await t.call('search.query', { text: 'veenstra' }),
      deals: await t.call('records.list', { entity: 'deal' }),
      invoices: await t.call('records.list', { entity: 'invoice' }),
    });

    value(await t.call('access.viewAs', { userId: sjors.user.id }));
    const previewed = await view();
    value(await t.call('access.viewAs', { userId: null }));
    expect(value<ListPage>(previewed.list).rows.map((r) => r.id).sort()).toEqual(ids.slice(1).sort());

    await t.call('session.signOut');
    await firstSignIn(t, 'sjors', sjors.oneTimePassword, 'sjors-fietst-langs-de-lange-vliet');
    expect(await view()).toEqual(previewed);
  });

  it('shows none of a kind where the admin\'s own scope is narrower than all: two users\' own records are no one scope', async () => {
    const t = await signedInAdmin();
    const admin = BUILT_IN_ROLES.find((r) => r.id === 'admin')!.rights;
    const teamOnly = { ...admin, records: { ...admin.records, contact: { ...admin.records.contact, read: 'team' as const } } };
    value(await t.call('roles.save', { name: { en: 'Team admin', nl: 'Teambeheer' }, rights: teamOnly }));
    value(await t.call('records.create', { entity: 'organisation', values: { name: 'Kwekerij Veenstra' } }));
    await signInAsNewUser(t, 'jan', 'custom-team-admin');
    const olga = (await newUser(t, 'olga', 'office')).user;

    const preview = value<SessionInfo>(await t.call('access.viewAs', { userId: olga.id }));
    expect(preview.rights.records.contact.read).toBe('none');
    expect(preview.rights.records.organisation.read).toBe('all');
    expect(refusal(await t.call('records.list', { entity: 'contact' })).code).toBe('FORBIDDEN');
    expect(value<ListPage>(await t.call('records.list', { entity: 'organisation' })).rows).toHaveLength(1);
  });
});
