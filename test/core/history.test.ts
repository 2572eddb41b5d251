/**
 * Deleting safely and undoing mistakes (DESIGN §7), through the wall as the renderer calls it: the
 * graded impact of a deletion, undo and redo that survive a restart, CONFLICT instead of
 * overwriting someone's later work, FORBIDDEN after a right is revoked, the trash with restore,
 * permanent deletion and its retention job, and erasure that leaves no byte of the person behind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRASH_RESTORE_MAX, type CommandSummary, type DeleteImpact, type DeleteResult, type HistoryResult, type TrashPage } from '../../shared/historyTypes';
import type { ImportSummary, RecordDetail, RecordView, SearchGroup } from '../../shared/recordTypes';
import { dataPaths } from '../../electron/core/install/paths';
import { searchCleanupDone } from '../../electron/core/records/searchCleanup';
import { ADMIN, confirmStep, signIn, signedInAdmin, signInAsNewUser, testCore, totpAt, type Installed, type TestCore } from '../support/install';
import { fileHoldsText } from '../support/sqlcipherPages';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }): { code: string; message: string } {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { code: string; message: string } }).error;
}

async function create(t: TestCore, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function impactOf(t: TestCore, entity: string, ids: number[], mode = 'trash'): Promise<DeleteImpact> {
  return value(await t.call('records.deleteImpact', { entity, ids, mode }));
}

async function searchTitles(t: TestCore, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((g) => g.hits.map((h) => h.title));
}

async function contactWithActivities(t: TestCore, lastName: string, activities: number): Promise<RecordView> {
  const contact = await create(t, 'contact', { first_name: 'Jan', last_name: lastName, email: `jan@${lastName.toLowerCase()}.nl` });
  for (let i = 0; i < activities; i++) await create(t, 'activity', { kind: 'call', subject: `Bellen over offerte ${i + 1}`, contact_id: contact.id });
  return contact;
}

/** Signs the current user out and `username` in, with a fresh code from their authenticator. */
async function switchTo(t: Installed, username: string, secret?: string): Promise<void> {
  await t.call('session.signOut');
  if (!secret) return signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
  t.clock.advance(30);
  await signIn(t, username, `${username}-fietst-langs-de-lange-vliet`, totpAt(secret, t.clock));
}

describe('deleting a record', () => {
  it('takes one step for a contact with only its own activities, which go along and come back with undo', async () => {
    const t = await signedInAdmin();
    const contact = await contactWithActivities(t, 'Zonneveld', 2);

    const impact = await impactOf(t, 'contact', [contact.id]);
    expect(impact).toMatchObject({ level: 'simple', count: 1, total: 3, moves: [{ entity: 'activity', count: 2 }], unlinks: [], typeToConfirm: null, undoable: true });

    const deleted = value<DeleteResult>(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    expect(deleted.command.label).toEqual({ verb: 'delete', entity: 'contact', count: 1, title: 'Jan Zonneveld' });
    expect(errorOf(await t.call('records.get', { entity: 'contact', id: contact.id })).code).toBe('NOT_FOUND');
    expect(await searchTitles(t, 'zonneveld')).toEqual([]);
    expect(await searchTitles(t, 'offerte')).toEqual([]);

    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.state).toBe('undone');
    expect(undone.records[0]).toEqual({ entity: 'contact', id: contact.id, title: 'Jan Zonneveld', state: 'back' });
    expect(undone.records.filter((r) => r.entity === 'activity' && r.state === 'back')).toHaveLength(2);
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id }));
    expect(detail.timeline).toHaveLength(2);
    expect(await searchTitles(t, 'zonneveld')).toEqual(['Jan Zonneveld']);
  });

  it('reviews an organisation with contacts: its activities move with it, its contacts and deals are only unlinked', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Zuivelhandel Terpstra' });
    for (const name of ['Aalbers', 'Bosman', 'Claassen']) await create(t, 'contact', { last_name: name, organisation_id: org.id });
    await create(t, 'deal', { title: 'Kaasleverantie', stage: 'lead', organisation_id: org.id });
    await create(t, 'activity', { kind: 'meeting', subject: 'Kennismaking', organisation_id: org.id });

    const impact = await impactOf(t, 'organisation', [org.id]);
    expect(impact.level).toBe('review');
    expect(impact.moves).toEqual([{ entity: 'activity', count: 1 }]);
    expect(impact.unlinks).toEqual(expect.arrayContaining([{ entity: 'contact', count: 3 }, { entity: 'deal', count: 1 }]));
    expect(impact.total).toBe(2);

    // A review must be confirmed with what was reviewed; a deletion that grew since is refused.
    expect(errorOf(await t.call('records.delete', { entity: 'organisation', ids: [org.id] }))).toMatchObject({ code: 'VALIDATION', message: 'Review what this deletes first.' });
    await create(t, 'activity', { kind: 'note', subject: 'Nog een notitie', organisation_id: org.id });
    expect(errorOf(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: impact.total })).code).toBe('CONFLICT');
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: impact.total + 1 }));

    // Unlinked contacts stay, and show no organisation while it is in the trash.
    const contacts = value<{ rows: RecordView[] }>(await t.call('records.list', { entity: 'contact' })).rows;
    expect(contacts).toHaveLength(3);
    expect(contacts.every((c) => c.refs.organisation_id === null)).toBe(true);
    value(await t.call('history.undo'));
    const back = value<{ rows: RecordView[] }>(await t.call('records.list', { entity: 'contact' })).rows;
    expect(back.every((c) => c.refs.organisation_id?.title === 'Zuivelhandel Terpstra')).toBe(true);
  });

  it('reviews an organisation with invoices: they stay and keep their link, and it can then not be deleted for good', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hofstede' });
    for (const number of ['F-2026-010', 'F-2026-011']) {
      await create(t, 'invoice', { number, organisation_id: org.id, amount_cents: 12_500, due_on: '2026-12-31', status: 'sent' });
    }

    // Invoices alone make it a review: they are records that refer to it, like contacts, but they stay linked.
    const impact = await impactOf(t, 'organisation', [org.id]);
    expect(impact).toMatchObject({ level: 'review', count: 1, total: 1, moves: [], unlinks: [], keeps: [{ entity: 'invoice', count: 2 }], blockers: [] });
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: impact.total }));

    // Still there, the link kept in the database and shown as empty while the organisation is in the trash.
    const invoices = value<{ rows: RecordView[] }>(await t.call('records.list', { entity: 'invoice' })).rows;
    expect(invoices.map((i) => i.values.number).sort()).toEqual(['F-2026-010', 'F-2026-011']);
    expect(invoices.every((i) => i.refs.organisation_id === null)).toBe(true);
    const { db } = t.core.requireActive();
    expect(db.prepare('SELECT count(*) FROM invoices WHERE organisation_id = ? AND deleted_at IS NULL').pluck().get(org.id)).toBe(2);

    // In the trash the same invoices block deleting it for good, and nothing is kept any more.
    expect(await impactOf(t, 'organisation', [org.id], 'purge')).toMatchObject({ keeps: [], blockers: [{ entity: 'invoice', count: 2 }] });

    value(await t.call('trash.restore', { items: [{ entity: 'organisation', id: org.id }] }));
    const back = value<{ rows: RecordView[] }>(await t.call('records.list', { entity: 'invoice' })).rows;
    expect(back.every((i) => i.refs.organisation_id?.title === 'Drukkerij Hofstede')).toBe(true);
  });

  it('asks to type the number for a bulk deletion from the policy threshold on, and the name for a permanent one', async () => {
    const t = await signedInAdmin();
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push((await create(t, 'contact', { last_name: `Bulk${String(i).padStart(2, '0')}` })).id);
    expect((await impactOf(t, 'contact', ids.slice(0, 9))).level).toBe('review');
    const bulk = await impactOf(t, 'contact', ids);
    expect(bulk).toMatchObject({ level: 'typed', typeToConfirm: '25', count: 25, total: 25 });
    expect(bulk.titles).toHaveLength(10);

    value(await t.call('policy.update', { bulkConfirmThreshold: 30 }));
    expect((await impactOf(t, 'contact', ids)).level).toBe('review');

    const result = value<DeleteResult>(await t.call('records.delete', { entity: 'contact', ids, reviewedTotal: 25 }));
    expect(result.command.label).toEqual({ verb: 'delete', entity: 'contact', count: 25, title: null });
    expect((await impactOf(t, 'contact', [ids[0]!], 'purge'))).toMatchObject({ level: 'typed', typeToConfirm: 'Bulk00', undoable: false });
  });
});

