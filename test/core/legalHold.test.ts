/**
 * An issued invoice is kept for the fiscal retention duty (7 years after its due date): it may go to
 * the trash and come back, but neither a permanent deletion nor the trash's retention job removes
 * it before then. A draft, never issued, is not held; nor is an invoice whose hold has ended.
 */
import { describe, expect, it } from 'vitest';
import type { DeleteImpact, TrashPage } from '../../shared/historyTypes';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
import { ADMIN, confirmStep, signIn, signedInAdmin, type Installed } from '../support/install';
import { refusal, value } from '../support/results';
import { localDay } from '../../shared/localDay';

async function invoice(t: Installed, organisationId: number, number: string, status: string, dueOn: string): Promise<RecordView> {
  return value(await t.call('records.create', { entity: 'invoice', values: { number, organisation_id: organisationId, amount_cents: 12_500, due_on: dueOn, status } }));
}

async function trashed(t: Installed, id: number): Promise<void> {
  value(await t.call('records.delete', { entity: 'invoice', ids: [id] }));
}

async function purge(t: Installed, id: number) {
  const impact = await t.call('records.deleteImpact', { entity: 'invoice', ids: [id], mode: 'purge' });
  if (!impact.ok) return impact;
  await confirmStep(t);
  return t.call('trash.purge', { entity: 'invoice', ids: [id], reviewedTotal: (impact.value as DeleteImpact).total });
}

const countOf = (t: Installed, id: number) => t.core.requireActive().db.prepare('SELECT count(*) FROM invoices WHERE id = ?').pluck().get(id);

/** 30 June next year, and the day its hold ends, 7 years on: a fixed day that stays in the future. */
const NEXT_YEAR = new Date().getFullYear() + 1;
const DUE = `${NEXT_YEAR}-06-30`;
const UNTIL = { en: `30 June ${NEXT_YEAR + 7}`, nl: `30 juni ${NEXT_YEAR + 7}` };

/** 30 June, `years` from this year (negative: in the past), as the form stores it: a day every year has. */
function dueIn(years: number): string {
  return `${new Date().getFullYear() + years}-06-30`;
}

describe('an issued invoice', () => {
  it('goes to the trash and comes back, but is not deleted for good before its hold ends, with the day in both languages', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Drukkerij Hofstede' } }));
    const sent = await invoice(t, org.id, 'F-2026-101', 'sent', DUE);
    await trashed(t, sent.id);

    const error = refusal(await purge(t, sent.id));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageId: 'history.keptByLaw',
      values: { title: 'F-2026-101', until: UNTIL },
    });
    expect(error.message).toContain(`kept for the bookkeeping until ${UNTIL.en}`);
    expect(countOf(t, sent.id)).toBe(1);

    // It comes back from the trash as any record does.
    value(await t.call('trash.restore', { items: [{ entity: 'invoice', id: sent.id }] }));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'invoice', id: sent.id })).record.title).toBe('F-2026-101');
  });

  it('is held whatever its status once issued; a draft and an invoice whose hold has ended are deleted for good', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Smit' } }));
    const paid = await invoice(t, org.id, 'F-1', 'paid', dueIn(-6));
    const draft = await invoice(t, org.id, 'F-2', 'draft', dueIn(0));
    const old = await invoice(t, org.id, 'F-3', 'paid', dueIn(-8));
    // Made and sent eight years ago too: a hold counts from the latest of due day, day made and day sent.
    t.core.requireActive().db.prepare('UPDATE invoices SET created_at = ?, issued_on = ? WHERE id = ?').run(`${dueIn(-8)}T09:00:00.000Z`, dueIn(-8), old.id);
    for (const id of [paid.id, draft.id, old.id]) await trashed(t, id);

    expect(refusal(await purge(t, paid.id)).messageId).toBe('history.keptByLaw');
    value(await purge(t, draft.id));
    value(await purge(t, old.id));
    expect([countOf(t, paid.id), countOf(t, draft.id), countOf(t, old.id)]).toEqual([1, 0, 0]);
  });

  it('is not deleted for good by undoing its creation either; a draft is', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Houthandel Bos' } }));
    const draft = await invoice(t, org.id, 'F-6', 'draft', dueIn(0));
    value(await t.call('history.undo'));
    expect(countOf(t, draft.id)).toBe(0);
    const sent = await invoice(t, org.id, 'F-7', 'sent', DUE);
    expect(refusal(await t.call('history.undo'))).toMatchObject({ code: 'CONFLICT', messageId: 'history.undoKeptByLaw', values: { title: 'F-7', until: UNTIL } });
    expect(countOf(t, sent.id)).toBe(1);
  });

  it('is not freed early by an edit: not back to draft, nor by a due date moved back years', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Smederij Vos' } }));
    const sent = await invoice(t, org.id, 'F-8', 'sent', dueIn(0));
    expect(refusal(await t.call('records.update', { entity: 'invoice', id: sent.id, values: { status: 'draft' } }))).toMatchObject({
      code: 'VALIDATION',
      details: { fieldMessages: { status: { id: 'records.heldStaysIssued' } } },
    });
    value(await t.call('records.update', { entity: 'invoice', id: sent.id, values: { due_on: '2001-01-31', status: 'paid' } }));
    await trashed(t, sent.id);
    expect(refusal(await purge(t, sent.id)).messageId).toBe('history.keptByLaw');
  });

  it('is held from the day it went out: a draft sent years after its due day is held from today', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Glasblazerij Ooms' } }));
    const draft = await invoice(t, org.id, 'F-9', 'draft', dueIn(-8));
    const { db } = t.core.requireActive();
    db.prepare('UPDATE invoices SET created_at = ? WHERE id = ?').run(`${dueIn(-8)}T09:00:00.000Z`, draft.id);
    expect(db.prepare('SELECT issued_on FROM invoices WHERE id = ?').pluck().get(draft.id)).toBeNull();

    value(await t.call('records.update', { entity: 'invoice', id: draft.id, values: { status: 'sent' } }));
    expect(db.prepare('SELECT issued_on FROM invoices WHERE id = ?').pluck().get(draft.id)).toBe(localDay());
    await trashed(t, draft.id);
    expect(refusal(await purge(t, draft.id)).messageId).toBe('history.keptByLaw');
    // Created as sent, it went out the day it was made; a later edit keeps that day.
    const sent = await invoice(t, org.id, 'F-10', 'sent', dueIn(0));
    value(await t.call('records.update', { entity: 'invoice', id: sent.id, values: { status: 'paid' } }));
    expect(db.prepare('SELECT issued_on FROM invoices WHERE id = ?').pluck().get(sent.id)).toBe(localDay());
  });

  it('stays in the trash when the retention job empties it, reported as kept', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Zagerij Dekker' } }));
    const sent = await invoice(t, org.id, 'F-4', 'sent', dueIn(0));
    const draft = await invoice(t, org.id, 'F-5', 'draft', dueIn(0));
    await trashed(t, sent.id);
    await trashed(t, draft.id);

    t.clock.advance(31 * 86_400);
    await t.call('session.signOut');
    // Signing in runs the retention job.
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());

    const page = value<TrashPage>(await t.call('trash.list', {}));
    expect(page.lastEmptied).toMatchObject({ removed: 1, kept: 1 });
    expect(page.items.map((item) => item.title)).toEqual(['F-4']);
    expect([countOf(t, sent.id), countOf(t, draft.id)]).toEqual([1, 0]);
  });
});
