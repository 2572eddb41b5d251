/**
 * Restriction of processing (GDPR art. 18). On one of the four grounds of art. 18(1) a person may
 * ask that their data is kept but no longer used: while the accuracy they contest is checked,
 * instead of an erasure they oppose, for a legal claim of theirs, or while their objection is
 * weighed. The privacy officer records it and lifts it again (restrictProcessing.ts).
 *
 * While it stands, Kluis keeps the person's record as it is: nobody changes it, moves it to the
 * trash, deletes it for good or erases it, and exports leave it out. It stays readable, so whoever
 * opens it sees the restriction and why it is there (as far as they may read the ground).
 */
import { longDay } from '../../../shared/localDay';
import type { EntityName } from '../../../shared/registry';
import type { Db } from '../db/open';
import { fieldErrorDetails, KluisError } from '../errors';
import { readRow, type Row } from './rows';

/**
 * The links to a person that a restriction refuses, by kind and field: a deal is new processing for
 * a sale, which none of art. 18(2)'s exceptions covers. An activity (their request, logged), a
 * consent (art. 18(2) itself) and an invoice (a debt, a legal claim) may still name them.
 */
const LINKS_REFUSED: ReadonlySet<string> = new Set(['deal.contact_id']);

/** The two fields the action sets; no form, import or export touches them. */
export const RESTRICTION_FIELDS: ReadonlySet<string> = new Set(['restricted_since', 'restriction_ground']);

/** The day a contact's processing was restricted, or null when it is not. */
export function restrictedSince(row: Row): string | null {
  return typeof row.restricted_since === 'string' && row.restricted_since !== '' ? row.restricted_since : null;
}

/** SQL: a contact (of the table or alias `from`, if given) whose processing is not restricted. */
export function notRestrictedSql(from?: string): string {
  return `${from ? `${from}.` : ''}restricted_since IS NULL`;
}

/**
 * Refuses what a restriction forbids of a contact: a change, a move to the trash, a deletion for good
 * or an erasure. CONFLICT, as for a record the law keeps: the record's state stops it, not a right.
 * `title`: the person as the caller may see them, so a refused deletion of ten says which one.
 */
export function refuseWhileRestricted(row: Row, refused: 'update' | 'delete' | 'purge' | 'erase', title: string): void {
  const since = restrictedSince(row);
  if (since === null) return;
  const id = refused === 'update' ? 'records.restrictedNoChange' : refused === 'erase' ? 'records.restrictedNoErasure' : 'records.restrictedNoDeletion';
  throw new KluisError('CONFLICT', { id, values: { title, since: { en: longDay(since, 'en'), nl: longDay(since, 'nl') } } });
}

/**
 * Refuses a link the restriction forbids (LINKS_REFUSED) to a restricted person, made or changed by
 * these values; `before`, on an edit, so that a link that stays as it was is no new link. Under the
 * field (CONFLICT, as the other refusals): the form shows it there. `titleOf`: the person as the
 * caller may see them (the link was checked readable before).
 */
export function refuseLinkToRestricted(db: Db, entity: EntityName, values: Row, before: Row | null, titleOf: (row: Row) => string): void {
  for (const [field, id] of Object.entries(values)) {
    if (!LINKS_REFUSED.has(`${entity}.${field}`) || typeof id !== 'number' || before?.[field] === id) continue;
    const person = readRow(db, 'contact', id);
    const since = person ? restrictedSince(person) : null;
    if (!person || since === null) continue;
    const message = { id: 'records.restrictedNoNewDeal', values: { title: titleOf(person), since: { en: longDay(since, 'en'), nl: longDay(since, 'nl') } } } as const;
    throw new KluisError('CONFLICT', message, fieldErrorDetails({ [field]: message }));
  }
}