describe('undo and redo', () => {
  it('survive closing and reopening the app', async () => {
    const t = await signedInAdmin();
    const contact = await contactWithActivities(t, 'Hoogeveen', 1);
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));

    await t.core.close();
    const reopened: Installed = { ...t, ...testCore({ dataDir: t.dataDir, clock: t.clock }) };
    await signIn(reopened, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const history = value<CommandSummary[]>(await reopened.call('history.list', { limit: 5 }));
    expect(history[0]?.label).toMatchObject({ verb: 'delete', title: 'Jan Hoogeveen' });

    value(await reopened.call('history.undo'));
    expect(value<RecordDetail>(await reopened.call('records.get', { entity: 'contact', id: contact.id })).record.title).toBe('Jan Hoogeveen');
    const redone = value<HistoryResult>(await reopened.call('history.redo'));
    expect(redone.records[0]?.state).toBe('gone');
    expect(errorOf(await reopened.call('records.get', { entity: 'contact', id: contact.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await reopened.call('history.redo')).code).toBe('NOT_FOUND');
  });

  it('says so when the record a command changed was changed since and may no longer be seen', async () => {
    const t = await signedInAdmin();
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    await signInAsNewUser(t, 'sam.verkoop', 'sales', { teamIds: [team.id] });
    const deal = await create(t, 'deal', { title: 'Onderhoud', stage: 'lead', value_cents: 100 });
    value(await t.call('records.update', { entity: 'deal', id: deal.id, values: { title: 'Onderhoud 2026' } }));
    // Meanwhile the deal went to someone outside Sam's team, who changed it.
    t.core.requireActive().db.prepare("UPDATE deals SET owner_id = 1, team_id = NULL, title = 'Overgenomen' WHERE id = ?").run(deal.id);
    expect(errorOf(await t.call('history.undo'))).toMatchObject({
      code: 'CONFLICT',
      message: 'The deal this changed was changed since, and you can no longer see it; undo would overwrite that, so nothing was changed.',
    });
  });

  it('walk back through edits in order, and a new command ends the redo stack', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { last_name: 'Mulder', job_title: 'Inkoper' });
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Hoofd inkoop' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Directeur' } }));
    const jobTitle = async () => value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).record.values.job_title;

    value(await t.call('history.undo'));
    expect(await jobTitle()).toBe('Hoofd inkoop');
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.records).toEqual([{ entity: 'contact', id: contact.id, title: 'Mulder', state: 'changed' }]);
    expect(await jobTitle()).toBe('Inkoper');
    value(await t.call('history.redo'));
    expect(await jobTitle()).toBe('Hoofd inkoop');

    // Saving what is already there (or nothing) is no command: no entry, and redo still works.
    const updatedAt = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).record.updatedAt;
    for (const values of [{ job_title: 'Hoofd inkoop' }, {}]) {
      expect(value<RecordView>(await t.call('records.update', { entity: 'contact', id: contact.id, values })).updatedAt).toBe(updatedAt);
    }
    expect(value<CommandSummary[]>(await t.call('history.list', {})).map((c) => c.state)).toEqual(['undone', 'done', 'done']);
    value(await t.call('history.redo'));
    expect(await jobTitle()).toBe('Directeur');
    value(await t.call('history.undo'));

    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { notes: 'Belt liever niet op vrijdag' } }));
    expect(errorOf(await t.call('history.redo')).message).toBe('Nothing to redo.');
    const states = value<CommandSummary[]>(await t.call('history.list', {})).map((c) => c.state);
    expect(states).toEqual(['done', 'done', 'done']);
  });

  it('answer CONFLICT when someone else changed the record since, and change nothing', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { last_name: 'Prins', job_title: 'Planner' });
    const colleague = await signInAsNewUser(t, 'sander', 'office');
    await switchTo(t, ADMIN.adminUsername);
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Teamleider' } }));

    await switchTo(t, 'sander', colleague.secret);
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Afdelingshoofd' } }));

    await switchTo(t, ADMIN.adminUsername);
    const conflict = errorOf(await t.call('history.undo'));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('sander de Vries');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).record.values.job_title).toBe('Afdelingshoofd');
    expect(value<CommandSummary[]>(await t.call('history.list', {}))[0]?.state).toBe('done');
  });

  it('answer FORBIDDEN when the right the command needed was revoked since', async () => {
    const t = await signedInAdmin();
    const office = await signInAsNewUser(t, 'femke', 'office');
    const own = await create(t, 'contact', { last_name: 'Dekker' });
    value(await t.call('records.delete', { entity: 'contact', ids: [own.id] }));

    await switchTo(t, ADMIN.adminUsername);
    value(await t.call('users.setAccess', { userId: office.id, role: 'office', teamIds: [], overrides: [{ right: 'record:contact.delete', effect: 'deny' }] }));

    await switchTo(t, 'femke', office.secret);
    expect(errorOf(await t.call('history.undo')).code).toBe('FORBIDDEN');
    expect(errorOf(await t.call('records.get', { entity: 'contact', id: own.id })).code).toBe('NOT_FOUND');
  });

  it('refuse with "may not", not "may no longer", a reversal that needs a right never held', async () => {
    const t = await signedInAdmin();
    const sales = await signInAsNewUser(t, 'sander', 'sales');
    const contact = await create(t, 'contact', { first_name: 'Sanne', last_name: 'de Bruijn' });
    await switchTo(t, ADMIN.adminUsername);
    // Allowed to delete their own contacts, but never to restore one: undoing a deletion needs both.
    value(await t.call('users.setAccess', { userId: sales.id, role: 'sales', teamIds: [], overrides: [{ right: 'record:contact.delete', effect: 'grant', scope: 'own' }] }));
    await switchTo(t, 'sander', sales.secret);
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    expect(errorOf(await t.call('history.undo'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You may not restore contact Sanne de Bruijn, so this cannot be reversed.',
    });
  });

  it('let a user take back a record they made by mistake without the right to delete it, and reach what they did before', async () => {
    const t = await signedInAdmin();
    const sales = await signInAsNewUser(t, 'sander', 'sales');
    // Field sales may create contacts but not delete them.
    const kept = await create(t, 'contact', { last_name: 'Vos', job_title: 'Inkoper' });
    value(await t.call('records.update', { entity: 'contact', id: kept.id, values: { job_title: 'Hoofd inkoop' } }));
    const mistake = await create(t, 'contact', { first_name: 'Per', last_name: 'Ongeluk' });

    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.records).toEqual([{ entity: 'contact', id: mistake.id, title: 'Per Ongeluk', state: 'gone' }]);
    expect(errorOf(await t.call('records.get', { entity: 'contact', id: mistake.id })).code).toBe('NOT_FOUND');
    value(await t.call('history.undo'));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: kept.id })).record.values.job_title).toBe('Inkoper');

    // Redo makes it again; deleting it is still not theirs to do.
    value(await t.call('history.redo'));
    value(await t.call('history.redo'));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: mistake.id })).record.title).toBe('Per Ongeluk');
    expect(errorOf(await t.call('records.delete', { entity: 'contact', ids: [mistake.id] })).code).toBe('FORBIDDEN');

    // Once a colleague has linked to it, it stays.
    await switchTo(t, ADMIN.adminUsername);
    await create(t, 'activity', { kind: 'note', subject: 'Gebeld', contact_id: mistake.id });
    await switchTo(t, 'sander', sales.secret);
    expect(errorOf(await t.call('history.undo'))).toMatchObject({ code: 'CONFLICT', message: 'Other records now refer to what undo would remove, so nothing was changed.' });

    // And without the create right, their creation is not theirs to take back either.
    await switchTo(t, ADMIN.adminUsername);
    value(await t.call('users.setAccess', { userId: sales.id, role: 'sales', teamIds: [], overrides: [{ right: 'record:contact.create', effect: 'deny' }] }));
    await switchTo(t, 'sander', sales.secret);
    expect(errorOf(await t.call('history.undo'))).toMatchObject({ code: 'FORBIDDEN', message: 'You may not create contact Per Ongeluk, so this cannot be reversed.' });
  });

  it('name only what the user may read of what came back; the rest is counted', async () => {
    const t = await signedInAdmin();
    const overrides = [
      { right: 'record:contact.delete', effect: 'grant', scope: 'own' },
      { right: 'record:contact.restore', effect: 'grant', scope: 'own' },
    ];
    const sales = await signInAsNewUser(t, 'joris', 'sales');
    const contact = await create(t, 'contact', { last_name: 'Verbeek' });
    await switchTo(t, ADMIN.adminUsername);
    value(await t.call('users.setAccess', { userId: sales.id, role: 'sales', teamIds: [], overrides }));
    await create(t, 'activity', { kind: 'note', subject: 'Vertrouwelijke notitie van kantoor', contact_id: contact.id });

    await switchTo(t, 'joris', sales.secret);
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.records).toEqual([{ entity: 'contact', id: contact.id, title: 'Verbeek', state: 'back' }]);
    expect(undone.more).toBe(0);
    expect(undone.unseen).toBe(1);
    expect(JSON.stringify(undone)).not.toContain('Vertrouwelijke');
  });

  it('takes back a whole import as one command', async () => {
    const t = await signedInAdmin();
    const file = Buffer.from('Voornaam;Achternaam;E-mail;Organisatie\nAnke;Wolters;anke@wolters.nl;Bloemisterij Wolters\nBram;Kok;bram@kok.nl;Bloemisterij Wolters\n').toString('base64');
    const preview = value<{ suggestedMapping: Record<string, string | null> }>(await t.call('import.preview', { entity: 'contact', file }));
    value<ImportSummary>(await t.call('import.run', { entity: 'contact', file, mapping: preview.suggestedMapping, duplicates: 'skip', jobId: 'import-undo-1' }));
    const [latest] = value<CommandSummary[]>(await t.call('history.list', { limit: 1 }));
    expect(latest?.label).toEqual({ verb: 'import', entity: 'contact', count: 2, title: null });

    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.records.map((r) => r.state)).toEqual(['gone', 'gone', 'gone']);
    expect(await searchTitles(t, 'wolters')).toEqual([]);
  });
});

