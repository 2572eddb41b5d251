/**
 * Restriction of processing (GDPR art. 18, electron/core/records/restriction.ts): the privacy
 * officer restricts a person on one of the four grounds and lifts it again; meanwhile the record is
 * kept as it is (no edit, no trash, no erasure, no import over it), exports leave it out, the
 * retention review passes it over, and the person's page says so. One undo takes each step back.
 */
import { describe, expect, it } from 'vitest';
import type { CommandSummary } from '../../shared/historyTypes';
import { describeCommand } from '../../shared/historyLabels';
import { localDay } from '../../shared/localDay';
import type { ImportPreview, ImportSummary, RecordDetail, RecordView } from '../../shared/recordTypes';
import { listAudit } from '../../electron/core/audit/chain';
import { signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser, totpAt, type Installed } from '../support/install';
import type { AccessReport } from '../../shared/accessReportTypes';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { code: string; messageId?: string } }).error;
}

async function detail(t: Installed, id: number): Promise<RecordDetail> {
  return value<RecordDetail>(await t.call('records.get', { entity: 'contact', id }));
}

async function exported(t: Installed): Promise<{ csv: string; count: number; restricted: number }> {
  return value(await t.call('records.export', { entity: 'contact' }));
}

/** Two people made by the admin, and the privacy officer signed in. */
async function twoPeople(): Promise<{ t: Installed; kept: RecordView; other: RecordView; officer: { secret: string } }> {
  const t = await signedInAdmin();
  const kept = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Bewaar', last_name: 'Mij', job_title: 'Inkoper' } }));
  const other = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Gewone', last_name: 'Klant' } }));
  const officer = await signInAsNewUser(t, 'pia', 'privacy');
  return { t, kept, other, officer };
}

