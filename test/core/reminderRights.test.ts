/**
 * A payment reminder hands its letter to the sender, so the letter holds only what the sender may
 * read in full: a name or an address line they see masked or not at all is left out. The note the
 * core adds to the timeline links the invoice's contact whether or not the sender may read them.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { RecordView, ReminderLetter } from '../../shared/recordTypes';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const finance = BUILT_IN_ROLES.find((role) => role.id === 'finance')!.rights;

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function overdueInvoice(t: Installed) {
  const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks', street: 'Geheime Steeg 13', postal_code: '5611 AB', city: 'Eindhoven' });
  const contact = await create(t, 'contact', { first_name: 'Erik', last_name: 'Wissel', organisation_id: org.id, preferred_language: 'en' });
  const invoice = await create(t, 'invoice', { number: '2026-0042', organisation_id: org.id, contact_id: contact.id, amount_cents: 12_500, due_on: '2026-10-01', status: 'sent' });
  return { org, contact, invoice };
}

describe('a payment reminder sent by someone who may not read everything', () => {
  it('leaves out of the letter the name and address lines the sender sees masked or not at all', async () => {
    const t = await signedInAdmin();
    const { invoice } = await overdueInvoice(t);
    await signInAsNewUser(t, 'fenna', 'finance', {
      overrides: [
        { right: 'field:contact.last_name', effect: 'deny' },
        { right: 'field:contact.preferred_language', effect: 'deny' },
        { right: 'field:organisation.street', effect: 'deny' },
      ],
    });
    const letter = value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
    expect(letter.text).not.toContain('Wissel');
    expect(letter.text).not.toContain('Geheime Steeg');
    // The contact's language is theirs to read too: without it, the letter is in Dutch.
    expect(letter.text).toContain('Geachte heer, mevrouw,');
    expect(letter.text).toContain('Drukkerij Hendriks\n5611 AB Eindhoven');
    expect(letter.text).toContain('factuur 2026-0042');
    // Entered in Kluis today, after it was due: its stamped issue day is not its date, and is not written.
    expect(letter.text).toMatch(/factuur 2026-0042, voor €\s/);
  });

  it('goes out, and its note links the contact, for a sender whose read scope leaves the contact out', async () => {
    const t = await signedInAdmin();
    const { contact, invoice } = await overdueInvoice(t);
    const records = { ...finance.records, contact: { ...finance.records.contact, read: 'own' as const } };
    const role = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Finance, own contacts', nl: 'Financiën, eigen contacten' }, rights: { ...finance, records } }));
    await signInAsNewUser(t, 'fenna', role.id);
    // Issued before it was due: the day it was issued is how the customer finds it in their books.
    t.core.requireActive().db.prepare('UPDATE invoices SET issued_on = ? WHERE id = ?').run('2026-09-01', invoice.id);
    const letter = value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
    expect(letter.text).not.toContain('Erik');
    expect(letter.text).toContain('Geachte heer, mevrouw,');
    expect(letter.text).toMatch(/factuur 2026-0042 van 1 september 2026, voor €\s125,00 en met vervaldatum 1 oktober 2026, nog niet betaald\./);
    const note = t.core.requireActive().db.prepare("SELECT contact_id FROM activities WHERE subject LIKE 'Betalingsherinnering%'").get() as { contact_id: number };
    expect(note.contact_id).toBe(contact.id);
  });

  it('is refused when the sender may not read the invoice’s amount, which the letter must state', async () => {
    const t = await signedInAdmin();
    const { invoice } = await overdueInvoice(t);
    await signInAsNewUser(t, 'fenna', 'finance', { overrides: [{ right: 'field:invoice.amount_cents', effect: 'deny' }] });
    expect(refusal(await t.call('invoices.sendReminder', { id: invoice.id }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.reminderNeedsFields' });
  });

  it.each(['due_on', 'status'])('is refused alike for every invoice when the sender may not read its %s, so the refusal tells nothing of it', async (field) => {
    const t = await signedInAdmin();
    const { invoice: overdue } = await overdueInvoice(t);
    const notDue = await create(t, 'invoice', { number: '2026-0043', organisation_id: overdue.values.organisation_id, amount_cents: 9_900, due_on: '2099-01-01', status: 'sent' });
    const paid = await create(t, 'invoice', { number: '2026-0044', organisation_id: overdue.values.organisation_id, amount_cents: 9_900, due_on: '2026-01-01', status: 'paid' });
    await signInAsNewUser(t, 'fenna', 'finance', { overrides: [{ right: `field:invoice.${field}`, effect: 'deny' }] });
    for (const invoice of [overdue, notDue, paid]) {
      expect(refusal(await t.call('invoices.sendReminder', { id: invoice.id }))).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.reminderNeedsFields' });
    }
  });
});