describe('the trash', () => {
  it('lists what was deleted, by whom, and restores a record with what went with it', async () => {
    const t = await signedInAdmin();
    const contact = await contactWithActivities(t, 'Brouwer', 2);
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    const page = value<TrashPage>(await t.call('trash.list', {}));
    expect(page.retentionDays).toBe(30);
    expect(page.items).toEqual([expect.objectContaining({ entity: 'contact', id: contact.id, title: 'Jan Brouwer', withCount: 2, deletedBy: expect.any(String) })]);

    const restored = value<HistoryResult>(await t.call('trash.restore', { items: [{ entity: 'contact', id: contact.id }] }));
    expect(restored.command.label.verb).toBe('restore');
    expect(restored.records).toHaveLength(3);
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toEqual([]);
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).timeline).toHaveLength(2);
    // The restore is itself a command: undo sends it back to the trash.
    value(await t.call('history.undo'));
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toHaveLength(1);
  });

  it('restores records of several kinds as one command, and one undo sends them all back', async () => {
    const t = await signedInAdmin();
    const first = await contactWithActivities(t, 'Brouwer', 1);
    const second = await contactWithActivities(t, 'Smit', 0);
    const org = await create(t, 'organisation', { name: 'Houtzagerij Veldkamp' });
    value(await t.call('records.delete', { entity: 'contact', ids: [first.id] }));
    value(await t.call('records.delete', { entity: 'contact', ids: [second.id] }));
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: 1 }));
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toHaveLength(3);

    const items = [
      { entity: 'contact', id: first.id },
      { entity: 'organisation', id: org.id },
      { entity: 'contact', id: second.id },
    ];
    const restored = value<HistoryResult>(await t.call('trash.restore', { items }));
    expect(restored.command.label).toEqual({ verb: 'restore', entity: null, count: 3, title: null });
    expect(restored.records.map((r) => r.title).sort()).toEqual(['Bellen over offerte 1', 'Houtzagerij Veldkamp', 'Jan Brouwer', 'Jan Smit']);
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toEqual([]);
    expect(await searchTitles(t, 'veldkamp')).toEqual(['Houtzagerij Veldkamp']);
    const [latest] = value<CommandSummary[]>(await t.call('history.list', { limit: 1 }));
    expect(latest?.id).toBe(restored.command.id);

    value(await t.call('history.undo'));
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toHaveLength(3);
    expect(await searchTitles(t, 'veldkamp')).toEqual([]);

    // Two of one kind are named by it.
    const two = value<HistoryResult>(await t.call('trash.restore', { items: [items[0], items[2]] }));
    expect(two.command.label).toEqual({ verb: 'restore', entity: 'contact', count: 2, title: null });
  });

  it(`restores up to ${TRASH_RESTORE_MAX} records as one command; one more is refused with the limit, and nothing moves`, { timeout: 120_000 }, async () => {
    const t = await signedInAdmin();
    const ids: number[] = [];
    for (let i = 0; i <= TRASH_RESTORE_MAX; i++) ids.push((await create(t, 'contact', { last_name: `Terug ${i}` })).id);
    const firstThousand = ids.slice(0, TRASH_RESTORE_MAX);
    value(await t.call('records.delete', { entity: 'contact', ids: firstThousand, reviewedTotal: (await impactOf(t, 'contact', firstThousand)).total }));
    value(await t.call('records.delete', { entity: 'contact', ids: ids.slice(TRASH_RESTORE_MAX) }));
    const items = ids.map((id) => ({ entity: 'contact', id }));

    const tooMany = await t.call('trash.restore', { items });
    expect(errorOf(tooMany).code).toBe('VALIDATION');
    expect((tooMany as { error: { details: { fieldProblems: unknown } } }).error.details.fieldProblems).toEqual({ items: { kind: 'tooMany', max: TRASH_RESTORE_MAX } });
    expect(await searchTitles(t, 'terug')).toEqual([]);

    const restored = value<HistoryResult>(await t.call('trash.restore', { items: items.slice(0, TRASH_RESTORE_MAX) }));
    expect(restored.command.label).toEqual({ verb: 'restore', entity: 'contact', count: TRASH_RESTORE_MAX, title: null });
    expect(restored.counts.back).toBe(TRASH_RESTORE_MAX);
    expect(value<TrashPage>(await t.call('trash.list', {})).items.map((item) => item.id)).toEqual([ids[TRASH_RESTORE_MAX]]);
    // One journal command holds them all: one undo sends the thousand back.
    value(await t.call('history.undo'));
    expect(value<TrashPage>(await t.call('trash.list', { limit: 200 })).next).not.toBeNull();
    expect(await searchTitles(t, 'terug')).toEqual([]);
  });

  it('restores nothing when one of the records is no longer in the trash, or may not be restored', async () => {
    const t = await signedInAdmin();
    const kept = await contactWithActivities(t, 'Brouwer', 1);
    const live = await contactWithActivities(t, 'Smit', 0);
    value(await t.call('records.delete', { entity: 'contact', ids: [kept.id] }));
    const missing = errorOf(await t.call('trash.restore', { items: [{ entity: 'contact', id: kept.id }, { entity: 'contact', id: live.id }] }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(value<TrashPage>(await t.call('trash.list', {})).items.map((item) => item.id)).toEqual([kept.id]);
    // The same record twice is refused at the wall.
    expect(errorOf(await t.call('trash.restore', { items: [{ entity: 'contact', id: kept.id }, { entity: 'contact', id: kept.id }] })).code).toBe('VALIDATION');

    // Office staff may restore their own contacts but no invoice: the wall refuses the whole call.
    const org = await create(t, 'organisation', { name: 'Houtzagerij Veldkamp' });
    const invoice = await create(t, 'invoice', { number: '2026-000001', organisation_id: org.id, due_on: '2026-12-31', status: 'draft', amount_cents: 1000 });
    value(await t.call('records.delete', { entity: 'invoice', ids: [invoice.id], reviewedTotal: 1 }));
    await signInAsNewUser(t, 'otto', 'office');
    const own = await contactWithActivities(t, 'Otten', 0);
    value(await t.call('records.delete', { entity: 'contact', ids: [own.id] }));
    const forbidden = errorOf(await t.call('trash.restore', { items: [{ entity: 'contact', id: own.id }, { entity: 'invoice', id: invoice.id }] }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('invoice');
    expect(value<TrashPage>(await t.call('trash.list', {})).items.map((item) => item.id)).toEqual([own.id]);
  });

  it('deletes permanently with trash.purge, unlinking what referred to it, and nothing can bring it back', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Houtzagerij Veldkamp' });
    const contact = await create(t, 'contact', { last_name: 'Veldkamp', organisation_id: org.id });
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: 1 }));
    const impact = await impactOf(t, 'organisation', [org.id], 'purge');
    expect(impact).toMatchObject({ level: 'typed', typeToConfirm: 'Houtzagerij Veldkamp', unlinks: [{ entity: 'contact', count: 1 }], undoable: false });
    await confirmStep(t);
    value(await t.call('trash.purge', { entity: 'organisation', ids: [org.id], reviewedTotal: impact.total }));

    expect(value<TrashPage>(await t.call('trash.list', {})).items).toEqual([]);
    const { db } = t.core.requireActive();
    expect(db.prepare('SELECT organisation_id FROM contacts WHERE id = ?').pluck().get(contact.id)).toBeNull();
    expect(errorOf(await t.call('history.undo')).code).toBe('CONFLICT');
    expect(db.prepare("SELECT count(*) FROM command_changes WHERE entity = 'organisation' AND record_id = ?").pluck().get(org.id)).toBe(0);
  });

  it('never gives a purged record’s id to a new record, nor a record removed by undo', async () => {
    const t = await signedInAdmin();
    const first = await create(t, 'contact', { last_name: 'Eerste' });
    const newest = await create(t, 'contact', { last_name: 'Nieuwste' });
    value(await t.call('records.delete', { entity: 'contact', ids: [newest.id] }));
    const impact = await impactOf(t, 'contact', [newest.id], 'purge');
    await confirmStep(t);
    value(await t.call('trash.purge', { entity: 'contact', ids: [newest.id], reviewedTotal: impact.total }));
    const { db } = t.core.requireActive();
    expect(db.prepare('SELECT max(id) FROM contacts').pluck().get()).toBe(first.id);

    // SQLite alone would give the next contact the purged one's id, and the audit log's
    // `contact:<id>` would then name two people.
    const next = await create(t, 'contact', { last_name: 'Volgende' });
    expect(next.id).toBe(newest.id + 1);
    // Undoing a create removes the row; its id stays taken.
    value(await t.call('history.undo'));
    const after = await create(t, 'contact', { last_name: 'Daarna' });
    expect(after.id).toBe(next.id + 1);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE target = ?").pluck().get(`contact:${newest.id}`)).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE target = ? AND action = 'records.created'").pluck().get(`contact:${newest.id}`)).toBe(1);
  });

  it('refuses permanent deletion while an invoice needs the record', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hofstede' });
    await create(t, 'invoice', { number: 'F-2026-001', organisation_id: org.id, amount_cents: 12_500, due_on: '2026-12-31', status: 'sent' });
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id], reviewedTotal: 1 }));
    const impact = await impactOf(t, 'organisation', [org.id], 'purge');
    expect(impact.blockers).toEqual([{ entity: 'invoice', count: 1 }]);
    await confirmStep(t);
    expect(errorOf(await t.call('trash.purge', { entity: 'organisation', ids: [org.id], reviewedTotal: impact.total })).code).toBe('CONFLICT');
  });

  it('is emptied after the retention by a job that reports what it removed and what it kept', async () => {
    const t = await signedInAdmin();
    const old = await contactWithActivities(t, 'Oud', 1);
    const kept = await create(t, 'organisation', { name: 'Boekhouding Blijft' });
    await create(t, 'invoice', { number: 'F-2026-002', organisation_id: kept.id, amount_cents: 100, due_on: '2026-12-31', status: 'sent' });
    value(await t.call('records.delete', { entity: 'contact', ids: [old.id] }));
    value(await t.call('records.delete', { entity: 'organisation', ids: [kept.id], reviewedTotal: 1 }));
    const journalBefore = t.core.requireActive().db.prepare('SELECT count(*) FROM commands').pluck().get();
    expect(journalBefore).toBeGreaterThan(0);
    t.clock.advance(31 * 86_400);
    await switchTo(t, ADMIN.adminUsername);
    // The journal reaches back no further than the trash: of the commands before the retention,
    // only the job's own is left (it keeps the real time, not the test's clock).
    const cutoff = new Date(t.clock.now() - 30 * 86_400_000).toISOString();
    expect(t.core.requireActive().db.prepare('SELECT verb FROM commands WHERE at < ?').pluck().all(cutoff)).toEqual(['emptyTrash']);
    const recent = await create(t, 'contact', { last_name: 'Recent' });
    value(await t.call('records.delete', { entity: 'contact', ids: [recent.id] }));

    const page = value<TrashPage>(await t.call('trash.list', {}));
    expect(page.lastEmptied).toMatchObject({ removed: 2, kept: 1 });
    expect(page.items.map((i) => i.title).sort()).toEqual(['Boekhouding Blijft', 'Recent']);
    const { db } = t.core.requireActive();
    expect(db.prepare("SELECT count(*) FROM contacts WHERE last_name = 'Oud'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM activities WHERE contact_id = ?').pluck().get(old.id)).toBe(0);
    const audit = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'trash.emptied'").pluck().get();
    expect(audit).toBe(1);
  });
});

