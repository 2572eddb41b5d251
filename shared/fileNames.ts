/**
 * The names of the files Kluis saves, in the language of the one who reads them: a Dutch window
 * saves `kluis-contactpersonen-2026-11-30.csv` and `inzageverzoek-2026-11-30-contactpersoon-7.json`,
 * an English one `kluis-contacts-…` and `access-request-…`; a reminder letter is named in the
 * letter's own language. Names are lower-case ASCII letters, digits and hyphens: safe on every file
 * system, in a mail attachment and on a command line. They name a kind, a day and an id, never a
 * person: a file name shows up in folders, recent-file lists and backups.
 */
import { ENTITIES, type EntityName, type Localized } from './registry';

export type FileLanguage = keyof Localized;

/** "Contactpersonen" → "contactpersonen", "Activités" → "activites": a word safe in a file name. */
export function fileNameWord(words: string): string {
  return words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A list exported as CSV: `kluis-facturen-2026-11-30.csv`. */
export function exportFileName(entity: EntityName, language: FileLanguage, day: string): string {
  return `kluis-${fileNameWord(ENTITIES[entity].label.plural[language])}-${day}.csv`;
}

const ACCESS_REQUEST: Localized = { en: 'access-request', nl: 'inzageverzoek' };

/**
 * A person's access request (GDPR art. 15): `access-request-2026-11-30-contact-7.json`, and its
 * readable copy `….html`.
 */
export function accessReportFileName(language: FileLanguage, day: string, contactId: number, extension: 'json' | 'html' = 'json'): string {
  return `${ACCESS_REQUEST[language]}-${day}-${fileNameWord(ENTITIES.contact.label.singular[language])}-${contactId}.${extension}`;
}

const RECOVERY_CODES: Localized = { en: 'kluis-recovery-codes', nl: 'kluis-herstelcodes' };

/** A user's recovery codes, saved at enrolment: `kluis-herstelcodes.txt`. */
export function recoveryCodesFileName(language: FileLanguage): string {
  return `${RECOVERY_CODES[language]}.txt`;
}

const PAYMENT_REMINDER: Localized = { en: 'payment-reminder', nl: 'betalingsherinnering' };

/** A payment reminder letter, named in the letter's language: `betalingsherinnering-2026-0042.txt`. */
export function reminderFileName(language: FileLanguage, invoiceNumber: string): string {
  return `${PAYMENT_REMINDER[language]}-${invoiceNumber.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}.txt`;
}

const RECIPIENTS: Localized = { en: 'recipients', nl: 'ontvangers' };

/**
 * The people a published campaign goes to: `kluis-campagne-7-ontvangers-2026-12-03.csv`. The
 * campaign by its id, as the access request names its person.
 */
export function recipientsFileName(language: FileLanguage, day: string, campaignId: number): string {
  return `kluis-${fileNameWord(ENTITIES.campaign.label.singular[language])}-${campaignId}-${RECIPIENTS[language]}-${day}.csv`;
}