describe('restriction of processing', () => {
  it('is recorded by the privacy officer with its ground and day, audited without values, and undone in one step', async () => {
    const { t, kept, officer } = await twoPeople();
    t.clock.advance(30);
    const restricted = value<RecordView>(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'accuracyContested' }));
    expect(restricted.values).toMatchObject({ restricted_since: localDay(), restriction_ground: 'accuracyContested', job_title: 'Inkoper' });
    expect(errorOf(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'neededForClaims' }))).toMatchObject({
      code: 'CONFLICT',
      messageId: 'records.alreadyRestricted',
    });

    const entries = listAudit(t.core.requireActive().db, 30).filter((e) => e.action === 'privacy.restricted');
    expect(entries).toEqual([expect.objectContaining({ target: `contact:${kept.id}` })]);
    expect(JSON.stringify(entries)).not.toContain('accuracy');

    // The person's access report tells them, with why it is kept and for how long.
    value(await t.call('session.stepUp', { code: totpAt(officer.secret, t.clock) }));
    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: kept.id }));
    expect(report.subject.values.find((v) => v.key === 'restriction_ground')).toMatchObject({
      value: 'accuracyContested',
      legalBasis: 'legalObligation',
      retention: { en: 'Until the restriction is lifted' },
    });
    expect(report.subject.values.find((v) => v.key === 'restricted_since')).toMatchObject({ value: localDay() });

    const [command] = value<CommandSummary[]>(await t.call('history.list', {}));
    expect(describeCommand(command!.label, 'en')).toBe('Restrict processing of contact Bewaar Mij');
    expect(describeCommand(command!.label, 'nl')).toBe('Verwerking beperken van contactpersoon Bewaar Mij');
    value(await t.call('history.undo'));
    expect((await detail(t, kept.id)).record.values).toMatchObject({ restricted_since: null, restriction_ground: null });
    value(await t.call('history.redo'));
    expect((await detail(t, kept.id)).record.values.restricted_since).toBe(localDay());
    // The person's own audit trail says the restriction ended with the undo, and began again with the redo.
    const onPerson = listAudit(t.core.requireActive().db, 30)
      .filter((e) => e.target === `contact:${kept.id}` && e.action.startsWith('privacy.restrict'))
      .map((e) => e.action);
    expect(onPerson.reverse()).toEqual(['privacy.restricted', 'privacy.restrictionLifted', 'privacy.restricted']);

    value(await t.call('privacy.liftRestriction', { entity: 'contact', id: kept.id }));
    expect((await detail(t, kept.id)).record.values).toMatchObject({ restricted_since: null, restriction_ground: null });
    expect(errorOf(await t.call('privacy.liftRestriction', { entity: 'contact', id: kept.id }))).toMatchObject({ code: 'CONFLICT', messageId: 'records.notRestricted' });
    expect(listAudit(t.core.requireActive().db, 30).some((e) => e.action === 'privacy.restrictionLifted' && e.target === `contact:${kept.id}`)).toBe(true);
  });

  it('is for the privacy officer only, and no form sets it', async () => {
    const { t, kept } = await twoPeople();
    await switchToAdmin(t);
    expect(errorOf(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'unlawfulKept' })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.call('records.update', { entity: 'contact', id: kept.id, values: { restricted_since: '2026-01-01' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.call('records.create', { entity: 'contact', values: { last_name: 'Nieuw', restriction_ground: 'unlawfulKept' } })).code).toBe('FORBIDDEN');
    // Only the four grounds of art. 18(1).
    await signInAsNewUser(t, 'piet', 'privacy');
    expect(errorOf(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'becauseISaySo' })).code).toBe('VALIDATION');
    expect((await detail(t, kept.id)).record.values.restricted_since).toBeNull();
  });

  it('keeps the record as it is: no edit, no trash, no erasure, no import over it; other people are untouched', async () => {
    const { t, kept, other, officer } = await twoPeople();
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'unlawfulKept' }));
    // Not even the privacy officer erases a person they restricted: lift it first.
    expect(errorOf(await t.call('records.deleteImpact', { entity: 'contact', ids: [kept.id], mode: 'erase' }))).toMatchObject({
      code: 'CONFLICT',
      messageId: 'records.restrictedNoErasure',
    });

    await switchToAdmin(t);
    const page = await detail(t, kept.id);
    expect(page.allowed).toEqual({ update: false, delete: false });
    expect((await detail(t, other.id)).allowed).toEqual({ update: true, delete: true });
    const refused = errorOf(await t.call('records.update', { entity: 'contact', id: kept.id, values: { job_title: 'Directeur' } }));
    expect(refused).toMatchObject({ code: 'CONFLICT', messageId: 'records.restrictedNoChange' });
    expect(JSON.stringify(refused)).toContain(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date()));
    expect(errorOf(await t.call('records.deleteImpact', { entity: 'contact', ids: [kept.id], mode: 'trash' }))).toMatchObject({
      code: 'CONFLICT',
      messageId: 'records.restrictedNoDeletion',
    });
    // Asked with others, the refusal names the one who is kept.
    const refusedBulk = errorOf(await t.call('records.delete', { entity: 'contact', ids: [other.id, kept.id] }));
    expect(refusedBulk).toMatchObject({ code: 'CONFLICT', messageId: 'records.restrictedNoDeletion' });
    expect((refusedBulk as unknown as { message: string }).message).toMatch(/^Processing of the data of Bewaar Mij has been restricted since /);
    // Nothing moved: not the restricted person, nor the other one asked with them.
    expect((await detail(t, other.id)).record.values.last_name).toBe('Klant');
    expect((await detail(t, kept.id)).record.values.job_title).toBe('Inkoper');
    value(await t.call('records.update', { entity: 'contact', id: other.id, values: { job_title: 'Directeur' } }));

    // An import that merges into the person (matched by e-mail) is refused for that row alone.
    const plain = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Met', last_name: 'Mail', email: 'met@example.nl' } }));
    await switchToUser(t, 'pia', officer.secret);
    value(await t.call('privacy.restrict', { entity: 'contact', id: plain.id, ground: 'objectionPending' }));
    await switchToAdmin(t);
    const file = Buffer.from(['First name,Last name,E-mail,Job title', 'Met,Mail,met@example.nl,Baas', 'Nieuw,Mens,nieuw@example.nl,Kok'].join('\n')).toString('base64');
    const preview = value<ImportPreview>(await t.call('import.preview', { entity: 'contact', file }));
    // The check step says it before the choice, as the run will.
    expect(preview.duplicates).toEqual([{ row: 2, value: 'met@example.nl', restricted: true }]);
    const run = value<ImportSummary>(await t.call('import.run', { entity: 'contact', file, mapping: preview.suggestedMapping, duplicates: 'merge', jobId: 'import-restricted-1' }));
    expect(run).toMatchObject({ imported: 1, merged: 0 });
    expect(run.failed).toEqual([expect.objectContaining({ row: 2, reasons: [expect.objectContaining({ message: expect.objectContaining({ id: 'records.restrictedNoChange' }) })] })]);
    expect((await detail(t, plain.id)).record.values.job_title).toBeNull();
  });

  it('leaves the person out of exports and the retention review, and says how many it left out', async () => {
    const { t, kept } = await twoPeople();
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'neededForClaims' }));
    // The restriction is old enough for the review; the person is still not on it.
    const longAgo = new Date();
    longAgo.setFullYear(longAgo.getFullYear() - 5);
    t.core.requireActive().db.prepare('UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?').run(longAgo.toISOString(), longAgo.toISOString(), kept.id);
    expect(value<{ people: { id: number }[] }>(await t.call('privacy.retentionReview', {})).people.map((p) => p.id)).not.toContain(kept.id);

    await switchToAdmin(t);
    const file = await exported(t);
    expect(file).toMatchObject({ count: 1, restricted: 1 });
    expect(file.csv).toContain('Klant');
    expect(file.csv).not.toContain('Bewaar');
    expect(file.csv).not.toContain('Processing restricted');
    // An activity about her stays in its export, without her name.
    value(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Teruggebeld', contact_id: kept.id } }));
    const activities = value<{ csv: string; count: number; restricted: number }>(await t.call('records.export', { entity: 'activity' }));
    expect(activities).toMatchObject({ count: 1, restricted: 1 });
    expect(activities.csv).toContain('Teruggebeld');
    expect(activities.csv).not.toContain('Bewaar');
  });

  it('a payment reminder goes to the organisation, not to a restricted person, and does not name them', async () => {
    const { t, kept } = await twoPeople();
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'accuracyContested' }));
    await switchToAdmin(t);
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Drukkerij Mij' } }));
    const invoice = value<RecordView>(
      await t.call('records.create', { entity: 'invoice', values: { number: 'F-18', organisation_id: org.id, contact_id: kept.id, amount_cents: 5000, due_on: '2026-01-31', status: 'sent' } }),
    );
    await signInAsNewUser(t, 'fenna', 'finance');
    const letter = value<{ text: string }>(await t.call('invoices.sendReminder', { id: invoice.id }));
    expect(letter.text).toContain('Geachte heer, mevrouw');
    expect(letter.text).not.toContain('Bewaar');
  });

  it('refuses a deletion that would take the restricted person\'s activities along', async () => {
    const { t, kept } = await twoPeople();
    await switchToAdmin(t);
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'De Ploeg BV' } }));
    const call = value<RecordView>(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Over het verzoek', organisation_id: org.id, contact_id: kept.id } }));
    await signInAsNewUser(t, 'piet', 'privacy');
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'accuracyContested' }));
    await switchToAdmin(t);
    expect(errorOf(await t.call('records.deleteImpact', { entity: 'organisation', ids: [org.id], mode: 'trash' }))).toMatchObject({
      code: 'CONFLICT',
      messageId: 'records.restrictedNoDeletion',
    });
    expect(errorOf(await t.call('records.delete', { entity: 'organisation', ids: [org.id] })).code).toBe('CONFLICT');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'activity', id: call.id })).record.values.subject).toBe('Over het verzoek');
  });
});

