/**
 * Recording that a person withdrew their consent (GDPR art. 7(3)): the Privacy officer's, and that
 * of whoever may update or give consents; the consent stays, with the day it ended; the day is checked in
 * the core (not after today, not before consent was given); one Ctrl+Z takes it back; the audit log
 * says it happened, without values.
 */
import { describe, expect, it } from 'vitest';
import type { CommandSummary } from '../../shared/historyTypes';
import { describeCommand } from '../../shared/historyLabels';
import { localDay } from '../../shared/localDay';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
import { listAudit } from '../../electron/core/audit/chain';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }) {
  expect(result.ok).toBe(false);
  return (result as unknown as { error: { code: string; messageId?: string; details?: { fieldMessages?: Record<string, { id: string }> } } }).error;
}

/** A contact with a consent given a week ago, made by the admin. */
async function consentGiven(t: Installed): Promise<{ contact: RecordView; consent: RecordView; givenAt: string }> {
  const contact = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Sanne', last_name: 'Hendriks' } }));
  const givenAt = localDay(new Date(Date.now() - 7 * 86_400_000));
  const consent = value<RecordView>(
    await t.call('records.create', { entity: 'consent', values: { contact_id: contact.id, purpose: 'Nieuwsbrief', source: 'Webformulier', given_at: givenAt } }),
  );
  return { contact, consent, givenAt };
}

async function withdrawnAt(t: Installed, id: number): Promise<unknown> {
  return value<RecordDetail>(await t.call('records.get', { entity: 'consent', id })).record.values.withdrawn_at;
}

describe('recording a withdrawal of consent', () => {
  it('is the Privacy officer\'s: today by default, the consent kept, audited without values, and one undo takes it back', async () => {
    const t = await signedInAdmin();
    const { contact, consent } = await consentGiven(t);
    await signInAsNewUser(t, 'pia', 'privacy');
    const withdrawn = value<RecordView>(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id }));
    expect(withdrawn.values).toMatchObject({ withdrawn_at: localDay(), purpose: 'Nieuwsbrief', source: 'Webformulier' });
    // Kept, and read as withdrawn where the person's consents are listed.
    const person = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id }));
    const consents = person.related.find((group) => group.entity === 'consent');
    expect(consents?.rows).toEqual([expect.objectContaining({ id: consent.id, title: 'Nieuwsbrief', values: { withdrawn_at: localDay() } })]);

    const entries = listAudit(t.core.requireActive().db, 20).filter((e) => e.action === 'privacy.consentWithdrawn');
    expect(entries).toEqual([expect.objectContaining({ target: `consent:${consent.id}` })]);
    expect(JSON.stringify(entries)).not.toContain('Nieuwsbrief');

    const [command] = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(describeCommand(command!.label, 'en')).toBe('Record withdrawal of consent Nieuwsbrief');
    expect(describeCommand(command!.label, 'nl')).toBe('Intrekking vastleggen van toestemming Nieuwsbrief');
    value(await t.call('history.undo'));
    expect(await withdrawnAt(t, consent.id)).toBeNull();
    value(await t.call('history.redo'));
    expect(await withdrawnAt(t, consent.id)).toBe(localDay());
    // The consent's own audit trail follows: withdrawn, taken back, withdrawn again.
    const onConsent = listAudit(t.core.requireActive().db, 20).filter((e) => e.target === `consent:${consent.id}` && e.action.startsWith('privacy.'));
    expect(onConsent.map((e) => e.action).reverse()).toEqual(['privacy.consentWithdrawn', 'privacy.consentWithdrawalUndone', 'privacy.consentWithdrawn']);
  });

  it('takes the day it was withdrawn, but not after today nor before the consent was given, and changes nothing when refused', async () => {
    const t = await signedInAdmin();
    const { consent, givenAt } = await consentGiven(t);
    await signInAsNewUser(t, 'pia', 'privacy');
    const tomorrow = localDay(new Date(Date.now() + 86_400_000));
    const dayBefore = localDay(new Date(Date.now() - 8 * 86_400_000));
    for (const [day, reason] of [
      [tomorrow, 'records.dayInFuture'],
      [dayBefore, 'records.withdrawnBeforeGiven'],
      ['2026-02-30', 'records.badDate'],
      ['gisteren', 'records.badDate'],
      ['', 'records.required'],
      ['  ', 'records.required'],
    ] as const) {
      const refused = errorOf(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day }));
      expect(refused, day).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { day: { id: reason } } } });
    }
    expect(await withdrawnAt(t, consent.id)).toBeNull();
    expect(value<CommandSummary[]>(await t.call('history.list', {}))).toEqual([]);
    expect(listAudit(t.core.requireActive().db, 50).filter((e) => e.action === 'privacy.consentWithdrawn')).toEqual([]);

    // The day it was given is a day it can end; so is today.
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day: givenAt }));
    expect(await withdrawnAt(t, consent.id)).toBe(givenAt);
    // Once withdrawn, it stays withdrawn: a new consent is a new record.
    expect(errorOf(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day: localDay() }))).toMatchObject({
      code: 'CONFLICT',
      messageId: 'records.consentAlreadyWithdrawn',
    });
    expect(await withdrawnAt(t, consent.id)).toBe(givenAt);
  });

  it('is refused to roles that may neither update nor give consents, and the day is never typed into a form', async () => {
    const t = await signedInAdmin();
    const { consent } = await consentGiven(t);
    // The day of withdrawal is set only by its action, also for the admin.
    expect(errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { withdrawn_at: localDay() } }))).toMatchObject({
      code: 'FORBIDDEN',
      messageId: 'records.setByAction',
    });
    for (const role of ['marketing', 'readonly', 'finance']) {
      await signInAsNewUser(t, `wie.${role}`, role);
      const refused = errorOf(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id }));
      expect(refused.code, role).toBe('FORBIDDEN');
      await t.call('session.signOut');
      await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    }
    expect(await withdrawnAt(t, consent.id)).toBeNull();
    // Office staff update consents, so they record withdrawals too.
    await signInAsNewUser(t, 'otto', 'office');
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id }));
    expect(await withdrawnAt(t, consent.id)).toBe(localDay());
  });

  it('is as easy as giving: field sales, who may give consents but not change them, record a withdrawal and undo it', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'sem', 'sales');
    const { consent } = await consentGiven(t);
    // What the consent says stays as recorded: no update right.
    expect(errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { source: 'Telefoon' } })).code).toBe('FORBIDDEN');
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id }));
    expect(await withdrawnAt(t, consent.id)).toBe(localDay());
    value(await t.call('history.undo', {}));
    expect(await withdrawnAt(t, consent.id)).toBeNull();
    value(await t.call('history.redo', {}));
    expect(await withdrawnAt(t, consent.id)).toBe(localDay());
  });

  it('is refused, whatever the day, to someone who may not read the day the consent was given', async () => {
    const t = await signedInAdmin();
    const { consent } = await consentGiven(t);
    await signInAsNewUser(t, 'pia', 'privacy', { overrides: [{ right: 'field:consent.given_at', effect: 'deny' }] });
    // Before, a day before the given day was refused as such and a later one taken: guess by guess,
    // the refusals told the hidden day. Now every day is answered alike, and nothing is written.
    for (const day of ['2000-01-01', localDay()]) {
      const refused = errorOf(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.withdrawalNeedsGivenDay' });
    }
    expect(await withdrawnAt(t, consent.id)).toBeNull();
  });
});