describe('erasure', () => {
  it('needs privacy.erase and a fresh second factor', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { last_name: 'Kuipers' });
    expect(errorOf(await t.call('privacy.erase', { entity: 'contact', id: contact.id, reviewedTotal: 1 })).code).toBe('FORBIDDEN');
    const privacy = await signInAsNewUser(t, 'iris', 'privacy');
    t.clock.advance(6 * 60);
    expect(errorOf(await t.call('privacy.erase', { entity: 'contact', id: contact.id, reviewedTotal: 1 })).code).toBe('STEP_UP_REQUIRED');
    value(await t.call('session.stepUp', { code: totpAt(privacy.secret, t.clock) }));
    value(await t.call('privacy.erase', { entity: 'contact', id: contact.id, reviewedTotal: 1 }));
  });

  it('asks a code for each erasure, not the sign-in\'s: a window signed in a minute ago does not erase', async () => {
    const t = await signedInAdmin();
    const first = await create(t, 'contact', { last_name: 'Eerste' });
    const second = await create(t, 'contact', { last_name: 'Tweede' });
    const privacy = await signInAsNewUser(t, 'iris', 'privacy');
    // Just signed in with a code: fresh enough for an export, not for what cannot be undone.
    expect(errorOf(await t.call('privacy.erase', { entity: 'contact', id: first.id, reviewedTotal: 1 }))).toMatchObject({
      code: 'STEP_UP_REQUIRED',
      messageId: 'session.stepUpEachTime',
    });
    await confirmStep(t, privacy.secret);
    // A refusal keeps the code for the retry …
    expect(errorOf(await t.call('privacy.erase', { entity: 'contact', id: first.id, reviewedTotal: 7 })).code).toBe('CONFLICT');
    value(await t.call('privacy.erase', { entity: 'contact', id: first.id, reviewedTotal: 1 }));
    // … a done erasure spends it: the next asks again.
    expect(errorOf(await t.call('privacy.erase', { entity: 'contact', id: second.id, reviewedTotal: 1 })).code).toBe('STEP_UP_REQUIRED');
    await confirmStep(t, privacy.secret);
    value(await t.call('privacy.erase', { entity: 'contact', id: second.id, reviewedTotal: 1 }));
  });

  it('leaves no byte of the name, e-mail or phone in the database, WAL or journal, and undo cannot bring them back', async () => {
    const t = await signedInAdmin();
    const dbFile = dataPaths(t.dataDir).db;
    const key = Buffer.from(t.core.requireActive().open.dek);
    const person = { first_name: 'Wilhelmina', last_name: 'Quakernaat', email: 'w.quakernaat@vlasbloem.example', phone: '+31 6 9753 1864' };
    const contact = await create(t, 'contact', person);
    await create(t, 'activity', { kind: 'call', subject: 'Quakernaat terugbellen', contact_id: contact.id });
    const deal = await create(t, 'deal', { title: 'Vlasvezels', stage: 'lead', contact_id: contact.id });
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { phone: '+31 6 9753 1864' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Inkoper' } }));
    // The deal is only unlinked, so this deletion is reviewed: contact and activity.
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id], reviewedTotal: 2 }));
    t.core.requireActive().db.pragma('wal_checkpoint(PASSIVE)');
    for (const text of [person.last_name, person.email, person.phone]) expect(fileHoldsText(dbFile, key, text), text).toBe(true);

    const officer = await signInAsNewUser(t, 'iris', 'privacy');
    const impact = await impactOf(t, 'contact', [contact.id], 'erase');
    expect(impact).toMatchObject({ level: 'typed', typeToConfirm: 'Wilhelmina Quakernaat', undoable: false, moves: [{ entity: 'activity', count: 1 }], unlinks: [{ entity: 'deal', count: 1 }] });
    t.clock.advance(30);
    value(await t.call('session.stepUp', { code: totpAt(officer.secret, t.clock) }));
    value(await t.call('privacy.erase', { entity: 'contact', id: contact.id, reviewedTotal: impact.total }));
    // The admin who deleted the contact cannot undo that delete any more.
    await switchTo(t, ADMIN.adminUsername);

    for (const text of [person.last_name, person.email, person.phone]) expect(fileHoldsText(dbFile, key, text), text).toBe(false);
    // Nor in any other file of the install (a rollback journal, the WAL index, the vault), read raw.
    for (const file of readdirSync(t.dataDir).filter((name) => statSync(join(t.dataDir, name)).isFile())) {
      const bytes = readFileSync(join(t.dataDir, file));
      for (const text of [person.last_name, person.email, person.phone]) expect(bytes.includes(Buffer.from(text)), `${file}: ${text}`).toBe(false);
    }
    // Every command of the admin's held the person; none is left to undo, and the History says why.
    expect(errorOf(await t.call('history.undo')).code).toBe('NOT_FOUND');
    expect(value<CommandSummary[]>(await t.call('history.list', {})).map((command) => command.undoable)).toEqual([false, false, false, false, false]);
    expect(errorOf(await t.call('records.get', { entity: 'contact', id: contact.id })).code).toBe('NOT_FOUND');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'deal', id: deal.id })).record.values.contact_id).toBeNull();
    const history = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(JSON.stringify(history)).not.toContain('Quakernaat');
    const { db } = t.core.requireActive();
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'privacy.erased'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).not.toMatch(/Quakernaat|Wilhelmina|vlasbloem|9753/);
    // Which request it carried out: the person's id, as the access report's subject has it.
    expect(db.prepare("SELECT target FROM audit_log WHERE action = 'privacy.erased'").pluck().get()).toBe(`contact:${contact.id}`);
  });
});