describe('new links to a restricted person', () => {
  it('refuse a deal, made or moved onto them, under its contact field; a call about the request, a consent and an invoice may still name them', async () => {
    const { t, kept, other } = await twoPeople();
    await switchToAdmin(t);
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'De Ploeg BV' } }));
    const deal = value<RecordView>(await t.call('records.create', { entity: 'deal', values: { title: 'Ploegen', organisation_id: org.id, contact_id: kept.id, stage: 'lead' } }));
    const otherDeal = value<RecordView>(await t.call('records.create', { entity: 'deal', values: { title: 'Eggen', organisation_id: org.id, contact_id: other.id, stage: 'lead' } }));
    await signInAsNewUser(t, 'piet', 'privacy');
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'objectionPending' }));
    await switchToAdmin(t);

    const refusedNew = errorOf(await t.call('records.create', { entity: 'deal', values: { title: 'Zaaien', organisation_id: org.id, contact_id: kept.id, stage: 'lead' } }));
    expect(refusedNew).toMatchObject({ code: 'CONFLICT', messageId: 'records.restrictedNoNewDeal', details: { fieldMessages: { contact_id: { id: 'records.restrictedNoNewDeal' } } } });
    expect((refusedNew as unknown as { message: string }).message).toMatch(/^Processing of the data of Bewaar Mij has been restricted since /);
    expect(errorOf(await t.call('records.update', { entity: 'deal', id: otherDeal.id, values: { contact_id: kept.id } }))).toMatchObject({ messageId: 'records.restrictedNoNewDeal' });
    // The deal that named them before stays as it is and may still be worked on.
    value(await t.call('records.update', { entity: 'deal', id: deal.id, values: { stage: 'won', contact_id: kept.id } }));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'deal', id: otherDeal.id })).record.values.contact_id).toBe(other.id);

    value(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Over het verzoek', contact_id: kept.id } }));
    value(await t.call('records.create', { entity: 'consent', values: { contact_id: kept.id, purpose: 'Nieuwsbrief', source: 'Telefoon', given_at: localDay() } }));
    value(await t.call('records.create', { entity: 'invoice', values: { number: 'R-1', organisation_id: org.id, contact_id: kept.id, amount_cents: 100, due_on: '2026-12-31', status: 'draft' } }));
  });
});

