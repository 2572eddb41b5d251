/**
 * Records the law says to keep (the registry's `legalHold`: an issued invoice, 7 years for the tax
 * authority). They may go to the trash and come back, but are not deleted for good before their
 * hold ends: not by hand, not by the trash's retention job. Erasure does not delete them either;
 * it only cuts their link to the person.
 */
import type { CoreMessageId } from '../../../shared/coreMessages';
import { localDay } from '../../../shared/localDay';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import type { Access } from '../access/access';
import { KluisError } from '../errors';
import { longDay } from '../records/reminder';
import type { Row } from '../records/rows';
import { titleFor } from '../records/service';

/** The first day `row` may be deleted for good (YYYY-MM-DD), or null when no hold applies. */
export function heldUntil(entity: EntityName, row: Row): string | null {
  const hold = ENTITIES[entity].legalHold;
  if (!hold) return null;
  if (hold.unless && hold.unless.values.includes(String(row[hold.unless.field]))) return null;
  const from = row[hold.from];
  // A record without its date (never the case for an invoice, whose due date is required) is held
  // from the day it was made, so a missing date never frees it early.
  const start = typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : String(row.created_at ?? '').slice(0, 10);
  const year = Number(start.slice(0, 4)) + hold.years;
  return `${String(year).padStart(4, '0')}${start.slice(4, 10)}`;
}

/** The day the hold of `row` ends if it has not ended by `today`; null when it may be deleted for good. */
export function holdsUntil(entity: EntityName, row: Row, today = localDay()): string | null {
  const until = heldUntil(entity, row);
  return until !== null && until > today ? until : null;
}

/**
 * Refuses to remove `row` for good while it is held, naming it and the day its hold ends in both
 * languages: "Invoice F-7 is kept for the bookkeeping until 1 January 2037".
 */
export function refuseWhileHeld(access: Access, entity: EntityName, row: Row, id: Extract<CoreMessageId, 'history.keptByLaw' | 'history.undoKeptByLaw'>): void {
  const until = holdsUntil(entity, row);
  if (!until) return;
  const day = { en: longDay(until, 'en'), nl: longDay(until, 'nl') };
  throw new KluisError('CONFLICT', { id, values: { entity: ENTITIES[entity].label.singular, title: titleFor(access, entity, row), until: day } });
}
