/**
 * Records the law says to keep (the registry's `legalHold`: an issued invoice, 7 years for the tax
 * authority). They may go to the trash and come back, but are not deleted for good before their
 * hold ends: not by hand, not by the trash's retention job. Erasure does not delete them either;
 * it only cuts their link to the person.
 */
import { lowerCase, type CoreMessageId } from '../../../shared/coreMessages';
import { localDay, longDay } from '../../../shared/localDay';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import { fieldErrorDetails, KluisError } from '../errors';
import type { Row } from '../records/rows';

/** The first day `row` may be deleted for good (YYYY-MM-DD), or null when no hold applies. */
export function heldUntil(entity: EntityName, row: Row): string | null {
  const hold = ENTITIES[entity].legalHold;
  if (!hold) return null;
  if (hold.unless && hold.unless.values.includes(String(row[hold.unless.field]))) return null;
  // Counted from the latest of its dates (an invoice's due day, the day it went out), and never from
  // before the record was made: a due date moved back years, or a draft sent years after it was
  // due, must not free an invoice early.
  const days = [String(row.created_at ?? '').slice(0, 10), ...hold.from.map((key) => row[key])].filter(
    (day): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}/.test(day),
  );
  // A record with no date at all (none can be saved so) is held from today rather than not at all.
  const start = days.map((day) => day.slice(0, 10)).reduce((latest, day) => (day > latest ? day : latest), '') || localDay();
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
export function refuseWhileHeld(entity: EntityName, row: Row, title: string, id: Extract<CoreMessageId, 'history.keptByLaw' | 'history.undoKeptByLaw'>): void {
  const until = holdsUntil(entity, row);
  if (!until) return;
  // At the start of "Invoice F-7 is kept …", in the middle of "Undo would delete invoice F-7 …".
  const kind = ENTITIES[entity].label.singular;
  throw new KluisError('CONFLICT', { id, values: { entity: id === 'history.keptByLaw' ? kind : lowerCase(kind), title, until: untilWords(until) } });
}

const untilWords = (until: string) => ({ en: longDay(until, 'en'), nl: longDay(until, 'nl') });

/**
 * Refuses an edit that would end a hold before its time (an issued invoice set back to draft): what
 * the law keeps stays kept. Undo of the edit that issued it is no edit and may still set it back.
 */
export function refuseReleasingHold(entity: EntityName, before: Row, after: Row): void {
  const hold = ENTITIES[entity].legalHold;
  const until = holdsUntil(entity, before);
  if (!hold?.unless || !until || heldUntil(entity, after) !== null) return;
  const message = { id: 'records.heldStaysIssued', values: { until: untilWords(until) } } as const;
  throw new KluisError('VALIDATION', message, fieldErrorDetails({ [hold.unless.field]: message }));
}

/**
 * The record as stored, with the day it became held stamped (`legalHold.stamp`): an invoice created
 * as sent, or a draft sent now, went out today. A record already stamped keeps its day.
 */
export function stampedHold(entity: EntityName, before: Row | null, after: Row): Row {
  const hold = ENTITIES[entity].legalHold;
  if (!hold?.stamp || after[hold.stamp] || heldUntil(entity, after) === null) return after;
  if (before !== null && heldUntil(entity, before) !== null) return after;
  return { ...after, [hold.stamp]: localDay() };
}
