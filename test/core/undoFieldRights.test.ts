/**
 * Undo and redo write values, so they need the rights of now to edit each field they write: an
 * edit of a custom field taken back or done again, and a record made again by redoing its creation,
 * as much as an edit of a built-in field (which history.test.ts covers).
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { FieldInfo, RecordDetail, RecordView } from '../../shared/recordTypes';
import { signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const office = BUILT_IN_ROLES.find((role) => role.id === 'office')!.rights;

/** A copy of Office staff where `fields` may only be read. */
async function officeReadingOnly(t: Installed, fields: string[]): Promise<string> {
  const rights = { ...office, fields: { ...office.fields, ...Object.fromEntries(fields.map((key) => [key, 'read'])) } };
  return value<RoleDefinition>(await t.call('roles.save', { name: { en: `Office, reading ${fields.join()}`, nl: `Kantoor, leest ${fields.join()}` }, rights })).id;
}

const valuesOf = async (t: Installed, id: number) => value<RecordDetail>(await t.call('records.get', { entity: 'contact', id })).record.values;

describe('undo and redo with field rights taken away', () => {
  it('refuse to write a custom field the user may now only read', async () => {
    const t = await signedInAdmin();
    const field = value<FieldInfo>(
      await t.call('fields.addCustom', {
        entity: 'contact',
        label: { en: 'Customer code', nl: 'Klantcode' },
        type: 'text',
        purpose: { en: 'Billing', nl: 'Facturatie' },
        legalBasis: 'contract',
        sensitivity: 'normal',
        retention: { en: 'While the contract lasts', nl: 'Zolang het contract loopt' },
      }),
    );
    const contact = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Wissel', [field.key]: 'A-100' } }));
    const readOnlyCode = await officeReadingOnly(t, [`contact.${field.key}`]);
    const olga = await signInAsNewUser(t, 'olga', 'office');
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { [field.key]: 'B-200' } }));

    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: readOnlyCode, teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    expect(refusal(await t.call('history.undo'))).toMatchObject({ code: 'FORBIDDEN', messageId: 'history.noLongerEditField', values: { field: { en: 'Customer code' } } });
    expect((await valuesOf(t, contact.id))[field.key]).toBe('B-200');

    // With the right back, the same undo goes through, and a redo is refused once it is gone again.
    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: 'office', teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    value(await t.call('history.undo'));
    expect((await valuesOf(t, contact.id))[field.key]).toBe('A-100');
    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: readOnlyCode, teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    expect(refusal(await t.call('history.redo')).messageId).toBe('history.noLongerEditField');
    expect((await valuesOf(t, contact.id))[field.key]).toBe('A-100');
  });

  it('refuse to make a record again with a value in a field the user may no longer edit; defaults do not count', async () => {
    const t = await signedInAdmin();
    const readOnlyJob = await officeReadingOnly(t, ['contact.job_title']);
    const olga = await signInAsNewUser(t, 'olga', 'office');
    const withTitle = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Bos', job_title: 'Inkoper' } }));
    value(await t.call('history.undo'));

    await switchToAdmin(t);
    value(await t.call('users.setAccess', { userId: olga.id, role: readOnlyJob, teamIds: [], overrides: [] }));
    await switchToUser(t, 'olga', olga.secret);
    expect(refusal(await t.call('history.redo'))).toMatchObject({ code: 'FORBIDDEN', messageId: 'history.noLongerEditField', values: { field: { en: 'Job title' } } });
    expect((await t.call('records.get', { entity: 'contact', id: withTitle.id })).ok).toBe(false);

    // A record without a value in that field comes back: an activity's defaults (done: no) are no typing.
    const plain = value<RecordView>(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Terugbellen' } }));
    value(await t.call('history.undo'));
    value(await t.call('history.redo'));
    expect((await t.call('records.get', { entity: 'activity', id: plain.id })).ok).toBe(true);
  });
});