describe('what a deletion for good leaves in the journal', () => {
  it('takes out only the erased person: deleting a deal that took their task along can still be undone, without the task', async () => {
    const t = await signedInAdmin();
    const person = await create(t, 'contact', { first_name: 'Saskia', last_name: 'Vergeten' });
    const deal = await create(t, 'deal', { title: 'Kantoorinrichting Noord', stage: 'lead' });
    const task = await create(t, 'activity', { kind: 'task', subject: 'Vergeten bellen', deal_id: deal.id, contact_id: person.id });
    const other = await create(t, 'activity', { kind: 'note', subject: 'Offerte verstuurd', deal_id: deal.id });
    const deleted = value<DeleteResult>(await t.call('records.delete', { entity: 'deal', ids: [deal.id], reviewedTotal: 3 }));
    expect(deleted.command.label.title).toBe('Kantoorinrichting Noord');

    const officer = await signInAsNewUser(t, 'iris', 'privacy');
    const impact = await impactOf(t, 'contact', [person.id], 'erase');
    t.clock.advance(30);
    value(await t.call('session.stepUp', { code: totpAt(officer.secret, t.clock) }));
    value(await t.call('privacy.erase', { entity: 'contact', id: person.id, reviewedTotal: impact.total }));
    await switchTo(t, ADMIN.adminUsername);

    // The deletion keeps its name (the deal's) and can be undone: the deal and its note come back.
    const [latest] = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(latest).toMatchObject({ undoable: true, label: { verb: 'delete', entity: 'deal', title: 'Kantoorinrichting Noord' } });
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.records.map((record) => [record.entity, record.id, record.state])).toEqual([
      ['deal', deal.id, 'back'],
      ['activity', other.id, 'back'],
    ]);
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'deal', id: deal.id }));
    expect(detail.timeline!.map((item) => item.id)).toEqual([other.id]);
    expect(errorOf(await t.call('records.get', { entity: 'activity', id: task.id })).code).toBe('NOT_FOUND');
    // Redo deletes the deal and its note again, and nothing brings the task back.
    value(await t.call('history.redo'));
    value(await t.call('history.undo'));
    expect(t.core.requireActive().db.prepare('SELECT count(*) FROM activities WHERE id = ?').pluck().get(task.id)).toBe(0);
  });

  it('lets Ctrl+Z step over a command left with nothing to reverse, to the one before it', async () => {
    const t = await signedInAdmin();
    const kept = await create(t, 'contact', { last_name: 'Blijvers' });
    const person = await create(t, 'contact', { last_name: 'Weggaan' });
    value(await t.call('records.update', { entity: 'contact', id: kept.id, values: { job_title: 'Planner' } }));
    value(await t.call('records.update', { entity: 'contact', id: person.id, values: { job_title: 'Inkoper' } }));
    const officer = await signInAsNewUser(t, 'iris', 'privacy');
    const impact = await impactOf(t, 'contact', [person.id], 'erase');
    t.clock.advance(30);
    value(await t.call('session.stepUp', { code: totpAt(officer.secret, t.clock) }));
    value(await t.call('privacy.erase', { entity: 'contact', id: person.id, reviewedTotal: impact.total }));
    await switchTo(t, ADMIN.adminUsername);

    const history = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(history.map((command) => [command.label.verb, command.undoable, command.label.title])).toEqual([
      ['update', false, null],
      ['update', true, 'Blijvers'],
      ['create', false, null],
      ['create', true, 'Blijvers'],
    ]);
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.label).toMatchObject({ verb: 'update', title: 'Blijvers' });
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: kept.id })).record.values.job_title).toBeNull();
    const redone = value<HistoryResult>(await t.call('history.redo'));
    expect(redone.command.label).toMatchObject({ verb: 'update', title: 'Blijvers' });
    // An erasure of one's own still stops Ctrl+Z, and says so.
    await switchTo(t, 'iris', officer.secret);
    expect(errorOf(await t.call('history.undo')).message).toContain('cannot be undone');
  });

  it('drops the name of a command whose first change was taken out, and keeps the rest undoable', async () => {
    const t = await signedInAdmin();
    const contact = await contactWithActivities(t, 'Naamloos', 1);
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    const admin = t.core.requireActive();
    const { forgetRecords } = await import('../../electron/core/history/destroy');
    admin.db.transaction(() => forgetRecords(admin.db, [{ entity: 'contact', id: contact.id }]))();
    const [latest] = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(latest).toMatchObject({ undoable: true, label: { verb: 'delete', entity: 'contact', count: 1, title: null } });
  });
});

