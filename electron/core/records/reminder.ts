/**
 * The payment reminder: a letter for an unpaid invoice, in the contact's language (Dutch unless
 * they prefer English), and a record that it was sent — on the invoice and in the timeline.
 */
import { reminderFileName } from '../../../shared/fileNames';
import { localDay, longDay } from '../../../shared/localDay';
import type { ReminderLetter } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';
import { KluisError } from '../errors';
import { getMeta } from '../install/meta';
import { audit } from '../session/openInstall';
import { activeFields } from './fields';
import { restrictedSince } from './restriction';
import { readRow, titleOf, type Row } from './rows';
import { insertRecord, readableInFull, readableLinkTarget, requireRow, requireRowFor, searchableKeys, titleReadable, visibleFields, type WriteContext } from './service';

function euros(cents: number, language: 'nl' | 'en'): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

function letterText(language: 'nl' | 'en', parts: { sender: string; customer: Row; contactName: string | null; invoice: Row; today: string }): string {
  const { sender, customer, contactName, invoice, today } = parts;
  const address = [customer.name, customer.street, [customer.postal_code, customer.city].filter(Boolean).join(' ')].filter(Boolean).join('\n');
  const amount = euros(invoice.amount_cents as number, language);
  const dueOn = longDay(String(invoice.due_on), language);
  const dated = longDay(today, language);
  // The day it was issued, where the sender may read it: how the customer finds it in their books.
  // Not when it is after the due day: the invoice was entered in Kluis after it went out, on a day
  // that is not its date (the day is stamped on entry), and the letter would contradict itself.
  const issuedOn = typeof invoice.issued_on === 'string' && invoice.issued_on !== '' && invoice.issued_on <= String(invoice.due_on) ? invoice.issued_on : null;
  const issued = issuedOn === null ? null : longDay(issuedOn, language);
  if (language === 'en') {
    return [
      sender,
      '',
      address,
      '',
      dated,
      '',
      `Subject: payment reminder for invoice ${invoice.number}`,
      '',
      contactName ? `Dear ${contactName},` : 'Dear Sir or Madam,',
      '',
      `According to our records, invoice ${invoice.number}${issued ? ` of ${issued}` : ''}, for ${amount} and due on ${dueOn}, has not been paid yet.`,
      'We kindly ask you to pay the amount within 14 days. If you have paid it in the meantime, please disregard this letter.',
      '',
      'Kind regards,',
      '',
      sender,
      '',
    ].join('\n');
  }
  return [
    sender,
    '',
    address,
    '',
    dated,
    '',
    `Onderwerp: betalingsherinnering factuur ${invoice.number}`,
    '',
    contactName ? `Beste ${contactName},` : 'Geachte heer, mevrouw,',
    '',
    `Volgens onze administratie is factuur ${invoice.number}${issued ? ` van ${issued}` : ''}, voor ${amount} en met vervaldatum ${dueOn}, nog niet betaald.`,
    'Wij verzoeken u vriendelijk het bedrag binnen 14 dagen te voldoen. Heeft u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.',
    '',
    'Met vriendelijke groet,',
    '',
    sender,
    '',
  ].join('\n');
}

/**
 * What a letter must state of the invoice, the status whether one may go out at all, and the day
 * the last one went out, so a second the same day is refused knowingly. Checked before anything is
 * said of the invoice: a refusal for "paid", "not yet due" or "sent today" would otherwise tell a
 * sender who may not read the status, the due day or the last reminder what they hold.
 */
const LETTER_INVOICE_FIELDS = ['number', 'amount_cents', 'due_on', 'status', 'reminder_sent_at'] as const;

/** The values of `row` the caller may read in full (not masked, not hidden). */
function readableFor(ctx: WriteContext, entity: EntityName, row: Row): Row {
  const readable = visibleFields(ctx.db, ctx.access, entity).filter((field) => field.access !== 'masked');
  return Object.fromEntries(readable.map((field) => [field.key, row[field.key] ?? null]));
}

