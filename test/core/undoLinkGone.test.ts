/**
 * A colleague deletes for good a record my last command linked to, or linked away from. My undo
 * can then neither put the link back nor find the record as I left it: it says so, naming the
 * record, instead of a database error's "other records now refer to it" or an unnamed "changed".
 */
import { describe, expect, it } from 'vitest';
import type { DeleteImpact } from '../../shared/historyTypes';
import type { RecordView } from '../../shared/recordTypes';
import { confirmStep, signedInAdmin, signInAsNewUser, switchToAdmin, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

/** The organisation to the trash and out of it for good, as a colleague would. */
async function deleteForGood(t: Installed, id: number, secret: string): Promise<void> {
  const trash = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'organisation', ids: [id], mode: 'trash' }));
  value(await t.call('records.delete', { entity: 'organisation', ids: [id], reviewedTotal: trash.total }));
  const purge = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'organisation', ids: [id], mode: 'purge' }));
  await confirmStep(t, secret);
  value(await t.call('trash.purge', { entity: 'organisation', ids: [id], reviewedTotal: purge.total }));
}

const LINK_GONE = { code: 'CONFLICT', messageId: 'history.linkGone', message: 'Contact Jan Jansen was linked to a record that has since been deleted for good, so this cannot be reversed.' };

describe('undo after a colleague deleted for good what my command linked', () => {
  it('says the link cannot come back when undo would link to the deleted record again', async () => {
    const t = await signedInAdmin();
    const old = await create(t, 'organisation', { name: 'Oud BV' });
    const fresh = await create(t, 'organisation', { name: 'Nieuw BV' });
    const jan = await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen', organisation_id: old.id });
    value(await t.call('records.update', { entity: 'contact', id: jan.id, values: { organisation_id: fresh.id } }));

    const bert = await signInAsNewUser(t, 'bert', 'admin');
    await deleteForGood(t, old.id, bert.secret);
    await switchToAdmin(t);
    expect(refusal(await t.call('history.undo'))).toMatchObject(LINK_GONE);
    expect(t.core.requireActive().db.prepare('SELECT organisation_id FROM contacts WHERE id = ?').pluck().get(jan.id)).toBe(fresh.id);
  });

  it('says the same when the deletion cut the link my command made', async () => {
    const t = await signedInAdmin();
    const third = await create(t, 'organisation', { name: 'Derde BV' });
    const jan = await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
    value(await t.call('records.update', { entity: 'contact', id: jan.id, values: { organisation_id: third.id, job_title: 'Inkoper' } }));

    const bert = await signInAsNewUser(t, 'bert', 'admin');
    await deleteForGood(t, third.id, bert.secret);
    await switchToAdmin(t);
    expect(refusal(await t.call('history.undo'))).toMatchObject(LINK_GONE);
    expect(t.core.requireActive().db.prepare('SELECT job_title FROM contacts WHERE id = ?').pluck().get(jan.id)).toBe('Inkoper');
  });
});