describe('switching a field off', () => {
  it('takes its values out of the journal, and undo of older edits still works for the other fields', async () => {
    const t = await signedInAdmin();
    const dbFile = dataPaths(t.dataDir).db;
    const key = Buffer.from(t.core.requireActive().open.dek);
    const contact = await create(t, 'contact', { last_name: 'Geurts', notes: 'Geheime-afspraak-Ommen' });
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { notes: null, job_title: 'Boekhouder' } }));
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'notes', enabled: false, confirmValueCount: 0 }));
    expect(fileHoldsText(dbFile, key, 'Geheime-afspraak-Ommen')).toBe(false);
    // The switch itself cannot be undone; it ends the admin's undo stack.
    expect(errorOf(await t.call('history.undo')).code).toBe('CONFLICT');
  });
});

type Snapshot = string;

/**
 * Everything undo must put back: the record tables the test touches and the search index, as search
 * sees it (entries noted for the cleanup are on their way out; the test checks they do go).
 */
function snapshot(t: TestCore): Snapshot {
  const { db } = t.core.requireActive();
  return JSON.stringify([
    db.prepare('SELECT * FROM contacts ORDER BY id').all(),
    db.prepare('SELECT * FROM activities ORDER BY id').all(),
    db.prepare('SELECT rowid, title, body FROM search_index WHERE rowid NOT IN (SELECT rowid FROM search_removals) ORDER BY rowid').all(),
  ]);
}

