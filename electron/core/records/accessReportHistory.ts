/**
 * The undo history's part of an access request. The journal keeps every change's row before and
 * after for as long as the trash keeps records (history/destroy.ts), so it still holds past values
 * of the person — a name before a correction, an earlier e-mail address, a note since moved to
 * another card — and the values of changes that were undone. Those are held data too (GDPR art.
 * 15). Reported per change: the fields in force that it set, with their values before and after, as
 * the rest of the report shows values (a switched-off field's values were purged from the journal
 * along with the records).
 */
import type { AccessReportChange, AccessReportChangedValue } from '../../../shared/accessReportTypes';
import type { StoredValue } from '../../../shared/recordTypes';
import type { Db } from '../db/open';
import { activeFields, type ActiveField } from './fields';
import { journalOfRecordsAbout, peopleOf } from './personLinks';
import type { Row } from './rows';
import { customOf } from './rows';

function fieldValue(row: Row | null, field: ActiveField): StoredValue {
  if (row === null) return null;
  const value = field.custom ? customOf(row)[field.key] : row[field.key];
  return value === undefined || value === '' ? null : (value as StoredValue);
}

/**
 * The changes the journal holds about the person, oldest first: of their own record, and of every
 * record that was ever about them (personLinks.ts), whether it still is or not. A value counts as
 * the person's when it was written while the record was about them, and stays theirs after the
 * record moved on until it is written again: a note moved from the person's card to a colleague's,
 * then rewritten there, reports the old text to the person and the new to the colleague, never the
 * other way round. A value that was someone else's is reported as empty. A change that set no value
 * of the person's (a move to the trash and back) is left out; the audit entries say when it happened.
 */
export function journalChangesOf(db: Db, personId: number): AccessReportChange[] {
  const changes: AccessReportChange[] = [];
  /** Per record: whom each field's value was written for, as far as the journal tells. */
  const writtenFor = new Map<string, Map<string, readonly number[]>>();
  for (const change of journalOfRecordsAbout(db, personId)) {
    const { entity, record_id: id } = change;
    const target = `${entity}:${id}`;
    const before = change.before === null ? null : (JSON.parse(change.before) as Row);
    const after = change.after === null ? null : (JSON.parse(change.after) as Row);
    const known = writtenFor.get(target);
    const next = new Map<string, readonly number[]>();
    const values: AccessReportChangedValue[] = [];
    for (const field of activeFields(db, entity)) {
      const was = fieldValue(before, field);
      const is = fieldValue(after, field);
      // Before the journal's first change of a record, a value is taken as written for whom the row was about.
      const wasFor = before === null ? [] : (known?.get(field.key) ?? peopleOf(entity, id, before));
      const isFor = after === null ? [] : was !== is || before === null ? peopleOf(entity, id, after) : wasFor;
      next.set(field.key, isFor);
      const shownBefore = wasFor.includes(personId) ? was : null;
      const shownAfter = isFor.includes(personId) ? is : null;
      if (shownBefore !== shownAfter) values.push({ key: field.key, label: field.label, before: shownBefore, after: shownAfter });
    }
    writtenFor.set(target, next);
    if (values.length > 0) changes.push({ at: change.at, verb: change.verb, state: change.state, target, values });
  }
  return changes;
}