describe('a consent’s days, as created and edited', () => {
  const dayFrom = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

  it('are refused in the future, and a given day after the withdrawal, under the field; other edits go on', async () => {
    const t = await signedInAdmin();
    const { contact, consent, givenAt } = await consentGiven(t);
    const future = errorOf(await t.call('records.create', { entity: 'consent', values: { contact_id: contact.id, purpose: 'Nieuwsbrief', source: 'Beurs', given_at: dayFrom(30) } }));
    expect(future).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { given_at: { id: 'records.dayInFuture' } } } });

    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day: dayFrom(-2) }));
    const afterWithdrawal = errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { given_at: dayFrom(-1) } }));
    expect(afterWithdrawal).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { given_at: { id: 'records.givenAfterWithdrawn' } } } });
    const inFuture = errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { given_at: dayFrom(10) } }));
    expect(inFuture).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { given_at: { id: 'records.dayInFuture' } } } });
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'consent', id: consent.id }));
    expect(detail.record.values.given_at).toBe(givenAt);

    // An earlier given day holds together, and so does an edit that leaves the days alone.
    value(await t.call('records.update', { entity: 'consent', id: consent.id, values: { given_at: dayFrom(-20) } }));
    value(await t.call('records.update', { entity: 'consent', id: consent.id, values: { source: 'Telefoon' } }));
  });

  it('keeps its person and purpose as recorded: the proof of who agreed to what; its source and days may be corrected', async () => {
    const t = await signedInAdmin();
    const { consent } = await consentGiven(t);
    const other = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Renate', last_name: 'Odegaard' } }));
    const moved = errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { contact_id: other.id } }));
    expect(moved).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { contact_id: { id: 'records.fixedOnceRecorded' } } } });
    const widened = errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { purpose: 'Alles', source: 'Verzonnen' } }));
    expect(widened).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { purpose: { id: 'records.fixedOnceRecorded' } } } });
    // Nothing of a refused edit is kept, the source sent with it neither.
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'consent', id: consent.id })).record.values).toMatchObject({ purpose: 'Nieuwsbrief', source: 'Webformulier' });
    // The same purpose sent again changes nothing and is no refusal; the source is corrected.
    value(await t.call('records.update', { entity: 'consent', id: consent.id, values: { purpose: 'Nieuwsbrief', source: 'Beurs' } }));
    // A day before 1900 is a typo: year 1 is a real day, but proves nothing.
    const ancient = errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { given_at: '0001-01-01' } }));
    expect(ancient).toMatchObject({ code: 'VALIDATION', details: { fieldMessages: { given_at: { id: 'records.dayTooEarly' } } } });
  });

  it('refuses a new given day to someone who may not read the withdrawal it would be checked against', async () => {
    const t = await signedInAdmin();
    const { consent } = await consentGiven(t);
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: consent.id, day: dayFrom(-1) }));
    await signInAsNewUser(t, 'otto', 'office', { overrides: [{ right: 'field:consent.withdrawn_at', effect: 'deny' }] });
    for (const given_at of [dayFrom(-30), dayFrom(-0)]) {
      expect(errorOf(await t.call('records.update', { entity: 'consent', id: consent.id, values: { given_at } }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.consentDaysNeedBoth' });
    }
  });
});

