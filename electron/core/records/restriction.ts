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
import { KluisError } from '../errors';
import type { Row } from './rows';

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