/** A record the invoice links to, as far as the caller may read the link, the record and its values. */
function readLink(ctx: WriteContext, invoice: Row, key: 'organisation_id' | 'contact_id', target: Row | null): Row | null {
  if (!target || !(key in readableFor(ctx, 'invoice', invoice))) return null;
  const entity = key === 'organisation_id' ? 'organisation' : 'contact';
  return readableLinkTarget(ctx.db, ctx.access, entity, target.id as number) ? readableFor(ctx, entity, target) : null;
}

export function sendPaymentReminder(ctx: WriteContext, invoiceId: number): ReminderLetter {
  const invoice = requireRowFor(ctx, 'invoice', invoiceId, 'update');
  if (!readableInFull(ctx.access, 'invoice', LETTER_INVOICE_FIELDS)) throw new KluisError('FORBIDDEN', 'records.reminderNeedsFields');
  if (invoice.status === 'paid') throw new KluisError('CONFLICT', 'records.reminderPaid');
  if (invoice.status === 'draft') throw new KluisError('CONFLICT', 'records.reminderDraft');
  const now = new Date();
  // The day the reminder is sent is the sender's day: in UTC it is still yesterday just after midnight here.
  const today = localDay(now);
  // A letter saying an invoice "is not paid" before it had to be is wrong, and tells a customer off.
  if ((invoice.due_on as string) >= today) throw new KluisError('CONFLICT', 'records.reminderNotDue');
  // A second press, or a colleague's, would send the customer two letters in one day. One sent by
  // mistake is taken back with Ctrl+Z, after which a new one may go.
  if (invoice.reminder_sent_at === today) throw new KluisError('CONFLICT', 'records.reminderSentToday');
  const customer = requireRow(ctx.db, 'organisation', invoice.organisation_id as number);
  const contact = typeof invoice.contact_id === 'number' ? readRow(ctx.db, 'contact', invoice.contact_id) : null;
  // A person whose processing is restricted is not written to, nor named: the reminder goes to the
  // organisation ("Dear Sir or Madam"), whose debt it is (restriction.ts).
  const livingContact = contact && !contact.deleted_at && restrictedSince(contact) === null ? contact : null;
  // The letter is handed to the sender, so it holds only what the sender may read in full: the
  // invoice's number, amount and due day are its point; an address line or a name they see masked
  // or not at all is left out ("Dear Sir or Madam").
  const shown = {
    invoice: readableFor(ctx, 'invoice', invoice),
    customer: readLink(ctx, invoice, 'organisation_id', customer),
    contact: readLink(ctx, invoice, 'contact_id', livingContact),
  };
  const language = shown.contact?.preferred_language === 'en' ? 'en' : 'nl';
  const contactTitle = livingContact && shown.contact && titleReadable(ctx.access, 'contact') ? titleOf('contact', livingContact) : null;
  const text = letterText(language, {
    sender: getMeta(ctx.db, 'org_name') ?? '',
    customer: shown.customer ?? {},
    contactName: contactTitle,
    invoice: shown.invoice,
    today,
  });

  const after: Row = {
    ...invoice,
    reminder_sent_at: today,
    status: 'overdue',
    updated_at: now.toISOString(),
  };
  ctx.command.write({ entity: 'invoice', id: invoiceId, before: invoice, after }, searchableKeys(activeFields(ctx.db, 'invoice')));
  insertRecord(ctx, 'activity', {
    kind: 'note',
    subject: language === 'en' ? `Payment reminder sent for invoice ${invoice.number}` : `Betalingsherinnering verstuurd voor factuur ${invoice.number}`,
    due_at: today,
    done: true,
    organisation_id: customer.id,
    ...(livingContact ? { contact_id: livingContact.id } : {}),
  }, { asConsequence: true });
  audit(ctx.open, { actor: ctx.user.id, action: 'finance.reminderSent', target: `invoice:${invoiceId}` });
  return { fileName: reminderFileName(language, String(invoice.number)), text, sentAt: now.toISOString() };
}