describe('undo and redo over a restriction', () => {
  it('do not bring a deal back onto a restricted person, made or moved; a deal that stayed theirs comes back from the trash', async () => {
    const { t, kept, other, officer } = await twoPeople();
    await switchToAdmin(t);
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'De Ploeg BV' } }));
    // A deal made with her, then undone; a deal moved off her; a deal of hers moved to the trash.
    value(await t.call('records.create', { entity: 'deal', values: { title: 'Ploegen', organisation_id: org.id, contact_id: kept.id, stage: 'lead' } }));
    value(await t.call('history.undo'));
    const moved = value<RecordView>(await t.call('records.create', { entity: 'deal', values: { title: 'Eggen', organisation_id: org.id, contact_id: kept.id, stage: 'lead' } }));
    value(await t.call('records.update', { entity: 'deal', id: moved.id, values: { contact_id: other.id } }));
    const trashed = value<RecordView>(await t.call('records.create', { entity: 'deal', values: { title: 'Zaaien', organisation_id: org.id, contact_id: kept.id, stage: 'lead' } }));
    value(await t.call('records.delete', { entity: 'deal', ids: [trashed.id] }));

    await switchToUser(t, 'pia', officer.secret);
    value(await t.call('privacy.restrict', { entity: 'contact', id: kept.id, ground: 'objectionPending' }));
    await switchToAdmin(t);

    // The trashed deal comes back as it was: no new link.
    value(await t.call('history.undo'));
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'deal', id: trashed.id })).record.values.contact_id).toBe(kept.id);
    value(await t.call('history.undo'));
    // Undoing the creation of that deal takes it away; but undoing the move would put a deal back onto her.
    expect(errorOf(await t.call('history.undo'))).toMatchObject({ code: 'CONFLICT', messageId: 'records.restrictedNoNewDeal' });
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'deal', id: moved.id })).record.values.contact_id).toBe(other.id);
  });
});
