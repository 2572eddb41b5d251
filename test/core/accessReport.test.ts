/**
 * The answer to an access request (GDPR art. 15 and 20), `privacy.accessReport`: everything held
 * about one person, in full, with purpose, legal basis and retention per value; only for the task
 * `privacy.dsar` and after a fresh second factor; audited with counts only.
 */
import { describe, expect, it } from 'vitest';
import type { AccessReport } from '../../shared/accessReportTypes';
import { BUILT_IN_ROLES } from '../../shared/access';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, totpAt, type Installed, type TestCore } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorCode(result: { ok: boolean }): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { code: string } }).error.code;
}

async function create(t: TestCore, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

const PERSON = { first_name: 'Wilhelmina', last_name: 'Quakernaat', email: 'w.quakernaat@vlasbloem.example', phone: '+31 6 9753 1864', notes: 'Belt liever na vieren' };

/** The admin enters a person with a consent, an activity, a deal and an invoice. */
async function personWithRecords(t: Installed): Promise<{ contact: RecordView; ids: Record<string, number> }> {
  const org = await create(t, 'organisation', { name: 'Vlasbloem BV' });
  const contact = await create(t, 'contact', { ...PERSON, organisation_id: org.id });
  const consent = await create(t, 'consent', { contact_id: contact.id, purpose: 'Nieuwsbrief', source: 'Beurs', given_at: '2026-03-01' });
  const activity = await create(t, 'activity', { kind: 'call', subject: 'Quakernaat terugbellen', contact_id: contact.id });
  const deal = await create(t, 'deal', { title: 'Vlasvezels', stage: 'lead', contact_id: contact.id });
  const invoice = await create(t, 'invoice', { number: 'F-2026-001', organisation_id: org.id, contact_id: contact.id, amount_cents: 12_500, due_on: '2026-12-31', status: 'sent' });
  return { contact, ids: { consent: consent.id, activity: activity.id, deal: deal.id, invoice: invoice.id } };
}

/**
 * A copy of the Privacy officer role that sees the phone masked and the notes not at all (built-in
 * roles cannot be changed): the report must not depend on what the officer's field rights show.
 */
async function privacyRoleWithMaskedFields(t: Installed): Promise<string> {
  const privacy = BUILT_IN_ROLES.find((r) => r.id === 'privacy')!;
  const rights = { ...privacy.rights, fields: { 'contact.phone': 'masked', 'contact.notes': 'hidden' } };
  return value<{ id: string }>(await t.call('roles.save', { name: { en: 'Privacy (front desk)', nl: 'Privacy (balie)' }, rights })).id;
}

describe('an access request (privacy.accessReport)', () => {
  it('hands over every value, unmasked, with purpose, legal basis and retention, and what is linked to the person', async () => {
    const t = await signedInAdmin();
    const { contact, ids } = await personWithRecords(t);
    await signInAsNewUser(t, 'pia', await privacyRoleWithMaskedFields(t));

    // On the record's page the officer sees the phone masked and no notes …
    const page = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id }));
    expect(page.record.values.phone).toMatch(/^••••/);
    expect(page.record.values).not.toHaveProperty('notes');

    // … the report holds them in full: the right of access is to everything held.
    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    expect(report).toMatchObject({ format: 'kluis.accessReport', version: 2, organisation: ADMIN.orgName });
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    const held = Object.fromEntries(report.subject.values.map((v) => [v.key, v.value]));
    expect(held).toMatchObject(PERSON);
    expect(report.subject).toMatchObject({ entity: 'contact', id: contact.id, inTrash: false, deletedAt: null });
    expect(report.subject.createdAt).toBe(contact.createdAt);

    // Art. 15(1)(a)–(d): why, on what ground and for how long, per value.
    const email = report.subject.values.find((v) => v.key === 'email')!;
    expect(email).toMatchObject({
      label: { en: 'E-mail', nl: 'E-mailadres' },
      purpose: { en: 'Writing to the person about the business relationship' },
      legalBasis: 'contract',
      legalBasisLabel: { en: 'Contract', nl: 'Overeenkomst' },
      retention: { en: 'While the business relationship lasts, then 2 years' },
    });
    for (const v of report.subject.values) {
      expect(v.purpose.en, v.key).not.toBe('');
      expect(v.retention.en, v.key).not.toBe('');
    }
    expect(report.subject.values.find((v) => v.key === 'organisation_id')).toMatchObject({ linkTitle: 'Vlasbloem BV' });

    // What points at the person, each with its values.
    const linked = Object.fromEntries(report.linked.map((r) => [r.entity, r]));
    expect(Object.keys(linked).sort()).toEqual(['activity', 'consent', 'deal', 'invoice']);
    expect(linked.consent).toMatchObject({ id: ids.consent, via: 'contact_id', inTrash: false });
    expect(linked.consent!.values.find((v) => v.key === 'purpose')).toMatchObject({ value: 'Nieuwsbrief', legalBasis: 'legalObligation' });
    expect(linked.activity!.values.find((v) => v.key === 'subject')?.value).toBe('Quakernaat terugbellen');
    expect(linked.invoice).toMatchObject({ id: ids.invoice });
    expect(linked.invoice!.values.find((v) => v.key === 'amount_cents')?.value).toBe(12_500);

    // The audit entries about the person and about what is linked to them: ids and actions, no values.
    expect(report.audit.map((e) => `${e.action} ${e.target}`)).toEqual([
      `records.created contact:${contact.id}`,
      `records.created consent:${ids.consent}`,
      `records.created activity:${ids.activity}`,
      `records.created deal:${ids.deal}`,
      `records.created invoice:${ids.invoice}`,
    ]);
    expect(Object.keys(report.audit[0]!).sort()).toEqual(['action', 'actorId', 'at', 'seq', 'target']);
    // Not the organisation's entry: it is linked from the person, not about them.
    expect(report.audit.some((e) => e.target.startsWith('organisation:'))).toBe(false);

    // The report itself is audited, with counts only.
    const { db } = t.core.requireActive();
    const entry = db.prepare("SELECT actor, target, details FROM audit_log WHERE action = 'privacy.accessReported'").get() as { actor: number; target: string; details: string };
    expect(entry.target).toBe(`contact:${contact.id}`);
    expect(JSON.parse(entry.details)).toEqual({ values: report.subject.values.length, linked: 4, auditEntries: 5, pastChanges: 5, inTrash: false });
    for (const text of Object.values(PERSON)) expect(entry.details).not.toContain(text);
  });

  it('holds the past values the undo history keeps: an earlier e-mail address, an undone change, a linked record\'s old value', async () => {
    const t = await signedInAdmin();
    const { contact, ids } = await personWithRecords(t);
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { email: 'wq@oud-adres.example' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { email: PERSON.email, job_title: 'Inkoper' } }));
    value(await t.call('records.update', { entity: 'consent', id: ids.consent!, values: { source: 'Website' } }));
    // A field switched off takes its past values out of the journal too, so they are not reported.
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { notes: 'Liever per post' } }));
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'notes', enabled: false, confirmValueCount: 1 }));
    // Undone, and kept while it could be redone (the admin's next change would drop it): still held.
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { phone: '+31 6 1111 2222' } }));
    value(await t.call('history.undo'));
    await signInAsNewUser(t, 'pia', 'privacy');

    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    expect(report.history.keptForDays).toBe(30);
    const person = `contact:${contact.id}`;
    const summary = report.history.changes.map((c) => `${c.verb} ${c.target} ${c.state}: ${c.values.map((v) => `${v.key} ${v.before} -> ${v.after}`).join(', ')}`);
    expect(summary).toEqual([
      `create ${person} done: first_name null -> Wilhelmina, last_name null -> Quakernaat, organisation_id null -> ${contact.values.organisation_id}, email null -> ${PERSON.email}, phone null -> ${PERSON.phone}`,
      `create consent:${ids.consent} done: contact_id null -> ${contact.id}, purpose null -> Nieuwsbrief, source null -> Beurs, given_at null -> 2026-03-01`,
      expect.stringMatching(new RegExp(`^create activity:${ids.activity} done: `)),
      expect.stringMatching(new RegExp(`^create deal:${ids.deal} done: `)),
      expect.stringMatching(new RegExp(`^create invoice:${ids.invoice} done: `)),
      `update ${person} done: email ${PERSON.email} -> wq@oud-adres.example`,
      `update ${person} done: job_title null -> Inkoper, email wq@oud-adres.example -> ${PERSON.email}`,
      `update consent:${ids.consent} done: source Beurs -> Website`,
      `update ${person} undone: phone ${PERSON.phone} -> +31 6 1111 2222`,
    ]);
    expect(report.history.changes[5]!.values[0]!.label).toEqual({ en: 'E-mail', nl: 'E-mailadres' });
    expect(JSON.stringify(report.history)).not.toContain('Liever per post');
    expect(JSON.stringify(report.history)).not.toContain(PERSON.notes);
  });

  it('includes a person in the trash, and their trashed records, marked as in the trash: they are still held', async () => {
    const t = await signedInAdmin();
    const { contact } = await personWithRecords(t);
    // The activity and the consent go along into the trash; deal and invoice only keep or lose the link.
    const impact = value<{ total: number }>(await t.call('records.deleteImpact', { entity: 'contact', ids: [contact.id], mode: 'trash' }));
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id], reviewedTotal: impact.total }));
    await signInAsNewUser(t, 'pia', 'privacy');

    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    expect(report.subject.inTrash).toBe(true);
    expect(report.subject.deletedAt).not.toBeNull();
    expect(report.subject.values.find((v) => v.key === 'email')?.value).toBe(PERSON.email);
    expect(report.linked.filter((r) => r.inTrash).map((r) => r.entity).sort()).toEqual(['activity', 'consent']);
    expect(report.audit.filter((e) => e.target === `contact:${contact.id}`).map((e) => e.action)).toEqual(['records.created', 'records.deleted']);
  });

  it('is FORBIDDEN without the task, NOT_FOUND for no such person, and needs a fresh second factor', async () => {
    const t = await signedInAdmin();
    const { contact } = await personWithRecords(t);
    // The administrator does not answer access requests: that is the privacy officer's task.
    expect(errorCode(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }))).toBe('FORBIDDEN');
    await signInAsNewUser(t, 'otto', 'office');
    expect(errorCode(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }))).toBe('FORBIDDEN');
    expect(errorCode(await t.call('privacy.accessReport', { entity: 'organisation', id: 1 }))).toBe('VALIDATION');

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const pia = await signInAsNewUser(t, 'pia', 'privacy');
    expect(errorCode(await t.call('privacy.accessReport', { entity: 'contact', id: 9_999 }))).toBe('NOT_FOUND');
    t.clock.advance(6 * 60);
    expect(errorCode(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }))).toBe('STEP_UP_REQUIRED');
    value(await t.call('session.stepUp', { code: totpAt(pia.secret, t.clock) }));
    value(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    const { db } = t.core.requireActive();
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'privacy.accessReported'").pluck().get()).toBe(1);
  });

  it('is not answered in a preview of the privacy officer\'s view: the admin would borrow a task they do not hold', async () => {
    const t = await signedInAdmin();
    const { contact } = await personWithRecords(t);
    const officer = value<{ user: { id: number } }>(await t.call('users.create', { username: 'pia', displayName: 'Pia', role: 'privacy' })).user;
    value(await t.call('access.viewAs', { userId: officer.id }));
    const refused = await t.call('privacy.accessReport', { entity: 'contact', id: contact.id });
    // A preview holds only what both may do (previewAccess): the admin lacks privacy.dsar, so the
    // channel's right refuses it; an admin who holds it meets session.previewNoAccessReport
    // (test/core/viewAsBounds.test.ts).
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageId: 'common.noRight', values: { right: { en: 'Answer access requests (DSAR)' } } } });
    const { db } = t.core.requireActive();
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'privacy.accessReported'").pluck().get()).toBe(0);
  });
});