type Step =
  | { kind: 'create'; name: string; activity: boolean }
  | { kind: 'update'; pick: number; job: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.stringMatching(/^[A-Z][a-z]{2,8}$/), activity: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), job: fc.constantFrom('Inkoper', 'Planner', 'Directeur', '') }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

describe('undo and redo, property-based', () => {
  it('return the database exactly to each earlier state, whatever the sequence', async () => {
    const t = await signedInAdmin();
    const live = () => t.core.requireActive().db.prepare('SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
    let compared = 0;
    const trashed = () => t.core.requireActive().db.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL AND trashed_with IS NULL ORDER BY id').pluck().all() as number[];
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 3, maxLength: 20 }), async (steps) => {
        // states[i] is the database after the i-th command still on the stack; states[0] when this run began.
        const states: Snapshot[] = [snapshot(t)];
        let position = 0;
        const committed = () => {
          states.splice(position + 1);
          states.push(snapshot(t));
          position++;
        };
        for (const step of steps) {
          if (step.kind === 'create') {
            const contact = await create(t, 'contact', { last_name: step.name });
            committed();
            if (step.activity) {
              await create(t, 'activity', { kind: 'note', subject: `Over ${step.name}`, contact_id: contact.id });
              committed();
            }
          } else if (step.kind === 'update' || step.kind === 'delete') {
            const ids = live();
            if (ids.length === 0) continue;
            const id = ids[step.pick % ids.length]!;
            const result =
              step.kind === 'update'
                ? await t.call('records.update', { entity: 'contact', id, values: { job_title: step.job || null } })
                : await t.call('records.delete', { entity: 'contact', ids: [id] });
            value(result);
            // An edit to the same value changes nothing and is no command.
            if (snapshot(t) !== states[position]) committed();
          } else if (step.kind === 'restore') {
            const ids = trashed();
            if (ids.length === 0) continue;
            value(await t.call('trash.restore', { items: [{ entity: 'contact', id: ids[step.pick % ids.length]! }] }));
            committed();
          } else if (step.kind === 'undo') {
            if (position === 0) continue;
            value(await t.call('history.undo'));
            position--;
            expect(snapshot(t)).toBe(states[position]);
            compared++;
          } else {
            if (position === states.length - 1) continue;
            value(await t.call('history.redo'));
            position++;
            expect(snapshot(t)).toBe(states[position]);
            compared++;
          }
        }
        // And all the way back to where the run began.
        while (position > 0) {
          value(await t.call('history.undo'));
          position--;
          expect(snapshot(t)).toBe(states[position]);
          compared++;
        }
      }),
      { numRuns: 40 },
    );
    // The runs really walked the stack, not only skipped steps.
    expect(compared).toBeGreaterThan(40);
    // Once the cleanup has run, the index holds exactly what search saw.
    const { db } = t.core.requireActive();
    const seen = snapshot(t);
    await searchCleanupDone(db);
    expect(db.prepare('SELECT count(*) FROM search_removals').pluck().get()).toBe(0);
    expect(snapshot(t)).toBe(seen);
  });
});
