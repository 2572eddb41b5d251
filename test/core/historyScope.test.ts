/**
 * Undo, redo and the trash stay inside what the caller may read: no writing into a record they may
 * no longer see, no link put back to one, no naming it in the history; the trash shows, restores and
 * purges only what they may both read and restore. And no deletion for good while an import runs,
 * which would take the import's own way back out of the journal.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { CommandSummary, TrashPage } from '../../shared/historyTypes';
import type { RecordView } from '../../shared/recordTypes';
import { startImportRun } from '../../electron/core/history/journal';
import { confirmStep, signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const office = BUILT_IN_ROLES.find((role) => role.id === 'office')!.rights;

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

/** A copy of Office staff that reads only its own contacts, with the other contact rights as they are. */
async function officeReadingOwnContacts(t: Installed, extra: Partial<typeof office.records.contact> = {}, tasks = office.tasks): Promise<string> {
  const records = { ...office.records, contact: { ...office.records.contact, read: 'own' as const, ...extra } };
  return value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Office, own contacts', nl: 'Kantoor, eigen contacten' }, rights: { ...office, records, tasks } })).id;
}

const jobTitle = (t: Installed, id: number) => t.core.requireActive().db.prepare('SELECT job_title FROM contacts WHERE id = ?').pluck().get(id);

describe('undo and redo of changes to a record the user may no longer read', () => {
  it('are refused without naming it, and the history shows it masked', async () => {
    const t = await signedInAdmin();
    const carla = await create(t, 'contact', { first_name: 'Carla', last_name: 'Geheimhouder', job_title: 'Inkoper' });
    const narrow = await officeReadingOwnContacts(t);
    const olga = await signInAsNewUser(t, 'olga', 'office');
    value(await t.call('records.update', { entity: 'contact', id: carla.id, values: { job_title: 'Directeur' } }));

    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: narrow, teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    const undo = refusal(await t.call('history.undo'));
    expect(undo).toMatchObject({ code: 'FORBIDDEN', messageId: 'history.noLongerReadable', message: 'You may no longer see the contact this changed, so this cannot be reversed.' });
    expect(jobTitle(t, carla.id)).toBe('Directeur');
    const [last] = value<CommandSummary[]>(await t.call('history.list', { limit: 5 }));
    expect(last?.label.title).toBe('••••');
  });

  it('refuse to put back a link to a record the user may no longer read', async () => {
    const t = await signedInAdmin();
    const carla = await create(t, 'contact', { first_name: 'Carla', last_name: 'Geheimhouder' });
    const narrow = await officeReadingOwnContacts(t);
    const olga = await signInAsNewUser(t, 'olga', 'office');
    const deal = await create(t, 'deal', { title: 'Ovens 2027', stage: 'lead', contact_id: carla.id });
    value(await t.call('records.update', { entity: 'deal', id: deal.id, values: { contact_id: null } }));

    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: narrow, teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    expect(refusal(await t.call('history.undo'))).toMatchObject({
      code: 'FORBIDDEN',
      messageId: 'history.linkNotReadable',
      message: 'This would link deal Ovens 2027 to a record you may not see, so it cannot be reversed.',
    });
    expect(t.core.requireActive().db.prepare('SELECT contact_id FROM deals WHERE id = ?').pluck().get(deal.id)).toBeNull();
  });
});

describe('the trash of a user whose restore scope is wider than their read scope', () => {
  it('neither lists, restores nor purges a record they may not read', async () => {
    const t = await signedInAdmin();
    const bert = await create(t, 'contact', { first_name: 'Bert', last_name: 'Onzichtbaar' });
    value(await t.call('records.delete', { entity: 'contact', ids: [bert.id] }));
    const role = await officeReadingOwnContacts(t, { restore: 'all' }, [...office.tasks, 'trash.purge']);
    await signInAsNewUser(t, 'olga', role);
    expect(value<TrashPage>(await t.call('trash.list', {})).items).toEqual([]);
    expect(refusal(await t.call('trash.restore', { items: [{ entity: 'contact', id: bert.id }] })).code).toBe('NOT_FOUND');
    expect(refusal(await t.call('records.deleteImpact', { entity: 'contact', ids: [bert.id], mode: 'purge' })).code).toBe('NOT_FOUND');
  });
});

describe('a deletion for good while an import runs', () => {
  it('waits: refused with the reason, and allowed once the import has ended', async () => {
    const t = await signedInAdmin();
    const gone = await create(t, 'contact', { last_name: 'Weg' });
    value(await t.call('records.delete', { entity: 'contact', ids: [gone.id] }));
    const { db } = t.core.requireActive();
    const endRun = startImportRun(db, 99);
    await confirmStep(t);
    expect(refusal(await t.call('trash.purge', { entity: 'contact', ids: [gone.id], reviewedTotal: 1 }))).toMatchObject({ code: 'CONFLICT', messageId: 'history.importRunningDelete' });
    endRun();
    value(await t.call('trash.purge', { entity: 'contact', ids: [gone.id], reviewedTotal: 1 }));
  });
});
