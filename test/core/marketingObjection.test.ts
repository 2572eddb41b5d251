/**
 * An objection to direct marketing (GDPR art. 21(2)-(3)): a day on the person, set by whoever may
 * edit them, never after today, exported and reported to the person like every field of theirs.
 */
import { describe, expect, it } from 'vitest';
import type { AccessReport } from '../../shared/accessReportTypes';
import { localDay } from '../../shared/localDay';
import type { RecordView } from '../../shared/recordTypes';
import { listAudit } from '../../electron/core/audit/chain';
import { confirmStep, signedInAdmin, signInAsNewUser, switchToAdmin } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function fieldMessagesOf(result: { ok: boolean }): Record<string, unknown> | undefined {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { details?: { fieldMessages?: Record<string, unknown> } } }).error.details?.fieldMessages;
}

const dayFrom = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

describe('an objection to direct marketing', () => {
  it('is a day that has come, set in the person’s form, exported and in their access report', async () => {
    const t = await signedInAdmin();
    const person = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Bea', last_name: 'Bezwaar' } }));
    const tomorrow = await t.call('records.update', { entity: 'contact', id: person.id, values: { marketing_objection_on: dayFrom(1) } });
    expect(fieldMessagesOf(tomorrow)).toEqual({ marketing_objection_on: { id: 'records.dayInFuture' } });
    const lastWeek = value<RecordView>(await t.call('records.update', { entity: 'contact', id: person.id, values: { marketing_objection_on: dayFrom(-7) } }));
    expect(lastWeek.values.marketing_objection_on).toBe(dayFrom(-7));

    await confirmStep(t);
    const { csv } = value<{ csv: string }>(await t.call('records.export', { entity: 'contact' }));
    const [header, row] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const column = header!.split(',').indexOf('Objected to direct marketing on');
    expect(column).toBeGreaterThan(-1);
    expect(row!.split(',')[column]).toBe(dayFrom(-7));

    // The person learns it is kept, why and for how long (GDPR art. 15).
    const officer = await signInAsNewUser(t, 'pia', 'privacy');
    await confirmStep(t, officer.secret);
    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: person.id }));
    expect(report.subject.values.find((v) => v.key === 'marketing_objection_on')).toMatchObject({
      value: dayFrom(-7),
      legalBasis: 'legalObligation',
      purpose: { en: 'Never again using the person’s data for direct marketing once they objected (GDPR art. 21(3))' },
    });

    // Marketing reads it, and may not change it.
    await switchToAdmin(t);
    await signInAsNewUser(t, 'mark', 'marketing');
    const seen = value<{ record: RecordView }>(await t.call('records.get', { entity: 'contact', id: person.id }));
    expect(seen.record.values.marketing_objection_on).toBe(dayFrom(-7));
    expect((await t.call('records.update', { entity: 'contact', id: person.id, values: { marketing_objection_on: null } })).ok).toBe(false);
  });
});

describe('the privacy officer’s record of an objection', () => {
  it('sets the day without the right to edit the person, also while their processing is restricted; once, never after today; undone and audited on the person', async () => {
    const t = await signedInAdmin();
    const person = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Olaf', last_name: 'Ogen' } }));
    await signInAsNewUser(t, 'kees', 'office');
    // Office staff set the day in the form; the officer's action needs the officer's task.
    expect(await t.call('privacy.recordObjection', { entity: 'contact', id: person.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchToAdmin(t);

    await signInAsNewUser(t, 'pia', 'privacy');
    expect(await t.call('records.update', { entity: 'contact', id: person.id, values: { marketing_objection_on: localDay() } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await t.call('privacy.restrict', { entity: 'contact', id: person.id, ground: 'objectionPending' }));
    expect(fieldMessagesOf(await t.call('privacy.recordObjection', { entity: 'contact', id: person.id, day: dayFrom(1) }))).toEqual({ day: { id: 'records.dayInFuture' } });
    const recorded = value<RecordView>(await t.call('privacy.recordObjection', { entity: 'contact', id: person.id }));
    expect(recorded.values.marketing_objection_on).toBe(localDay());
    expect(await t.call('privacy.recordObjection', { entity: 'contact', id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageId: 'records.alreadyObjected' } });

    // One step back and forth, with the officer's task alone; the person's trail says each.
    value(await t.call('history.undo'));
    expect(value<{ record: RecordView }>(await t.call('records.get', { entity: 'contact', id: person.id })).record.values.marketing_objection_on).toBeNull();
    value(await t.call('history.redo'));
    expect(value<{ record: RecordView }>(await t.call('records.get', { entity: 'contact', id: person.id })).record.values.marketing_objection_on).toBe(localDay());
    const trail = listAudit(t.core.requireActive().db, 40)
      .filter((e) => e.target === `contact:${person.id}` && e.action.startsWith('privacy.objection'))
      .map((e) => e.action);
    expect(trail.reverse()).toEqual(['privacy.objectionRecorded', 'privacy.objectionTakenBack', 'privacy.objectionRecorded']);
  });
});
